import ArgumentParser
import Config
import Foundation
import Run
import Storage

/// `xhht archive`: a consistent copy of the store (paths.store, or `--store`) in one file, to
/// keep the year's history or send it on. Safe while a run is writing (the copy is one read
/// transaction); never overwrites a file unless `--force`.
///
///     xhht archive --to /mnt/luu-tru/xhht-2024.sqlite
///     xhht archive --config /srv/xhht/pipeline.yml --to xhht-2024.sqlite --force
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Sao kho dữ liệu (lịch sử SQLite) thành một tệp nhất quán để lưu trữ.",
        discussion: ExitStatusHelp.text
    )

    @Option(name: .long, help: ArgumentHelp("Tệp cấu hình (để lấy paths.store).", valueName: "pipeline.yml"))
    var config: String = "pipeline.yml"

    @Option(name: .long, help: ArgumentHelp("Kho dữ liệu cần sao (thay cho paths.store).", valueName: "xhht.sqlite"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Tệp bản sao sẽ ghi: một tệp mới (xem --force).", valueName: "tệp"))
    var to: String

    @Flag(name: .long, help: "Ghi đè tệp --to nếu tệp đã có.")
    var force = false

    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let logger = verbosity.makeLogger()
            let source: String
            if let store {
                source = URL(fileURLWithPath: store).standardizedFileURL.path
            } else {
                do {
                    source = try PipelineConfigLoader.load(path: config).paths.store
                } catch let error as PipelineConfigError {
                    throw CommandFailure(status: .configurationError, message: error.description)
                }
            }
            let destination = URL(fileURLWithPath: to).standardizedFileURL.path
            do {
                try StoreArchive.copy(storeAt: source, to: destination, replacing: force)
            } catch let error as StoreArchiveError {
                // --to and --store come from the command line (64); a store missing where
                // pipeline.yml says is the configuration's (3); a failing copy is the system's (70).
                let status: ExitStatus = switch error {
                case .noStore: store == nil ? .configurationError : .usage
                case .destinationExists, .destinationIsFolder, .folder: .usage
                case .database(let e) where e.isBusy: .locked
                case .copyFailedCheck, .database, .file: .internalFailure
                }
                throw CommandFailure(status: status, message: "Sao lưu: \(error.description)", detail: error.technicalDetail)
            }
            logger.info("đã sao lưu \(source) vào \(destination)")
            return .success
        }
    }
}
