import ArgumentParser
import Config

/// The options every pipeline command shares: where pipeline.yml is, and the folder overrides.
/// Paths given here win over pipeline.yml; relative paths are taken from the current folder.
///
///     xhht run --config /srv/xhht/pipeline.yml --input /srv/inbox/2024 --year 2024
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Tệp cấu hình của lần chạy.", valueName: "pipeline.yml"))
    var config: String = "pipeline.yml"

    @Option(name: .long, help: ArgumentHelp("Thư mục chứa các tệp Excel các đơn vị gửi (thay cho paths.input).", valueName: "thư-mục"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi báo cáo (thay cho paths.output).", valueName: "thư-mục"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Danh mục đơn vị hành chính, tệp CSV (thay cho paths.units).", valueName: "units.csv"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp("Năm báo cáo, 2000-2100 (thay cho year).", valueName: "năm"))
    var year: Int?

    /// A year outside 2000-2100 is a mistake of the command line (exit 64), caught before
    /// anything is read. Whether it fits the report kind of pipeline.yml (a review covers
    /// 2023-2025) is checked once the file is loaded (`Session.open`), also exit 64.
    func validate() throws {
        if let year, !PipelineConfigLoader.years.contains(year) {
            throw ValidationError("--year \(year): năm báo cáo phải từ \(PipelineConfigLoader.years.lowerBound) "
                                  + "đến \(PipelineConfigLoader.years.upperBound), ví dụ --year 2024.")
        }
    }
}
