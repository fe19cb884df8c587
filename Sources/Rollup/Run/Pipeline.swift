import Foundation

/// The stages of a run, each a small step with one job, composed in the order of DESIGN.md:
///
///     ingest -> normalize -> validate -> store -> aggregate -> model   (render: the Render module)
///
/// `read` does the first three (the files are only read), `record` keeps the result in the
/// store, `model` builds the report from the store. The CLI composes them: `xhht validate`
/// reads, `xhht import` reads and records, `xhht report` models, `xhht run` does all.
///
///     let pipeline = Pipeline(config: config, registry: registry)
///     var clock = StageClock()
///     let reading = pipeline.read(files: try InputFolder.files(in: config.paths.input), clock: &clock)
public struct Pipeline: Sendable {
    public let config: PipelineConfig
    public let registry: UnitRegistry

    public init(config: PipelineConfig, registry: UnitRegistry) {
        self.config = config
        self.registry = registry
    }

    /// What reading the input folder gave: one entry per workbook, the normalized submissions and
    /// the validation result (accepted facts and every finding, including unreadable files).
    public struct Reading: Sendable {
        public var workbooks: [IngestedWorkbook]
        public var submissions: [NormalizedSubmission]
        public var validation: ValidationResult

        /// Every finding of the reading, in a stable order.
        public var issues: [Issue] { validation.issues }
    }

    /// Ingest, normalize and validate every file. A file that cannot be read becomes an issue;
    /// the others go on.
    public func read(files: [InputFile], clock: inout StageClock) -> Reading {
        // Files are independent until validation: read and normalize them on every core, in
        // input order (the same result as one at a time).
        let workbooks = clock.measure("ingest") { ParallelMap.map(files, IngestedWorkbook.read) }
        let normalizer = Normalizer(config: config, registry: registry)
        let submissions = clock.measure("normalize") {
            ParallelMap.map(workbooks) { wb in wb.sheets.map { normalizer.normalize(file: wb.file.name, sheets: $0) } }
                .compactMap { $0 }
        }
        var received: [String: Date] = [:]
        for wb in workbooks { received[wb.file.name] = wb.file.modified }
        var validation = clock.measure("validate") {
            Validator(config: config, registry: registry).validate(submissions, received: config.deadline == nil ? [:] : received)
        }
        // Unreadable files have no submission: their findings join the validation's.
        validation.issues = workbooks.flatMap(\.issues) + validation.issues
        return Reading(workbooks: workbooks, submissions: submissions, validation: validation)
    }

    /// Keeps a reading in the store: each workbook's accepted rows replace that unit's facts for
    /// the year (unchanged files change nothing); findings about no workbook are recorded with the run.
    public func record(_ reading: Reading, in store: Store) throws -> [String: ImportOutcome] {
        var recordsByFile: [String: [NormalizedRecord]] = [:]
        for record in reading.validation.records { recordsByFile[record.unitCell.file, default: []].append(record) }
        var issuesByFile: [String: [Issue]] = [:]
        var loose: [Issue] = []
        let readable = Set(reading.submissions.map(\.file))
        for issue in reading.validation.issues {
            if readable.contains(issue.provenance.file) {
                issuesByFile[issue.provenance.file, default: []].append(issue)
            } else {
                loose.append(issue)
            }
        }
        var outcomes: [String: ImportOutcome] = [:]
        // One lookup per submission: a national run after 2025 has thousands of commune files.
        let workbooks = Dictionary(reading.workbooks.map { ($0.file.name, $0) }, uniquingKeysWith: { first, _ in first })
        for submission in reading.submissions {
            guard let workbook = workbooks[submission.file] else { continue }
            // A workbook whose sending unit is unknown is still kept, under its file name.
            let sender = submission.reportingUnit?.code ?? "file:\(submission.file)"
            outcomes[submission.file] = try store.importSubmission(
                file: submission.file, sha256: workbook.sha256, unitCode: sender, year: config.year,
                received: workbook.file.modified, records: recordsByFile[submission.file] ?? [],
                issues: issuesByFile[submission.file] ?? [])
        }
        try store.record(issues: loose)
        return outcomes
    }
}
