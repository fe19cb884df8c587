import ArgumentParser
import Config
import Foundation
import Presentation
import Render

/// Options of the commands that write a report.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Ngày ghi trên báo cáo (năm-tháng-ngày, một ngày có thật trong 2000-2100). Mặc định: $SOURCE_DATE_EPOCH nếu có, nếu không thì hôm nay.",
        valueName: "ngày"))
    var date: String?

    /// `--date` must be a real day of the calendar (2024-02-29 is, 2023-02-29 and 2024-13-45 are
    /// not) in the years the pipeline takes: a mistake is the command line's (exit 64), caught
    /// while the arguments are parsed, before anything is read.
    func validate() throws {
        guard let date else {
            try Self.checkEpoch(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
            return
        }
        guard let day = CalendarDate(iso: date) else {
            throw ValidationError("--date \(date): không phải một ngày có thật; cần dạng năm-tháng-ngày, ví dụ --date 2024-12-05.")
        }
        guard PipelineConfigLoader.years.contains(day.year) else {
            throw ValidationError("--date \(date): năm phải từ \(PipelineConfigLoader.years.lowerBound) "
                                  + "đến \(PipelineConfigLoader.years.upperBound), ví dụ --date 2024-12-05.")
        }
    }

    /// SOURCE_DATE_EPOCH, when set and no `--date` is given, is the report's date: it must be
    /// what the reproducible-builds convention says (whole seconds since 1970, digits only) and
    /// fall in the years the pipeline takes. Anything else is refused (exit 64) rather than
    /// ignored, which would silently date the report today.
    static func checkEpoch(_ epoch: String?) throws {
        guard let epoch else { return }
        let example = "ví dụ SOURCE_DATE_EPOCH=1733356800 là ngày 2024-12-05"
        guard let seconds = epochSeconds(epoch) else {
            throw ValidationError("SOURCE_DATE_EPOCH=\(epoch): không phải số giây kể từ 1970 (chỉ gồm chữ số, \(example)); "
                                  + "sửa hoặc bỏ biến môi trường này, hoặc dùng --date.")
        }
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!,
                                                                    from: Date(timeIntervalSince1970: TimeInterval(seconds))).year ?? 0
        guard PipelineConfigLoader.years.contains(year) else {
            throw ValidationError("SOURCE_DATE_EPOCH=\(epoch): là năm \(year), cần từ \(PipelineConfigLoader.years.lowerBound) "
                                  + "đến \(PipelineConfigLoader.years.upperBound) (\(example)); sửa hoặc bỏ biến môi trường này, hoặc dùng --date.")
        }
    }

    /// Whole seconds, digits only (no sign, no fraction, no spaces), as the convention defines it.
    static func epochSeconds(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }

    /// The report date as ISO text: the flag (checked by `validate`), else SOURCE_DATE_EPOCH
    /// (reproducible builds' convention), else today in the machine's time zone.
    func documentDate(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> String {
        if let date { return date }
        var moment = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = Self.epochSeconds(epoch) {
            moment = Date(timeIntervalSince1970: TimeInterval(seconds))
            calendar.timeZone = TimeZone(identifier: "UTC")!
        }
        let c = calendar.dateComponents([.year, .month, .day], from: moment)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
