import ArgumentParser
import Core
import Foundation
import Render
import Run

/// `xhht report`: builds the report of the configured year (or review phase) from what the
/// store holds, without reading the input folder: for a review year, or to re-render after
/// editing a template.
///
///     xhht report --date 2025-12-05
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Viết báo cáo từ số liệu đã lưu trong kho (không đọc thư mục Input/).",
        discussion: ExitStatusHelp.text
    )

    @OptionGroup var options: PipelineOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let started = Date()
            let session = try options.openSession(verbosity)
            let documentDate = report.documentDate()
            let lock = try session.lock()
            defer { lock.release() }
            var clock = StageClock()
            // The report is made from the store alone: without one there is nothing to report, and
            // opening it would leave an empty store behind that looks like a finished season.
            guard FileManager.default.fileExists(atPath: session.config.paths.store) else {
                throw CommandFailure(status: .configurationError, message:
                    "Chưa có cơ sở dữ liệu ở \(session.config.paths.store) (paths.store): xhht report chỉ lập báo cáo từ số liệu đã lưu. Hãy chạy xhht run (hoặc xhht import) trước.")
            }
            let store = try session.openStore()
            // The findings of the latest run that read files.
            let lastReading = try store.runs().last { $0.command == "run" || $0.command == "import" }
            let stored = try lastReading.map { try store.issues(run: $0.id) } ?? []
            // With the model's own findings, as the run that wrote them had.
            let (model, issues) = try session.buildModel(store: store, issues: stored, documentDate: documentDate, clock: &clock)
            let letters = try session.letters(store: store, model: model)
            try store.close()  // read only, but a connection left open would leave the -wal and -shm files behind
            let (written, _, status) = try session.writeOutputs(model: model, reading: nil, issues: issues, command: "report", started: started,
                                                        status: ExitStatus.of(issues: issues), letters: letters, clock: &clock)
            RunSummary.printOutputs(written, quiet: verbosity.quiet)
            return status
        }
    }
}
