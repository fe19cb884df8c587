@testable import Core
import Foundation
import Logging
@testable import Run
import Synchronization
import Testing

/// The log's line per stage, the JSON log's five keys, and the progress bar: drawn in place
/// with count and time left, throttled, wiped at the end, and never made without a terminal.
@Suite struct LogAndProgressTests {
    /// What an observer heard, in order.
    final class Recorder: StageObserver {
        let events = Mutex<[String]>([])
        func started(_ stage: String, items: Int?) { events.withLock { $0.append("start \(stage) \(items.map(String.init) ?? "-")") } }
        func finishedItem(of stage: String) { events.withLock { $0.append("item \(stage)") } }
        func finished(_ timing: StageTiming) { events.withLock { $0.append("end \(timing.stage)") } }
    }

    @Test func theClockTellsItsObserverAndKeepsTheTimings() {
        let recorder = Recorder()
        var clock = StageClock(observer: recorder)
        let sum = clock.measure("read", items: 2) {
            recorder.finishedItem(of: "read"); recorder.finishedItem(of: "read")
            return 3
        }
        clock.measure("render") {}
        #expect(sum == 3)
        #expect(recorder.events.withLock { $0 } == ["start read 2", "item read", "item read", "end read", "start render -", "end render"])
        #expect(clock.timings.map(\.stage) == ["read", "render"])
    }

    /// Every line has exactly the five keys; `stage` is null when the line is about none; the
    /// Vietnamese is UTF-8, not escaped; a newline in a message stays inside the line.
    @Test func aJSONLogLineHasTheFiveKeys() throws {
        let time = Date(timeIntervalSince1970: 1_733_362_200.5)
        let staged = JSONLogHandler.line(time: time, level: .info, stage: "read", message: "xong bước đọc tệp (read): 0,420 giây",
                                         fields: ["seconds": "0.420"])
        let loose = JSONLogHandler.line(time: time, level: .warning, stage: nil, message: "hai\ndòng", fields: [:])
        for line in [staged, loose] {
            #expect(line.hasSuffix("}\n") && line.dropLast().allSatisfy { $0 != "\n" })
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["time", "level", "stage", "message", "fields"])
        }
        #expect(staged == #"{"fields":{"seconds":"0.420"},"level":"info","message":"xong bước đọc tệp (read): 0,420 giây","stage":"read","time":"2024-12-05T01:30:00.500Z"}"# + "\n")
        #expect(loose.contains(#""stage":null"#) && loose.contains(#""message":"hai\ndòng""#) && loose.contains(#""fields":{}"#))
    }

    /// Through a Logger: the handler's metadata and the line's merge into `fields`, `stage` is
    /// taken out of them.
    @Test func theHandlerSplitsTheStageFromTheFields() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "test") { _ in
            JSONLogHandler(output: { line in lines.withLock { $0.append(line) } }, now: { Date(timeIntervalSince1970: 0) })
        }
        logger[metadataKey: "run"] = "7"
        logger.info("xong", metadata: ["stage": "render", "seconds": "1.000"])
        let line = try #require(lines.withLock { $0 }.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["stage"] as? String == "render")
        #expect(object["fields"] as? [String: String] == ["run": "7", "seconds": "1.000"])
        #expect(object["time"] as? String == "1970-01-01T00:00:00.000Z")
    }

    @Test func theStageLogWritesOneLinePerStageWithItsSeconds() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "test") { _ in JSONLogHandler(output: { line in lines.withLock { $0.append(line) } }) }
        logger.logLevel = .info
        var clock = StageClock(observer: StageLog(logger: logger, bar: nil))
        clock.measure("read", items: 1) {}
        clock.measure("render") {}
        let objects = try lines.withLock { $0 }.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["stage"] as? String } == ["read", "render"])
        #expect(objects.allSatisfy { ($0["message"] as? String)?.hasPrefix("xong bước ") == true })
        for (object, timing) in zip(objects, clock.timings) {
            #expect((object["fields"] as? [String: String])?["seconds"] == String(format: "%.3f", timing.seconds))
        }
    }

    @Test func theProgressLineSaysCountAndTimeLeft() {
        #expect(ProgressLine.text(stage: "read", done: 350, total: 700, elapsed: 4.2)
                == "đọc tệp [██████████░░░░░░░░░░] 350/700 tệp · 4 giây · còn khoảng 4 giây")
        // Nothing done yet: no guess at the time left; all done: none either.
        #expect(ProgressLine.text(stage: "read", done: 0, total: 9, elapsed: 0) == "đọc tệp [░░░░░░░░░░░░░░░░░░░░] 0/9 tệp · 0 giây")
        #expect(ProgressLine.text(stage: "read", done: 9, total: 9, elapsed: 0.3) == "đọc tệp [████████████████████] 9/9 tệp · 0 giây")
        #expect(ProgressLine.duration(125) == "2 phút 5 giây")
    }

    /// A bar on a pipe (as a terminal would get it): drawn in place with `\r`, at most every
    /// 0.1 s and for the last item, wiped at the end of the stage; a stage without a count
    /// draws nothing.
    @Test func theBarRedrawsInPlaceThrottledAndWipesItself() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let clock = Mutex(0.0)
        let bar = ProgressBar(fd: fds[1], now: { clock.withLock { $0 } })
        bar.start("normalize", items: nil)
        bar.finish()
        bar.start("read", items: 3)           // drawn: 0/3
        clock.withLock { $0 = 0.05 }; bar.advance()   // too soon: not drawn
        clock.withLock { $0 = 2.0 }; bar.advance()    // drawn: 2/3, 1 s an item
        clock.withLock { $0 = 2.02 }; bar.advance()   // the last: drawn
        bar.finish()
        close(fds[1])
        let text = String(decoding: FileHandle(fileDescriptor: fds[0]).readDataToEndOfFile(), as: UTF8.self)
        let frames = text.split(separator: "\r", omittingEmptySubsequences: true).map(String.init)
        #expect(frames.count == 4, "\(frames)")
        #expect(frames[0].contains("0/3 tệp") && frames[1].contains("2/3 tệp") && frames[2].contains("3/3 tệp"))
        #expect(frames[1].contains("2/3 tệp · 2 giây · còn khoảng 1 giây"))
        #expect(frames[3] == "\u{1B}[K")
    }

    /// Under `swift test` standard error is a pipe or a file (never a terminal in CI): no bar
    /// is made, so none can write. `TERM=dumb` has none either.
    @Test func noBarWithoutATerminal() {
        if isatty(2) == 0 { #expect(ProgressBar.onStandardError() == nil) }
        #expect(ProgressBar.onStandardError(environment: ["TERM": "dumb"]) == nil)
    }
}
