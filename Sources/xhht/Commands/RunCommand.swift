import ArgumentParser
import Core
import Foundation
import Render
import Run

/// `xhht run`: the whole job. Reads pipeline.yml, every workbook of the input folder, checks
/// them, keeps the accepted facts in the store, computes the indicators and writes the reports
/// to Output/<year>/. Safe from cron: locked, atomic, quiet when nothing changed.
///
///     xhht run                      # ./pipeline.yml
///     xhht run --config /srv/xhht/pipeline.yml --quiet
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Làm tất cả: đọc, kiểm tra, lưu, tính toán và viết báo cáo.",
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
            var reading = try session.readInputs(clock: &clock)
            let (store, run, imports) = try session.record(&reading, command: "run", started: started, clock: &clock)
            // Findings the model adds (a unit outside the report's territory) count too.
            let (model, issues) = try session.buildModel(store: store, issues: reading.issues, documentDate: documentDate, clock: &clock)
            let letters = try session.letters(store: store, model: model)
            let (written, _, status) = try session.writeOutputs(model: model, reading: reading, issues: issues, command: "run", started: started,
                                                        status: ExitStatus.of(issues: issues), letters: letters, clock: &clock)
            try session.finish(run, in: store, reading: reading, issueCount: issues.count, status: status)
            try store.close()  // the WAL checkpointed into xhht.sqlite: the file alone is the store
            RunSummary.print(reading: reading, imports: imports, outputs: written.filter(\.changed).map(\.url.path),
                             changedOutputs: written.filter(\.changed).count, quiet: verbosity.quiet)
            return status
        }
    }
}
