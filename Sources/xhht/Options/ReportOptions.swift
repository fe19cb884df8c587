import ArgumentParser
import Foundation

/// Options of the commands that write a report.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The date printed on the report (YYYY-MM-DD). Default: $SOURCE_DATE_EPOCH when set, else today.",
        valueName: "date"))
    var date: String?

    /// The report date as ISO text: the flag, else SOURCE_DATE_EPOCH (reproducible builds'
    /// convention), else today in the machine's time zone.
    func documentDate(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) throws -> String {
        if let date {
            let parts = date.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, let m = Int(parts[1]), let d = Int(parts[2]),
                  (1...12).contains(m), (1...31).contains(d) else {
                throw ValidationError("--date \(date): cần dạng năm-tháng-ngày, ví dụ 2024-12-05.")
            }
            return date
        }
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
