import Config
import Core
import Foundation
import Intake
import Storage
import Units

/// The stages of a run, each a small step with one job, composed in the order of DESIGN.md:
///
///     ingest -> normalize -> validate -> store -> aggregate -> model   (render: the Render module)
///
/// `read` does the first three (the files are only read: each ingested and normalized on its
/// own task, then validated together; a file whose reading the store kept is not opened,
/// `known`), `record` keeps the result in the store, `model` builds the report from the store. The CLI composes them: `xhht validate`
/// reads, `xhht import` reads and records, `xhht report` models, `xhht run` does all.
///
///     let pipeline = Pipeline(config: config, registry: registry)
///     var clock = StageClock()
///     var reading = pipeline.read(try InputFolder.list(in: config.paths.input), clock: &clock)
///     let outcomes = try pipeline.record(&reading, in: store)
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
        /// Each file's own reading, in input order (`workbooks` and `submissions` are made of
        /// them): what the store's read cache keeps for the next run.
        public var readings: [WorkbookReading]

        /// Every finding of the reading, in a stable order.
        public var issues: [Issue] { validation.issues }
    }

    /// Ingest, normalize and validate every workbook of a listing; the listing's findings (an
    /// entry that is not a file, a dangling link) come first among the reading's.
    public func read(_ listing: InputListing, clock: inout StageClock,
                     known: @Sendable (InputFile) -> WorkbookReading? = { _ in nil }) -> Reading {
        var reading = read(files: listing.files, clock: &clock, known: known)
        reading.validation.issues = listing.issues + reading.validation.issues
        return reading
    }

    /// Ingest, normalize and validate every file. A file that cannot be read becomes an issue;
    /// the others go on.
    ///
    /// Each file is read and normalized on its own task, on every core, in input order (the
    /// same result as one at a time): a task opens one zip and one parser, reduces the
    /// workbook to its submission (records and findings) and lets its raw cells go before it
    /// takes the next file, so what a reading holds grows with the records, not with the cells
    /// (a million cells of junk rows are gone once their sheet is normalized). Validation
    /// across files then works on the submissions.
    ///
    /// `known` answers for a file whose reading is already known (`WorkbookReading`, from the
    /// store's read cache): it is not opened. A file it answers nil for is read.
    public func read(files: [InputFile], clock: inout StageClock,
                     known: @Sendable (InputFile) -> WorkbookReading? = { _ in nil }) -> Reading {
        let normalizer = Normalizer(config: config, registry: registry)
        let observer = clock.observer  // told of each file read (a progress bar's count)
        let readings = clock.measure("read", items: files.count) {
            ParallelMap.map(files) { file in
                defer { observer?.finishedItem(of: "read") }
                return known(file) ?? WorkbookReading.read(file, normalizer: normalizer)
            }
        }
        return validate(readings, clock: &clock)
    }

    /// Validation across files, on readings made by `read` (or known from the store).
    public func validate(_ readings: [WorkbookReading], clock: inout StageClock) -> Reading {
        let workbooks = readings.map(\.workbook)
        let submissions = readings.compactMap(\.submission)
        var received: [String: Date] = [:]
        for wb in workbooks { received[wb.file.name] = wb.file.modified }
        var validation = clock.measure("validate") {
            Validator(config: config, registry: registry).validate(submissions, received: config.deadline == nil ? [:] : received)
        }
        // Unreadable files have no submission: their findings join the validation's.
        validation.issues = workbooks.flatMap(\.issues) + validation.issues
        return Reading(workbooks: workbooks, submissions: submissions, validation: validation, readings: readings)
    }

    /// Keeps a reading in the store: each workbook's accepted rows replace that unit's facts for
    /// the year (unchanged files change nothing); findings about no workbook are recorded with the run.
    ///
    /// The reading is the season's truth for `config.year`: a unit whose workbook was stored
    /// before but was not read this time (removed from the input folder, or no longer
    /// readable) has its submission withdrawn (`Store.withdrawSubmissions`): no figures for the
    /// year, the submission kept as history. Each such submission becomes a
    /// `submission-withdrawn` warning naming its file and when it was received and stored; the
    /// warnings join `reading`'s findings and the run's in the store, so `xhht report` says
    /// the same as the run.
    public func record(_ reading: inout Reading, in store: Store) throws -> [String: ImportOutcome] {
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
        var senders: Set<String> = []
        // One lookup per submission: a national run after 2025 has thousands of commune files.
        let workbooks = Dictionary(reading.workbooks.map { ($0.file.name, $0) }, uniquingKeysWith: { first, _ in first })
        for submission in reading.submissions {
            guard let workbook = workbooks[submission.file] else { continue }
            // A workbook whose sending unit is unknown is still kept, under its file name.
            let sender = submission.reportingUnit?.code ?? "file:\(submission.file)"
            senders.insert(sender)
            outcomes[submission.file] = try store.importSubmission(
                file: submission.file, sha256: workbook.sha256, unitCode: sender, year: config.year,
                received: workbook.file.modified, records: recordsByFile[submission.file] ?? [],
                issues: issuesByFile[submission.file] ?? [])
        }
        try store.recordUnits(year: config.year, yearUnits(of: reading.validation.records))
        let withdrawn = try withdrawalIssues(store.withdrawSubmissions(year: config.year, keeping: senders), in: store,
                                             present: Set(reading.workbooks.map(\.file.name)))
        reading.validation.issues += withdrawn
        try store.record(issues: loose + withdrawn)
        return outcomes
    }

    /// The units the records name and every unit above them, as this run's registry has them:
    /// what the store keeps as the year's units, so that a later review can still count a unit
    /// that vanished without a known successor in its district and province of that year.
    func yearUnits(of records: [NormalizedRecord]) -> [AdministrativeUnit] {
        var seen = Set<String>()
        var out: [AdministrativeUnit] = []
        for record in records where !seen.contains(record.unitCode) {
            var code: String? = record.unitCode
            while let c = code, !seen.contains(c), let unit = registry.unit(code: c) {
                seen.insert(c)
                out.append(unit)
                code = unit.parentCode
            }
        }
        return out.sorted { $0.code < $1.code }
    }

    /// One `submission-withdrawn` warning per withdrawn submission, about its file.
    ///
    ///     Tệp co-do.xlsx (Huyện Cờ Đỏ, mã 925), nhận ngày 28/11/2024 và lưu ở lần chạy ngày
    ///     29/11/2024, không còn trong thư mục đầu vào: số liệu của đơn vị này không được tính
    ///     cho năm 2024. ...
    func withdrawalIssues(_ withdrawn: [Submission], in store: Store, present: Set<String>) throws -> [Issue] {
        guard !withdrawn.isEmpty else { return [] }
        let runDates = Dictionary(try store.runs().map { ($0.id, $0.started) }, uniquingKeysWith: { first, _ in first })
        return withdrawn.map { submission in
            let known = registry.unit(code: submission.unitCode)
            let unit = known.map { "\($0.name), mã \($0.code)" } ?? "đơn vị gửi chưa xác định"
            var when = "nhận ngày \(Pipeline.day(submission.received))"
            if let run = submission.importedRun, let stored = runDates[run] { when += " và lưu ở lần chạy ngày \(Pipeline.day(stored))" }
            let why = present.contains(submission.file)
                ? "vẫn có trong thư mục đầu vào nhưng lần này không đọc được số liệu nào của đơn vị từ tệp đó (xem các lỗi khác của tệp)"
                : "không còn trong thư mục đầu vào"
            return RuleID.submissionWithdrawn.issue(Provenance(file: submission.file), unit: known?.code ?? "",
                "Tệp \(submission.file) (\(unit)), \(when), \(why): số liệu của đơn vị này không được tính cho năm \(config.year). "
                + "Bản đã nhận vẫn được giữ trong lịch sử của cơ sở dữ liệu. Nếu bỏ tệp ra là nhầm, hãy chép lại tệp vào thư mục đầu vào rồi chạy lại.")
        }
    }

    /// "28/11/2024": the day in Vietnam's time (UTC+7), as the deadline is read.
    static func day(_ date: Date) -> String {
        let c = vietnamDay(date)
        return String(format: "%02d/%02d/%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    /// "2024-11-28": the same day, ISO (a letter's "received").
    static func isoDay(_ date: Date) -> String {
        let c = vietnamDay(date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    static func vietnamDay(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar.dateComponents([.year, .month, .day], from: date)
    }
}
