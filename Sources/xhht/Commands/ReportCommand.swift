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
            var clock = verbosity.stageClock(logger: session.logger)
            let (store, model, issues) = try session.modelFromStore(documentDate: documentDate, clock: &clock)
            let inputs = try session.reportInputs(store: store, issues: issues, documentDate: documentDate)
            let letters = try session.letters(store: store, model: model)
            try store.close()  // read only, but a connection left open would leave the -wal and -shm files behind
            let (written, _, status) = try session.writeOutputs(model: model, reading: nil, issues: issues, command: "report", started: started,
                                                        status: ExitStatus.of(issues: issues), reportInputs: inputs, letters: letters, clock: &clock)
            RunSummary.printOutputs(written, quiet: verbosity.quiet)
            return status
        }
    }
}
