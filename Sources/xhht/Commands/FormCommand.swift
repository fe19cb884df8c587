import ArgumentParser
import Config
import Core
import Foundation
import Run

/// `xhht form`: the blank submission workbook of one sending unit (`--unit`) or of every one
/// (`--all`), as `SubmissionForm` lays it out, written atomically to
/// `<DIR>/bieu-mau-<year>-<code>-<slug>.xlsx` (default `Output/<year>/bieu-mau/`).
///
///     xhht form --unit 917 --year 2024                       # Output/2024/bieu-mau/bieu-mau-2024-917-quan-o-mon.xlsx
///     xhht form --all --units units/communes-2025-07-01.csv --year 2026 --output /tmp/bieu-mau
///
/// Who sends follows the registry (`FormSenders`): districts before the 2025 reform, communes
/// after it. A code that is unknown or does not send is a usage error (64) saying why.
struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Lập biểu mẫu Excel trống cho đơn vị gửi số liệu (mã, tên đơn vị điền sẵn, ô nhập có kiểm tra).",
        discussion: ExitStatusHelp.text
    )

    @Option(name: .long, help: ArgumentHelp("Tệp cấu hình của lần chạy.", valueName: "pipeline.yml"))
    var config: String = "pipeline.yml"

    @Option(name: .long, help: ArgumentHelp("Danh mục đơn vị hành chính, tệp CSV (thay cho paths.units).", valueName: "units.csv"))
    var units: String?

    @Option(name: .long, help: ArgumentHelp("Năm của biểu mẫu, 2000-2100 (thay cho year).", valueName: "năm"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Mã đơn vị gửi số liệu (mã hành chính chính thức).", valueName: "mã"))
    var unit: String?

    @Flag(name: .long, help: "Lập biểu mẫu cho mọi đơn vị gửi số liệu trong danh mục.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Thư mục ghi biểu mẫu (mặc định <paths.output>/<năm>/bieu-mau).", valueName: "thư-mục"))
    var output: String?

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if (unit == nil) == !all {
            throw ValidationError("cần đúng một trong hai: --unit <mã> (một đơn vị) hoặc --all (mọi đơn vị gửi số liệu).")
        }
        if let year, !PipelineConfigLoader.years.contains(year) {
            throw ValidationError("--year \(year): năm phải từ \(PipelineConfigLoader.years.lowerBound) "
                                  + "đến \(PipelineConfigLoader.years.upperBound), ví dụ --year 2024.")
        }
    }

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let session = try Session.open(configPath: config, overrides: ConfigOverrides(units: units, year: year),
                                           logger: verbosity.makeLogger(), generator: XHHT.versionString)
            let senders = FormSenders(registry: session.registry, root: session.config.agency.unitCode)
            let chosen = try unit.map { [try senders.sender($0, registryFile: session.config.paths.units)] } ?? senders.units
            let folder = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                ?? session.outputFolder.appendingPathComponent("bieu-mau").path
            do {
                try OutputFolder.prepare(folder)
            } catch let error as OutputFolderError {
                throw CommandFailure(status: output == nil ? .configurationError : .usage, message: error.description)
            }
            for sender in chosen {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(SubmissionForm.fileName(year: session.config.year, unit: sender)).path
                try SubmissionForm.workbook(config: session.config, registry: session.registry, unit: sender).write(to: path)
                if !verbosity.quiet { print(path) }
            }
            return .success
        }
    }
}
