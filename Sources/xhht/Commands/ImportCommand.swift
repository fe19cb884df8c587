import ArgumentParser
import Foundation
import Render
import Rollup

/// `xhht import`: what `validate` does, then keeps the accepted facts in the store (SQLite),
/// where the yearly reports and the review-year summaries read them. Importing the same file
/// twice changes nothing; a changed file replaces that unit's facts for the year and keeps the
/// old submission in the history.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read, check and store the submissions (no report).",
        discussion: ExitStatusHelp.text
    )

    @OptionGroup var options: PipelineOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures {
            let session = try Session.open(options, verbosity)
            let lock = try session.lock()
            defer { lock.release() }
            var clock = StageClock()
            let reading = try session.readInputs(clock: &clock)
            let store = try session.openStore()
            let run = try store.beginRun(configSHA256: session.configSHA256, command: "import")
            let outcomes = try clock.measure("store") { try Pipeline(config: session.config, registry: session.registry).record(reading, in: store) }
            let status = ExitStatus.of(issues: reading.issues)
            try store.finishRun(run, exitStatus: status.rawValue,
                                counts: RunCounts(files: reading.workbooks.count, facts: reading.validation.factCount, issues: reading.issues.count))
            let issuesFile = session.outputFolder.appendingPathComponent("issues.csv")
            try AtomicFile.write(IssuesCSV.render(reading.issues), to: issuesFile)
            RunSummary.print(reading: reading, imports: outcomes, outputs: [issuesFile.path], quiet: verbosity.quiet)
            return status
        }
    }
}
