import Aggregate
import Config
import Core
import Crypto
import Foundation
import Logging
import Presentation
import Model
import Render
import Storage
import Units
import WordTemplate

/// The orchestration of one pipeline command (`run`, `import`, `validate`, `report`): what each
/// starts with (the configuration with the command line's overrides, the unit registry and
/// lineage, the lock), the stages in their order (read, store, model, outputs) and how a run is
/// recorded. The command line only parses its flags, calls these in order and prints a summary.
///
///     let session = try Session.open(configPath: "pipeline.yml", overrides: ConfigOverrides(year: 2024),
///                                    logger: logger, generator: "xhht 0.1.0")
///     let lock = try session.lock()
///     var clock = StageClock()
///     var reading = try session.readInputs(clock: &clock)
///
/// Everything that can be checked is checked in `open`, before anything runs: a mistake in
/// pipeline.yml, the registry or the lineage is a configuration error (exit 3) with file, line
/// and column (the lineage's steps are read only by the commands that use them, a review or an
/// earlier year's import; any command checks that their files exist); a `--year` the report kind does not cover is the command line's (exit 64).
/// Failures are `CommandFailure`s: an exit status and one Vietnamese message.
public struct Session {
    public var config: PipelineConfig
    public var registry: UnitRegistry
    /// The steps of paths.lineage, read when the command uses them (a review, an earlier year's
    /// import); empty otherwise (`open`).
    public var lineage: UnitLineage
    public var configSHA256: String
    public var configPath: String
    public var logger: Logger
    /// Whether the output folder came from `--output` (a folder that cannot be used is then the
    /// command line's mistake, exit 64, else pipeline.yml's, exit 3).
    public var outputFromCommandLine = false
    /// The program and version written into the model and the manifest ("xhht 0.1.0").
    public var generator: String
    /// `RunFingerprint.settings`: what normalize and the model depend on besides the inputs
    /// (pipeline.yml, the year, the agency, the registry, its aliases and the lineage files,
    /// the program). The store's read cache is kept under it.
    public var settingsSHA256 = ""

    /// Loads pipeline.yml at `configPath` with the command line's `overrides`, the registry and
    /// the lineage it names, and checks that the agency's unit is in the registry.
    public static func open(configPath: String, overrides: ConfigOverrides, logger: Logger, generator: String) throws -> Session {
        let loaded: PipelineConfig
        do {
            loaded = try PipelineConfigLoader.load(path: configPath)
        } catch {
            throw CommandFailure(status: .configurationError, message: error.description, detail: error.technicalDetail)
        }
        var config: PipelineConfig
        do {
            config = try loaded.applying(overrides: overrides)
        } catch {
            // Only the command line's values can be wrong here (the file was checked above).
            throw CommandFailure(status: .usage, message: error.diagnostics.map { "\($0.file) \(overrides.year.map(String.init) ?? ""): \($0.message)" }
                .joined(separator: "\n"))
        }
        var registry: UnitRegistry
        do {
            registry = try config.loadRegistry()
        } catch {
            throw CommandFailure(status: .configurationError, message: error.description)
        }
        // The lineage is read only by the commands that use it: a review (its trends bring
        // earlier years to today's units) and an earlier year's import. An annual report of the
        // same era never applies it, and the shipped 2025 step is 10,600 rows (0.24 s of every
        // debug run, docs/benchmarks.md); its files must still exist, whatever the command.
        let usesLineage = config.report != .annual || config.year < loaded.year
        let lineage = usesLineage ? try loadLineage(config, logger: logger) : UnitLineage()
        if !usesLineage { try checkLineageFilesExist(config) }
        // An earlier year read into today's store (`import --year 2024 --units <2024's list>`
        // with pipeline.yml's year 2026): every province the lineage leads into today's root
        // is read, under one root, as that root's history.
        if config.year < loaded.year,
           let former = registry.former(leadingInto: config.agency.unitCode, lineage: lineage, fromYear: config.year, toYear: loaded.year) {
            registry = former.registry
            logger.info("năm \(config.year): \(former.provinces.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")) hợp nhất vào đơn vị \(config.agency.unitCode) theo paths.lineage trước năm \(loaded.year); số liệu của các tỉnh này được nhận.")
            config.agency.unitCode = UnitRegistry.formerRootCode
        }
        // The sheets, fields and indicators of the levels this registry has (no "Cấp huyện"
        // sheet asked of a province without districts).
        config = config.fitted(to: registry)
        guard registry.unit(code: config.agency.unitCode) != nil else {
            throw CommandFailure(status: .configurationError, message:
                "Mã đơn vị \(config.agency.unitCode) (agency.unitCode trong \(configPath)) không có trong danh mục \(config.paths.units).")
        }
        let bytes = FileManager.default.contents(atPath: configPath).map { Array($0) } ?? []
        logger.debug("cấu hình \(configPath): năm \(config.year), \(config.indicators.count) chỉ tiêu, \(registry.units.count) đơn vị")
        var session = Session(config: config, registry: registry, lineage: lineage, configSHA256: SHA256.hex(bytes), configPath: configPath,
                              logger: logger, outputFromCommandLine: overrides.output != nil, generator: generator)
        session.settingsSHA256 = RunFingerprint.settings(
            configSHA256: session.configSHA256, year: config.year, agency: config.agency.unitCode, generator: generator,
            files: [("units", config.paths.units), ("aliases", config.paths.unitAliases ?? "")]
                + config.paths.lineage.map { ("lineage \($0.effective)", $0.path) })
        return session
    }

    /// The folder of this year's outputs: Output/<year>.
    public var outputFolder: URL {
        URL(fileURLWithPath: config.paths.output).appendingPathComponent(String(config.year))
    }

    /// Makes this year's output folder (and the lock's folder) and takes the run lock there, or
    /// fails: exit 4 when another run holds the lock; when the folder cannot be made or written
    /// (`--output` names a file, no permission, a read-only disk), a message naming it and exit 64
    /// (`--output`) or 3 (paths.output).
    public func lock() throws -> RunLock {
        do {
            try OutputFolder.prepare(outputFolder.path)
        } catch {
            let fix = outputFromCommandLine ? "chọn một thư mục khác cho --output" : "sửa paths.output trong \(configPath) (hoặc dùng --output)"
            throw CommandFailure(status: outputFromCommandLine ? .usage : .configurationError,
                                 message: "Thư mục kết quả: \(error.description). Hãy \(fix).", detail: error.technicalDetail)
        }
        let url = URL(fileURLWithPath: config.paths.output).appendingPathComponent(".xhht.lock")
        let acquired: RunLock?
        do {
            acquired = try RunLock.acquire(at: url)
        } catch let error as AtomicFileError {
            throw CommandFailure(status: .configurationError, message:
                "Không tạo được tệp khóa \(url.path): \(SystemErrorText.vietnamese(error.code)). Kiểm tra quyền ghi thư mục kết quả.",
                detail: error.description)
        }
        guard let lock = acquired else {
            throw CommandFailure(status: .locked, message:
                "Một lần chạy xhht khác đang làm việc (khóa \(url.path)). Không làm gì; hãy chạy lại sau.")
        }
        removeStaleTemporaryFiles(before: Date())
        return lock
    }

    /// The input folder's listing (paths.input); a folder that cannot be listed is pipeline.yml's
    /// mistake (exit 3).
    public func listInputs() throws -> InputListing {
        do {
            return try InputFolder.list(in: config.paths.input)
        } catch let error as InputFolderError {
            throw CommandFailure(status: .configurationError, message: error.description)
        }
    }

    /// Reads the input folder. With a `plan` and a `cache` (`xhht run`, `import`), a workbook
    /// whose bytes the store has read under these settings is not opened: its kept reading is
    /// used (`ReadCache`), and the listing is the plan's.
    public func readInputs(plan: RunPlan? = nil, cache: ReadCache? = nil, clock: inout StageClock) throws -> Pipeline.Reading {
        let listing = try plan?.listing ?? listInputs()
        let hashes = Dictionary((plan?.files ?? []).map { ($0.file.name, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        logger.info("đọc \(listing.files.count) tệp trong \(config.paths.input)")
        let reading = Pipeline(config: config, registry: registry).read(listing, clock: &clock) { file in
            hashes[file.name].flatMap { sha in cache?.reading(of: file, sha256: sha) }
        }
        if cache != nil {
            let known = reading.readings.count(where: \.kept)
            logger.info("\(known) tệp không đổi lấy kết quả đọc đã lưu, \(reading.readings.count - known) tệp được đọc")
        }
        for workbook in reading.workbooks { for detail in workbook.details { logger.debug("\(detail)") } }
        logger.info("\(reading.validation.factCount) số liệu được nhận, \(reading.issues.count) vấn đề")
        return reading
    }

    /// The "store" stage of `import` and `run`: opens the store, begins a run there and keeps
    /// the reading in it. The caller finishes the run (`finish`) once it knows the exit status.
    /// Submissions withdrawn because their workbook left Input/ add their warnings to `reading`.
    /// The readings this run made (not taken from the read cache) are kept in the store's read
    /// cache, so that the next run does not open those workbooks again.
    public func record(_ reading: inout Pipeline.Reading, command: String, started: Date, store: Store? = nil,
                       clock: inout StageClock) throws -> (store: Store, run: Int64, imports: [String: ImportOutcome]) {
        let store = try store ?? openStore()
        let run = try store.beginRun(configSHA256: configSHA256, command: command, started: started)
        let imports = try clock.measure("store") {
            let outcomes = try Pipeline(config: config, registry: registry).record(&reading, in: store)
            try store.keepReadings(ReadCache.fresh(reading.readings), settings: settingsSHA256)
            return outcomes
        }
        return (store, run, imports)
    }

    /// Records how a run begun by `record` ended, with the reading's counts and, for a whole
    /// run, its plan's fingerprint.
    public func finish(_ run: Int64, in store: Store, reading: Pipeline.Reading, issueCount: Int, status: ExitStatus,
                       fingerprint: String? = nil) throws {
        try store.finishRun(run, exitStatus: status.rawValue,
                            counts: RunCounts(files: reading.workbooks.count, facts: reading.validation.factCount, issues: issueCount),
                            fingerprint: fingerprint)
    }

    /// Opens the store (paths.store). A store another process is writing is waited for
    /// (`Database.defaultBusyTimeout`), then the command ends with exit 4 (`runReportingFailures`).
    public func openStore() throws -> Store {
        do {
            return try Store(path: config.paths.store)
        } catch let error as DatabaseError where error.isBusy {
            throw error
        } catch let error as DatabaseError {
            throw CommandFailure(status: .configurationError, message:
                "Không mở được cơ sở dữ liệu \(config.paths.store): \(error.userMessage). Kiểm tra paths.store trong pipeline.yml.",
                detail: error.description)
        }
    }
}

extension Session {
    /// The unit lineage named by paths.lineage: every step read (a CSV in the old-to-new format,
    /// dated by its name or by `effective`), then put in date order by `UnitLineage`. Read when
    /// the session of a command that uses it opens (a review, an earlier year's import), so that
    /// a bad step file stops that command before anything runs (exit 3, the message naming the
    /// step, the file and the line).
    ///
    /// A step dated after the report year is kept but never applies: a year's facts go through
    /// the steps after that year's 31 December up to the report year's (`UnitLineage.steps`),
    /// so one pipeline.yml names every step there is, and a 2024 report is not changed by the
    /// reform of 2025. It is said once in the log (info).
    public static func loadLineage(_ config: PipelineConfig, logger: Logger) throws -> UnitLineage {
        var steps: [LineageStep] = []
        for (i, file) in config.paths.lineage.enumerated() {
            let key = lineageKey(i, of: config)
            var notes: [String] = []
            do {
                steps.append(try LineageStep(oldToNewCSVAt: file.path, effective: file.effective, diagnostics: &notes))
            } catch {
                throw CommandFailure(status: .configurationError, message: "\(key) (\(file.path), hiệu lực \(file.effective)): \(error.description)")
            }
            for note in notes { logger.info("\(note)") }
            if file.effective > UnitLineage.referenceDate(of: config.year) {
                logger.info("\(key): bước \(file.effective) có hiệu lực sau năm báo cáo \(config.year); không áp dụng cho báo cáo này.")
            }
        }
        return UnitLineage(steps: steps)
    }

    /// For the commands that do not read the lineage: each step file of paths.lineage exists, so
    /// that a mistyped path is found on the first night, not at the review years later (exit 3).
    static func checkLineageFilesExist(_ config: PipelineConfig) throws {
        for (i, file) in config.paths.lineage.enumerated() where !FileManager.default.fileExists(atPath: file.path) {
            throw CommandFailure(status: .configurationError, message:
                "\(lineageKey(i, of: config)) (\(file.path), hiệu lực \(file.effective)): không có tệp này. Sửa đường dẫn trong paths.lineage của pipeline.yml.")
        }
    }

    private static func lineageKey(_ i: Int, of config: PipelineConfig) -> String {
        config.paths.lineage.count == 1 ? "paths.lineage" : "paths.lineage[\(i)]"
    }

    /// Builds the report model of the configured year (and phase) from the store, with every
    /// finding: `issues` and those the model adds (the model itself lists only the first of
    /// each group; issues.csv and the exit status take them all).
    public func buildModel(store: Store, issues: [Issue], documentDate: String, clock: inout StageClock) throws
        -> (model: ReportModel, issues: [Issue]) {
        let years = config.report.years(reportYear: config.year)
        // With each earlier year's units as its import's registry had them (a review): a unit
        // gone since then without a known successor still counts in its district and province.
        let (facts, unitsByYear) = try clock.measure("load") {
            (try store.facts(years: years), config.report == .annual ? [:] : try store.units(years: years))
        }
        let yearRegistries = unitsByYear.filter { $0.key != config.year }.mapValues { units in
            UnitRegistry(units: units.values.sorted { $0.code < $1.code })
        }
        return try clock.measure("aggregate") {
            do {
                var added: [Issue] = []
                let model = try ReportModelBuilder.build(config: config, registry: registry, facts: facts, issues: issues, lineage: lineage,
                                                         yearRegistries: yearRegistries, documentDate: documentDate, generatedBy: generator,
                                                         added: &added)
                return (model, issues + added)
            } catch {
                throw CommandFailure(status: .configurationError, message: "\(error)")
            }
        }
    }

    /// The letters back to each sending unit (pipeline.yml `outputs: [..., letters]`), from
    /// the model and the year's latest submissions in the store (each file's received day as
    /// the store records it: its time in the input folder; a withdrawn one marked so); nil when
    /// `letters` is not asked.
    public func letters(store: Store, model: ReportModel) throws -> LetterSet? {
        guard config.outputs.contains("letters") else { return nil }
        let latest = try store.submissions(year: config.year).filter { $0.supersededBy == nil }.map { s in
            // "file:<name>": a workbook whose sending unit was not recognised.
            LetterSubmission(file: s.file, sha256: s.sha256, unitCode: s.unitCode.hasPrefix("file:") ? "" : s.unitCode,
                             received: Pipeline.isoDay(s.received), isCurrent: s.isCurrent)
        }
        return LetterBuilder.build(model: model, submissions: latest, resend: config.resend, deadline: config.deadline)
    }

    /// Writes the outputs of pipeline.yml and the run manifest; returns what was written and the
    /// run's status: `status`, raised to at least "warnings" (1) when the PDF asked for could not
    /// be made (cron is told that an output is missing; the DOCX, the official one, is there).
    ///
    /// With `reportInputs` (`reportInputs(store:issues:documentDate:)`), an output whose
    /// inputs (those and its template) are those the previous manifest records for it, and
    /// which is still there with its size, is not rendered again: the manifest carries it over.
    /// `fingerprint` (a whole run's `RunPlan`) goes into the manifest for the next run.
    public func writeOutputs(model: ReportModel, reading: Pipeline.Reading?, issues: [Issue], command: String, started: Date,
                             status: ExitStatus, reportInputs: String? = nil, fingerprint: String? = nil,
                             letters: LetterSet? = nil, clock: inout StageClock)
        throws -> (written: [ReportOutputs.Written], manifest: Bool, status: ExitStatus) {
        let templates = URL(fileURLWithPath: config.paths.templates)
        let manifestURL = outputFolder.appendingPathComponent("manifest.json")
        let previous = RunManifest.read(at: manifestURL)
        let expected = reportInputs.map { outputInputs($0, kind: model.metadata.kind) } ?? [:]
        let kept = unchangedOutputs(previous: previous?.outputs ?? [], expected: expected)
        let skipped = Set(kept.map(\.file).flatMap(Session.outputKinds))
        let kinds = config.outputs.filter { !skipped.contains($0) }
        if !skipped.isEmpty { logger.info("không dựng lại \(kept.map(\.file).joined(separator: ", ")): đầu vào của chúng không đổi") }
        var status = status
        var written: [ReportOutputs.Written]
        do {
            written = try clock.measure("render") {
                try ReportOutputs.write(model: model, issues: issues, kinds: kinds, templates: templates, to: outputFolder,
                                        letters: letters)
            }
        } catch let error as AtomicFileError {
            throw CommandFailure(status: .internalFailure, message:
                "Không \(error.operation) được tệp \(error.path): \(SystemErrorText.vietnamese(error.code)). "
                + "Các tệp kết quả đã có vẫn giữ nguyên như lần chạy trước; hãy giải phóng chỗ trống (hoặc sửa quyền ghi) rồi chạy lại.",
                detail: error.description)
        } catch let error as TemplateError {
            throw CommandFailure(status: .configurationError, message: error.description)
        } catch let error as WordTemplateError {
            throw CommandFailure(status: .configurationError, message: error.description)
        } catch {
            throw CommandFailure(status: .configurationError, message:
                "Mẫu báo cáo trong \(templates.path) không dùng được; chạy lại với -v để xem chi tiết.", detail: String(reflecting: error))
        }
        written += kept.map { ReportOutputs.Written(url: outputFolder.appendingPathComponent($0.file), sha256: $0.sha256, bytes: $0.bytes, changed: false) }
        for kind in config.outputs where ReportOutputs.notYetWritten.contains(kind) {
            logger.info("đầu ra \(kind) chưa có trong phiên bản này; bỏ qua")
        }
        let docxTemplate = DocxReport.templateURL(templatesRoot: templates, kind: model.metadata.kind)
        if config.outputs.contains("docx"), !FileManager.default.fileExists(atPath: docxTemplate.path) {
            logger.warning("không có mẫu Word \(docxTemplate.path): chưa ghi \(DocxReport.fileName) (chép thư mục Templates/docx của bản phát hành vào đây, hoặc bỏ docx khỏi outputs trong pipeline.yml)")
        }
        if config.outputs.contains("letters") {
            let missing = [UnitLetters.docxTemplateURL(templatesRoot: templates).path,
                           TemplateSet.defaultFolder(templatesRoot: templates).appendingPathComponent("\(UnitLetters.htmlTemplateName).mustache").path]
                .filter { !FileManager.default.fileExists(atPath: $0) }
            for path in missing {
                logger.warning("không có mẫu \(path): các văn bản phản hồi trong \(LetterPresenter.folderName)/ thiếu định dạng này (chép tệp mẫu cùng tên của bản phát hành vào đây, hoặc bỏ letters khỏi outputs trong pipeline.yml)")
            }
        }
        if kinds.contains("pdf") {
            if let pdf = try clock.measure("pdf", { try writePDF(model: model, written: written) }) {
                written.append(pdf)
            } else {
                status = status.atLeast(.warnings)
            }
        }
        // In the order a full render writes them, whatever was carried over.
        let rank = { (file: String) in Session.outputRank(file, kinds: self.config.outputs) }
        written = written.enumerated().sorted { (rank($0.element.url.lastPathComponent), $0.offset) < (rank($1.element.url.lastPathComponent), $1.offset) }
            .map(\.element)
        guard config.outputs.contains("manifest") else { return (written, false, status) }
        // Relative to Output/<year>/: "bao-cao.docx", "phan-hoi/917-quan-o-mon.docx".
        let letterTemplates = written.contains { $0.url.deletingLastPathComponent().lastPathComponent == LetterPresenter.folderName }
            ? letterTemplates() : []
        let outputs = written.map { written in
            let file = String(written.url.path.dropFirst(outputFolder.path.count + 1))
            let input = expected[file] ?? (file.hasPrefix(LetterPresenter.folderName + "/")
                ? reportInputs.map { letterInput($0, file: file, templates: letterTemplates) } : nil)
            return RunManifest.FileEntry(file: file, sha256: written.sha256, bytes: written.bytes, input: input)
        }
        // A run that changed no report and read what the last one read leaves the previous
        // manifest (and its timings) alone.
        guard written.contains(where: \.changed) || previous == nil || previous?.outputs != outputs
            || previous?.fingerprint != fingerprint else { return (written, false, status) }
        let configBytes = FileManager.default.contents(atPath: configPath).map { Array($0) } ?? []
        let manifest = RunManifest(
            generator: generator, command: command, started: started, year: config.year, report: config.report.rawValue,
            config: .init(file: configPath, sha256: configSHA256, bytes: configBytes.count),
            inputs: (reading?.workbooks ?? []).map { .init(file: $0.file.name, sha256: $0.sha256, bytes: $0.byteCount) },
            stages: clock.timings,
            outputs: outputs,
            counts: .init(files: reading?.workbooks.count ?? 0, unreadableFiles: reading?.workbooks.filter { $0.sheets == nil }.count ?? 0,
                          facts: reading?.validation.factCount ?? 0, errors: issues.count { $0.severity == .error },
                          warnings: issues.count { $0.severity == .warning }, infos: issues.count { $0.severity == .info }),
            exitStatus: status.rawValue, fingerprint: fingerprint)
        try AtomicFile.write(try manifest.json(), to: manifestURL)
        return (written, true, status)
    }

    /// The report model from the store alone (`xhht report`, `xhht run --from model`), with
    /// the findings of the latest run that read files and those the model adds; the store is
    /// returned open (read only, so far), for the caller to close. Without a store there is
    /// nothing to report: exit 3 ("run first"), and no empty store is left behind.
    public func modelFromStore(documentDate: String, clock: inout StageClock) throws -> (store: Store, model: ReportModel, issues: [Issue]) {
        guard FileManager.default.fileExists(atPath: config.paths.store) else {
            throw CommandFailure(status: .configurationError, message:
                "Chưa có cơ sở dữ liệu ở \(config.paths.store) (paths.store): xhht report chỉ lập báo cáo từ số liệu đã lưu. Hãy chạy xhht run (hoặc xhht import) trước.")
        }
        let store = try openStore()
        // The findings of the latest run that read files.
        let lastReading = try store.runs().last { $0.command == "run" || $0.command == "import" }
        let stored = try lastReading.map { try store.issues(run: $0.id) } ?? []
        // With the model's own findings, as the run that wrote them had.
        let (model, issues) = try buildModel(store: store, issues: stored, documentDate: documentDate, clock: &clock)
        return (store, model, issues)
    }

    /// `bao-cao.pdf`: the DOCX just written, converted by LibreOffice, written atomically. Nil,
    /// after one Vietnamese warning, when it cannot be made: no `soffice` (PATH, or
    /// `XHHT_SOFFICE`), no DOCX in this run's outputs, or a conversion that failed. A PDF of an
    /// earlier run is then left as it was, and the manifest does not list it.
    func writePDF(model: ReportModel, written: [ReportOutputs.Written]) throws -> ReportOutputs.Written? {
        let fileName = "bao-cao.pdf"
        guard let docx = written.first(where: { $0.url.lastPathComponent == DocxReport.fileName }),
              let bytes = FileManager.default.contents(atPath: docx.url.path) else {
            logger.warning("chưa ghi \(fileName): tệp PDF được chuyển từ \(DocxReport.fileName), mà lần chạy này không ghi \(DocxReport.fileName) (thêm docx vào outputs trong pipeline.yml, và kiểm tra có mẫu Templates/docx/\(DocxReport.fileName))")
            return nil
        }
        guard let office = OfficePDF.locate() else {
            let override = ProcessInfo.processInfo.environment["XHHT_SOFFICE"].map { " (XHHT_SOFFICE=\($0) không chạy được)" } ?? ""
            logger.warning("không tìm thấy LibreOffice (soffice)\(override): chưa ghi \(fileName). Cài LibreOffice (apt-get install libreoffice-writer-nogui), hoặc đặt XHHT_SOFFICE là đường dẫn tới soffice, hoặc bỏ pdf khỏi outputs trong pipeline.yml.")
            return nil
        }
        let pdf: [UInt8]
        do {
            pdf = try office.convert(docx: Array(bytes), date: model.metadata.documentDate.filter(\.isNumber))
        } catch let failure as OfficePDF.Failure {
            logger.warning("chưa ghi \(fileName): \(failure.message). Mở \(DocxReport.fileName) bằng LibreOffice hoặc Word để xuất PDF bằng tay; chạy lại với -v để xem chi tiết.")
            if let detail = failure.detail, !detail.isEmpty { logger.debug("soffice: \(detail)") }
            return nil
        }
        let url = outputFolder.appendingPathComponent(fileName)
        let changed = try AtomicFile.write(pdf, to: url)
        return ReportOutputs.Written(url: url, sha256: SHA256.hex(pdf), bytes: pdf.count, changed: changed)
    }
}
