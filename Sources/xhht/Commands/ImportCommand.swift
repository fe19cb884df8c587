import ArgumentParser
import Core
import Foundation
import Render
import Run

/// `xhht import`: what `validate` does, then keeps the accepted facts in the store (SQLite),
/// where the yearly reports and the review-year summaries read them. Importing the same file
/// twice changes nothing; a changed file replaces that unit's facts for the year and keeps the
/// old submission in the history. A workbook the store has already read with the same bytes
/// and settings is not opened again (docs/incremental-runs.md).
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Đọc, kiểm tra và lưu số liệu các đơn vị gửi vào kho (không viết báo cáo).",
        discussion: ExitStatusHelp.text
    )

    @OptionGroup var options: PipelineOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let session = try options.openSession(verbosity)
            let lock = try session.lock()
            defer { lock.release() }
            let started = Date()
            var clock = verbosity.stageClock(logger: session.logger)
            // As `run` reads: a workbook whose bytes the store has read is not opened again.
            let store = try session.openStore()
            let plan = try session.plan(documentDate: "", store: store)
            let cache = ReadCache(kept: try store.cachedReadings(settings: session.settingsSHA256))
            var reading = try session.readInputs(plan: plan, cache: cache, clock: &clock)
            let (_, run, outcomes) = try session.record(&reading, command: "import", started: started, store: store, clock: &clock)
            let status = ExitStatus.of(issues: reading.issues)
            try session.finish(run, in: store, reading: reading, issueCount: reading.issues.count, status: status)
            try store.close()  // the WAL checkpointed into xhht.sqlite: the file alone is the store
            let issuesFile = session.outputFolder.appendingPathComponent("issues.csv")
            try IssuesCSV.write(reading.issues, to: issuesFile)
            RunSummary.print(reading: reading, imports: outcomes, outputs: [issuesFile.path], quiet: verbosity.quiet)
            return status
        }
    }
}
