import Foundation
import TestSupport
import Testing

/// What the operator of a season sees: `xhht status` (text and JSON, exit codes), the JSON log
/// with a line per stage, and the progress bar: on a terminal only, never in a pipe (cron, CI).
@Suite(.serialized) struct OperatorRunTests {
    typealias Sample = SampleRunTests

    static func run(_ arguments: [String], in project: URL) throws -> Sample.Result {
        try Sample.run(Sample.binary, arguments, in: project)
    }

    /// The sample with a deadline (30/11/2024): every workbook saved on 28/11 except Cờ Đỏ's,
    /// saved on 02/12 (two days late), and Thới Lai's removed (it sent nothing).
    static func seasonProject() throws -> URL {
        let project = try Sample.sampleProject()
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.contains("\ndeadline:\n"))
        try text.replacingOccurrences(of: "\ndeadline:\n", with: "\ndeadline: 2024-11-30\n").write(to: config, atomically: true, encoding: .utf8)
        let input = project.appendingPathComponent("Input")
        try FileManager.default.removeItem(at: input.appendingPathComponent("mau-2024-927-thoi-lai.xlsx"))
        for name in try FileManager.default.contentsOfDirectory(atPath: input.path) {
            let day = name.contains("925") ? "2024-12-02T09:00:00+07:00" : "2024-11-28T09:00:00+07:00"
            try FileManager.default.setAttributes([.modificationDate: try Date(day, strategy: .iso8601)],
                                                  ofItemAtPath: input.appendingPathComponent(name).path)
        }
        return project
    }

    @Test func statusSaysWhoSentWhoIsLateAndWhoIsMissing() throws {
        let project = try Self.seasonProject()
        defer { try? FileManager.default.removeItem(at: project) }
        // Before any run: nobody has sent, every unit is overdue (2), and no store is made.
        let before = try Self.run(["status", "--date", "2024-12-05"], in: project)
        #expect(before.status == 2, "stderr: \(before.stderr)")
        #expect(before.stdout.contains("Đã gửi: 0/9 đơn vị"))
        #expect(before.stdout.contains("Chưa có lần chạy nào"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite").path))

        #expect(try Self.run(["run", "--date", "2024-12-05"], in: project).status == 2)
        let text = try Self.run(["status", "--date", "2024-12-05"], in: project)
        #expect(text.status == 2, "stderr: \(text.stderr)")
        #expect(text.stdout.contains("Tình hình nhận số liệu năm 2024 (hạn nộp 30/11/2024), tính đến ngày 05/12/2024"))
        #expect(text.stdout.contains("Đã gửi: 8/9 đơn vị"))
        #expect(text.stdout.contains("925 Huyện Cờ Đỏ: mau-2024-925-co-do.xlsx, nhận ngày 02/12/2024"))
        #expect(text.stdout.contains("nộp muộn 2 ngày"))
        #expect(text.stdout.contains("Chưa gửi: 1 đơn vị, quá hạn 5 ngày\n  927 Huyện Thới Lai"))
        #expect(text.stdout.contains("Lần chạy gần nhất: xhht run, bắt đầu "))
        #expect(text.stdout.contains("mã thoát 2"))

        let json = try Self.run(["status", "--date", "2024-12-05", "--format", "json"], in: project)
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sent = try #require(object["sent"] as? [[String: Any]])
        #expect(sent.count == 8)
        #expect(sent.first { $0["code"] as? String == "925" }?["daysLate"] as? Int == 2)
        #expect(sent.filter { $0["code"] as? String != "925" }.allSatisfy { $0["daysLate"] as? Int == 0 })
        #expect(sent.allSatisfy { ($0["facts"] as? Int ?? 0) > 0 })
        #expect((object["missing"] as? [[String: Any]])?.map { $0["code"] as? String } == ["927"])
        let lastRun = try #require(object["lastRun"] as? [String: Any])
        #expect(lastRun["command"] as? String == "run" && lastRun["exitStatus"] as? Int == 2)
        // The planted mistakes are counted per file: Ô Môn's workbook has errors.
        let oMon = try #require(sent.first { $0["code"] as? String == "917" }?["findings"] as? [String: Int])
        #expect((oMon["errors"] ?? 0) > 0)
        // Same store, same day: same bytes.
        #expect(try Self.run(["status", "--date", "2024-12-05", "--format", "json"], in: project).stdout == json.stdout)
    }

    @Test func statusRefusesABadDateOrFormat() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try Self.run(["status", "--date", "2024-02-30"], in: project).status == 64)
        #expect(try Self.run(["status", "--format", "xml"], in: project).status == 64)
    }

    /// `--log-format json` without a terminal: every stderr line before the summary is one JSON
    /// object with the five keys; each stage of the run has its line with its seconds; and not
    /// one byte of a progress bar (no carriage return, no bar, no escape).
    @Test func theJSONLogHasALinePerStageAndNoProgressWithoutATerminal() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.run(["run", "--date", "2024-12-05", "--log-format", "json"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        // Every line, the summary's too, is a JSON object.
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count >= 8)
        var stages: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(Set(object.keys) == ["time", "level", "stage", "message", "fields"])
            if let stage = object["stage"] as? String {
                stages.append(stage)
                #expect(Double((object["fields"] as? [String: String])?["seconds"] ?? "") != nil)
            }
        }
        #expect(stages == ["plan", "read", "validate", "store", "load", "aggregate", "render"])
        for bytes in ["\r", "█", "\u{1B}["] { #expect(!result.stderr.contains(bytes)) }
        // A failure too: a missing pipeline.yml is one JSON line at level error.
        let failed = try Self.run(["run", "--log-format", "json", "--config", "khong-co.yml"], in: project)
        #expect(failed.status == 3)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(failed.stderr.utf8)) as? [String: Any], "\(failed.stderr)")
        #expect(failure["level"] as? String == "error")
        #expect((failure["message"] as? String)?.contains("khong-co.yml") == true)
        // The text log (-v) without a terminal: no progress either. Nothing is new since the JSON
        // run, so the run stops after comparing (the plan stage) and says so.
        let text = try Self.run(["run", "--date", "2024-12-05", "-v"], in: project)
        #expect(text.stderr.contains("xong bước so với lần chạy trước (plan)"))
        #expect(!text.stderr.contains("xong bước đọc tệp (read)"))
        for bytes in ["\r", "█", "\u{1B}["] { #expect(!text.stderr.contains(bytes)) }
    }

    /// script(1) (util-linux' bsdutils, on every Debian) runs a command on a pseudo-terminal.
    static let script = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// On a terminal (script(1)'s pseudo-terminal) the bar is drawn while the files are read,
    /// and wiped.
    @Test(.enabled(if: script, "script(1) gives the command a terminal (apt-get install bsdutils)"))
    func onATerminalTheBarIsDrawn() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let command = "'\(Sample.binary.path)' run --date 2024-12-05"
        let r = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"], in: project)
        #expect(r.status == 2, "\(r.stdout)")
        #expect(r.stdout.contains("đọc tệp ["), "\(r.stdout)")
        #expect(r.stdout.contains("9/9 tệp"))
        #expect(r.stdout.contains("\r\u{1B}[K"))
    }
}
