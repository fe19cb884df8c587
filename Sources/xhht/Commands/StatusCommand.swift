import ArgumentParser
import Foundation
import Presentation
import Run

/// `xhht status`: where the season stands for the year, from the store and the registry:
/// which sending units have sent (file, day received, facts), which came late against
/// pipeline.yml's `deadline` and by how many days, which sent nothing, which files have
/// findings (by severity), and the last run. Reads only; takes no lock.
///
///     xhht status                      # the year of ./pipeline.yml, in Vietnamese
///     xhht status --year 2024 --format json > tinh-hinh.json
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Cho biết đơn vị nào đã gửi, gửi muộn, chưa gửi, tệp nào có lỗi và lần chạy gần nhất (không đọc Input/, không ghi gì).",
        discussion: """
            Mã thoát (exit status) của status:
              0   mọi đơn vị đã gửi đúng hạn, không tệp nào có lỗi hay cảnh báo
              1   cần xem: còn đơn vị chưa gửi (chưa đến hạn, hoặc không đặt hạn nộp), có tệp nộp muộn
                  hoặc có cảnh báo, hoặc lần chạy gần nhất chưa kết thúc hay thất bại (mã 3 trở lên)
              2   cần hỏi các đơn vị: có tệp có lỗi, hoặc có đơn vị quá hạn mà chưa gửi
              3   lỗi cấu hình (pipeline.yml, danh mục đơn vị)
              4   tiến trình khác đang giữ kho dữ liệu quá lâu: chạy lại sau
              64  sai dòng lệnh (--year, --date, --format)
              70  lỗi nội bộ
            """
    )

    /// --config, and --year and --units for another year's status (--input and --output
    /// change nothing here: the status is the store's).
    @OptionGroup var options: PipelineOptions

    @Option(name: .long, help: ArgumentHelp("Ngày xét hạn nộp (năm-tháng-ngày). Mặc định: hôm nay, giờ Việt Nam.", valueName: "ngày"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("text (tiếng Việt, cho người đọc) hoặc json (docs/status.md).", valueName: "text|json"))
    var format: StatusFormat = .text

    @OptionGroup var verbosity: VerbosityOptions

    enum StatusFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date \(date): không phải một ngày có thật; cần dạng năm-tháng-ngày, ví dụ --date 2024-12-05.")
        }
    }

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let session = try options.openSession(verbosity)
            let status = try session.seasonStatus(asOf: date ?? SeasonStatus.vietnamDay(Date()))
            switch format {
            case .text: print(SeasonStatusText.lines(status).joined(separator: "\n"))
            case .json: print(try status.json(), terminator: "")
            }
            return status.exitStatus
        }
    }
}
