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
        guard let date else { return }
        guard let day = CalendarDate(iso: date) else {
            throw ValidationError("--date \(date): không phải một ngày có thật; cần dạng năm-tháng-ngày, ví dụ --date 2024-12-05.")
        }
        guard PipelineConfigLoader.years.contains(day.year) else {
            throw ValidationError("--date \(date): năm phải từ \(PipelineConfigLoader.years.lowerBound) "
                                  + "đến \(PipelineConfigLoader.years.upperBound), ví dụ --date 2024-12-05.")
        }
    }

    /// The report date as ISO text: the flag (checked by `validate`), else SOURCE_DATE_EPOCH
    /// (reproducible builds' convention), else today in the machine's time zone.
    func documentDate(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> String {
        if let date { return date }
        var moment = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        if let epoch = environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            moment = Date(timeIntervalSince1970: seconds)
            calendar.timeZone = TimeZone(identifier: "UTC")!
        }
        let c = calendar.dateComponents([.year, .month, .day], from: moment)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
