import ArgumentParser
import Core
import Foundation
import Render
import Run
import Storage

/// `xhht run`: the whole job. Reads pipeline.yml, every workbook of the input folder, checks
/// them, keeps the accepted facts in the store, computes the indicators and writes the reports
/// to Output/<year>/. Safe from cron: locked, atomic, quiet when nothing changed.
///
/// Incremental (docs/incremental-runs.md): a workbook the store has read with the same bytes
/// and settings is not opened again, an output whose inputs did not change is not rendered
/// again, and a run with nothing new since the last one stops at once with that run's status.
///
///     xhht run                      # ./pipeline.yml
///     xhht run --config /srv/xhht/pipeline.yml --quiet
///     xhht run --dry-run            # what would be read and written
///     xhht run --to store           # read and store only
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Làm tất cả: đọc, kiểm tra, lưu, tính toán và viết báo cáo.",
        discussion: ExitStatusHelp.text
    )

    @OptionGroup var options: PipelineOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var stages: StageOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let started = Date()
            let selection = try stages.selection()
            let session = try options.openSession(verbosity)
            let documentDate = report.documentDate()
            if stages.dryRun { return try dryRun(session, selection: selection, documentDate: documentDate) }
            let lock = try session.lock()
            defer { lock.release() }
            var clock = verbosity.stageClock(logger: session.logger)
            guard selection.runs(.read) else { return try fromModel(session, selection: selection, documentDate: documentDate, started: started) }
            guard selection.runs(.store) else { return try readOnly(session) }
            let store = try session.openStore()
            let plan = try clock.measure("plan") { try session.plan(documentDate: documentDate, store: store) }
            if selection.isAll, plan.nothingNew, let last = plan.lastRun, let status = last.exitStatus.flatMap(ExitStatus.init) {
                try store.close()
                RunSummary.printNothingNew(last, status: status, files: plan.files.count, output: session.outputFolder.path, quiet: verbosity.quiet)
                return status
            }
            let cache = ReadCache(kept: try store.cachedReadings(settings: session.settingsSHA256))
            var reading = try session.readInputs(plan: plan, cache: cache, clock: &clock)
            let (_, run, imports) = try session.record(&reading, command: "run", started: started, store: store, clock: &clock)
            var issues = reading.issues
            var written: [ReportOutputs.Written] = []
            var status = ExitStatus.of(issues: issues)
            if selection.runs(.model) {
                // Findings the model adds (a unit outside the report's territory) count too.
                let (model, all) = try session.buildModel(store: store, issues: reading.issues, documentDate: documentDate, clock: &clock)
                issues = all
                status = ExitStatus.of(issues: issues)
                if selection.runs(.outputs) {
                    let inputs = try session.reportInputs(store: store, issues: issues, documentDate: documentDate)
                    let letters = try session.letters(store: store, model: model)
                    (written, _, status) = try session.writeOutputs(model: model, reading: reading, issues: issues, command: "run", started: started,
                                                                    status: status, reportInputs: inputs, fingerprint: plan.fingerprint,
                                                                    letters: letters, clock: &clock)
                }
            }
            try session.finish(run, in: store, reading: reading, issueCount: issues.count, status: status,
                               fingerprint: selection.isAll ? plan.fingerprint : nil)
            try store.close()  // the WAL checkpointed into xhht.sqlite: the file alone is the store
            RunSummary.print(reading: reading, imports: imports, outputs: written.filter(\.changed).map(\.url.path),
                             changedOutputs: selection.runs(.outputs) ? written.filter(\.changed).count : nil, quiet: verbosity.quiet)
            return status
        }
    }

    /// `--to read` / `--only read`: read and check, keep and write nothing (the store's read
    /// cache is used when there is a store, read-only).
    private func readOnly(_ session: Session) throws -> ExitStatus {
        var clock = verbosity.stageClock(logger: session.logger)
        let store = FileManager.default.fileExists(atPath: session.config.paths.store) ? try? Store(readingAt: session.config.paths.store) : nil
        let plan = try session.plan(documentDate: "", store: store)
        let cache = ReadCache(kept: (try? store?.cachedReadings(settings: session.settingsSHA256)) ?? [:])
        _ = try? store?.close()
        let reading = try session.readInputs(plan: plan, cache: cache, clock: &clock)
        RunSummary.print(reading: reading, outputs: [], quiet: verbosity.quiet)
        return ExitStatus.of(issues: reading.issues)
    }

    /// `--from model` / `--only model`: the report model from the store, as `xhht report`
    /// makes it, then the outputs unless `--only model`.
    private func fromModel(_ session: Session, selection: StageSelection, documentDate: String, started: Date) throws -> ExitStatus {
        var clock = verbosity.stageClock(logger: session.logger)
        let (store, model, issues) = try session.modelFromStore(documentDate: documentDate, clock: &clock)
        let inputs = try session.reportInputs(store: store, issues: issues, documentDate: documentDate)
        let letters = try session.letters(store: store, model: model)
        try store.close()
        guard selection.runs(.outputs) else {
            RunSummary.printModel(year: model.metadata.year, issues: issues, quiet: verbosity.quiet)
            return ExitStatus.of(issues: issues)
        }
        let (written, _, status) = try session.writeOutputs(model: model, reading: nil, issues: issues, command: "run --from model", started: started,
                                                            status: ExitStatus.of(issues: issues), reportInputs: inputs, letters: letters, clock: &clock)
        RunSummary.printOutputs(written, quiet: verbosity.quiet)
        return status
    }

    /// `--dry-run`: the plan printed on standard output; no lock, the store opened read-only.
    private func dryRun(_ session: Session, selection: StageSelection, documentDate: String) throws -> ExitStatus {
        let path = session.config.paths.store
        let store = FileManager.default.fileExists(atPath: path) ? try? Store(readingAt: path) : nil
        defer { _ = try? store?.close() }
        let plan = try session.plan(documentDate: documentDate, store: store)
        print(DryRunReport.text(plan, session: session, selection: selection), terminator: "")
        return .success
    }
}
