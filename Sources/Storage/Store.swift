import Core
import Foundation
import Intake

/// The pipeline's memory: every submission received, its facts with their cells, every run and
/// every finding, across years. The review reports (sơ kết 2023-2025, tổng kết 2023-2030) are
/// built from it.
///
///     let store = try Store(path: config.paths.store)
///     let run = try store.beginRun(configSHA256: configHash, command: "run")
///     switch try store.importSubmission(file: "ninh-kieu.xlsx", sha256: hash, unitCode: "916", year: 2024,
///                                       received: modified, facts: facts, issues: issues) {
///     case .unchanged: break                       // same file as last time: nothing rewritten
///     case .added: print("mới")
///     case .replaced(let previous): print("thay thế bản nhận ngày \(previous.received)")
///     }
///     let facts = try store.facts(year: 2024)      // the current facts of every unit
///     try store.finishRun(run, exitStatus: 0, counts: RunCounts(files: 9, facts: facts.count))
///
/// Guarantees:
/// - Importing the same file again changes nothing (`.unchanged`).
/// - A changed file replaces that unit's facts for that year in one transaction; the previous
///   submission is marked superseded and kept, with its facts, as history.
/// - A failure or a crash in the middle of an import leaves the previous state intact: all of an
///   import happens in one SQLite transaction, in WAL mode.
///
/// I/O lives here; everything else in the pipeline works on values. A `Store` is used from one
/// thread or task at a time (it owns one SQLite connection).
public final class Store {
    public let database: Database
    /// The run begun by `beginRun` and not finished yet; imports and issues are tagged with it.
    public private(set) var currentRun: Int64?

    /// Opens the store at `path`, creating its folder and file if needed, and brings the schema
    /// up to date. Another process writing to it makes this wait up to `busyTimeout`
    /// milliseconds, then fail with a `DatabaseError` whose `isBusy` is true.
    public init(path: String, busyTimeout: Int32 = Database.defaultBusyTimeout) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError(code: 14, message: "không tạo được thư mục \(folder.path) cho cơ sở dữ liệu (đường dẫn bị một tệp chiếm chỗ, "
                                + "hoặc không có quyền ghi)", sql: nil, file: path)
        }
        database = try Database(path: path, busyTimeout: busyTimeout)
        do {
            try Store.migrator.migrate(database)
        } catch {
            _ = try? database.close()
            throw error
        }
    }

    /// Opens an existing store only to read it (`xhht run --dry-run`): nothing is created,
    /// migrated or written; a store of an older schema is read as it is (a query of a table it
    /// lacks fails, and the caller takes it as empty). Opened for writing all the same, as the
    /// archive opens its source: a read-only connection to a WAL database cannot remove the
    /// `-wal` and `-shm` files it makes, and `close()` must leave the store one file.
    public init(readingAt path: String) throws {
        database = try Database(path: path, create: false)
    }

    deinit {
        // The statement cache and the connection hold each other: emptying the cache lets the
        // connection go, and its deinit closes it (checkpointing the WAL) once nothing else
        // holds it. Commands close explicitly (`close()`), to hear about errors.
        database.clearStatementCache()
    }

    /// Closes the store: the WAL is checkpointed into the database file and the connection
    /// closed, so that after a finished command `xhht.sqlite` alone holds the whole history (a
    /// copy of the file is a copy of the store). See `Database.close()`.
    @discardableResult
    public func close() throws(DatabaseError) -> Bool {
        try database.close()
    }

    // MARK: - Runs

    /// Records the start of a run and makes it the current run.
    @discardableResult
    public func beginRun(configSHA256: String, command: String = "run", started: Date = Date()) throws -> Int64 {
        try database.cachedStatement("INSERT INTO runs(started, config_sha256, command) VALUES (?, ?, ?)")
            .execute([.text(Store.text(started)), .text(configSHA256), .text(command)])
        let id = database.lastInsertRowID
        currentRun = id
        return id
    }

    /// Records how a run ended, with the `fingerprint` of what it read when it was a whole run
    /// (the next run with the same has nothing new to do). The run stops being current.
    public func finishRun(_ run: Int64, exitStatus: Int32, counts: RunCounts, fingerprint: String? = nil, finished: Date = Date()) throws {
        try database.cachedStatement("UPDATE runs SET finished = ?, exit_status = ?, files = ?, facts = ?, issues = ?, fingerprint = ? WHERE id = ?")
            .execute([.text(Store.text(finished)), .integer(Int64(exitStatus)), DatabaseValue(counts.files),
                      DatabaseValue(counts.facts), DatabaseValue(counts.issues), DatabaseValue(fingerprint), .integer(run)])
        if currentRun == run { currentRun = nil }
    }

    /// Every run, oldest first.
    public func runs() throws -> [RunRecord] {
        try database.cachedStatement("""
            SELECT id, started, finished, config_sha256, command, exit_status, files, facts, issues, fingerprint FROM runs ORDER BY id
            """).rows([], Store.run)
    }

    private static func run(_ row: Statement) -> RunRecord {
        RunRecord(id: row.int64(at: 0)!, started: Store.date(row.string(at: 1)) ?? .distantPast, finished: Store.date(row.string(at: 2)),
                  configSHA256: row.string(at: 3) ?? "", command: row.string(at: 4) ?? "",
                  exitStatus: row.int64(at: 5).map { Int32(truncatingIfNeeded: $0) },
                  counts: row.isNull(at: 6) ? nil : RunCounts(files: Int(row.int64(at: 6) ?? 0), facts: Int(row.int64(at: 7) ?? 0),
                                                              issues: Int(row.int64(at: 8) ?? 0)),
                  fingerprint: row.string(at: 9))
    }

    /// The last run recorded (by any command), nil in a new store.
    public func lastRun() throws -> RunRecord? {
        try database.cachedStatement("""
            SELECT id, started, finished, config_sha256, command, exit_status, files, facts, issues, fingerprint FROM runs ORDER BY id DESC LIMIT 1
            """).rows([], Store.run).first
    }

    // MARK: - Import

    /// Stores one workbook's facts for one submitting unit and year, in one transaction.
    ///
    /// - The same `sha256` already current for `unitCode` + `year`: `.unchanged`; only the
    ///   issues are recorded (for the current run's report). If that submission was withdrawn
    ///   (`withdrawSubmissions`), it is in force again: `.restored(previous:)`.
    /// - No current submission: `.added`.
    /// - A different file: `.replaced(previous:)`; the previous submission (withdrawn or not)
    ///   gets `superseded_by` and its facts stop being current, but both stay in the history.
    ///
    /// Facts carry their own unit codes (a district's workbook holds its communes' rows);
    /// `unitCode` is the unit that sent the file. Issues are recorded with the current run.
    /// Every fact must belong to `year` and have a field id. If anything fails, nothing of this
    /// import is kept.
    public func importSubmission(file: String, sha256: String, unitCode: String, year: Int, received: Date,
                                 facts: [Fact], issues: [Issue]) throws -> ImportOutcome {
        if let stray = facts.first(where: { $0.year != year }) {
            throw DatabaseError(code: 21, message: "tệp \(file) nộp cho năm \(year) nhưng có dữ kiện năm \(stray.year) "
                                + "(ô \(stray.provenance.sheet)!\(stray.provenance.cell)); mỗi lần nhập chỉ một năm.")
        }
        return try importTransaction(file: file, sha256: sha256, unitCode: unitCode, year: year, received: received,
                                     issues: issues) { rows in
            // Facts are read in place (no copy of a Fact and its strings per fact).
            try facts.withUnsafeBufferPointer { facts in
                for i in facts.indices {
                    let fact = facts.baseAddress! + i
                    try Store.check(unit: fact.pointee.unitCode, sheet: fact.pointee.provenance.sheet, cell: fact.pointee.provenance.cell)
                    try Store.check(field: fact.pointee.field, unit: fact.pointee.unitCode, sheet: fact.pointee.provenance.sheet,
                                    cell: fact.pointee.provenance.cell)
                    try rows.source(file: fact.pointee.provenance.file, sheet: fact.pointee.provenance.sheet,
                                    lookUp: { try self.sourceID(file: $0, sheet: $1) })
                    let fieldID = try rows.fieldID(fact.pointee.field, fact.pointee.value.type)
                    try rows.append(unitCode: fact.pointee.unitCode, fieldID: fieldID, value: fact.pointee.value, cell: fact.pointee.provenance.cell)
                }
            }
        }
    }

    /// `importSubmission(file:sha256:unitCode:year:received:facts:issues:)` for the accepted
    /// rows of one workbook as validation hands them over: a row per value, its cell the
    /// slot's letters and the record's row. Stores exactly what importing `records`' facts would.
    public func importSubmission(file: String, sha256: String, unitCode: String, year: Int, received: Date,
                                 records: [NormalizedRecord], issues: [Issue]) throws -> ImportOutcome {
        try importTransaction(file: file, sha256: sha256, unitCode: unitCode, year: year, received: received,
                              issues: issues) { rows in
            // Records and their slots are read in place (no copy of a record's arrays per record).
            // A sheet's records share their columns: the field id of each (slot, value type) is
            // looked up once per sheet (0: not yet), so a value costs no hashing.
            var fields: [String] = []
            var slotIDs: [Int64] = []
            try records.withUnsafeBufferPointer { records in
                for r in records.indices {
                    let record = records.baseAddress! + r
                    if record.pointee.columns.fields != fields {  // the same array: equal at once
                        fields = record.pointee.columns.fields
                        slotIDs = Array(repeating: 0, count: fields.count * 4)
                    }
                    try record.pointee.slots.withUnsafeBufferPointer { slots in
                        for slot in slots.indices {
                            guard let value = slots[slot] else { continue }
                            let letters = record.pointee.columns.letters[slot]
                            if record.pointee.unitCode.isEmpty || fields[slot].isEmpty {
                                let cell = CellPosition.a1(letters: letters, row: record.pointee.row)
                                try Store.check(unit: record.pointee.unitCode, sheet: record.pointee.sheet, cell: cell)
                                try Store.check(field: fields[slot], unit: record.pointee.unitCode, sheet: record.pointee.sheet, cell: cell)
                            }
                            try rows.source(file: record.pointee.unitCell.file, sheet: record.pointee.sheet, lookUp: { try self.sourceID(file: $0, sheet: $1) })
                            let key = slot * 4 + FactRowWriter.typeIndex(value.type)
                            if slotIDs[key] == 0 { slotIDs[key] = try rows.fieldID(fields[slot], value.type) }
                            try rows.append(unitCode: record.pointee.unitCode, fieldID: slotIDs[key], value: value,
                                            letters: letters, row: record.pointee.row)
                        }
                    }
                }
            }
        }
    }

    /// The old schema's CHECKs (unit_code <> '', field <> ''), kept: such a fact could not be
    /// read back as one.
    private static func check(unit: String, sheet: String, cell: String) throws {
        guard unit.isEmpty else { return }
        throw DatabaseError(code: 19, message: "dữ kiện ở ô \(sheet)!\(cell) không có mã đơn vị (unit_code rỗng); không ghi được.")
    }

    private static func check(field: String, unit: String, sheet: String, cell: String) throws {
        guard field.isEmpty else { return }
        throw DatabaseError(code: 19, message: "dữ kiện của đơn vị \(unit) ở ô \(sheet)!\(cell) không có mã chỉ tiêu (field rỗng); không ghi được.")
    }

    /// One import's transaction: `.unchanged` for the current file again; otherwise the new
    /// submission row (superseding the current one), then `writeFacts` into the submission's
    /// rows of `fact_rows`, then the issues.
    private func importTransaction(file: String, sha256: String, unitCode: String, year: Int, received: Date, issues: [Issue],
                                   writeFacts: (inout FactRowWriter) throws -> Void) throws -> ImportOutcome {
        try database.transaction {
            let current = try currentSubmission(unitCode: unitCode, year: year)
            if let current, current.sha256 == sha256 {
                if current.withdrawn != nil {
                    try database.cachedStatement("UPDATE submissions SET withdrawn = NULL, withdrawn_run = NULL WHERE id = ?")
                        .execute([.integer(current.id)])
                }
                try insert(issues: issues, submission: current.id)
                return current.withdrawn == nil ? .unchanged : .restored(previous: current)
            }
            let nextID = (try database.cachedStatement("SELECT coalesce(max(id), 0) + 1 FROM submissions").rows { $0.int64(at: 0) }.first ?? 1) ?? 1
            if let current {
                // The foreign key is deferred: the new row exists by the end of the transaction.
                try database.cachedStatement("UPDATE submissions SET superseded_by = ? WHERE id = ?").execute([.integer(nextID), .integer(current.id)])
            }
            try database.cachedStatement("""
                INSERT INTO submissions(id, file, sha256, unit_code, year, received, imported_run) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute([.integer(nextID), .text(file), .text(sha256), .text(unitCode), DatabaseValue(year),
                              .text(Store.text(received)), DatabaseValue(currentRun)])
            var rows = try FactRowWriter(database: database, submission: nextID)
            try writeFacts(&rows)
            try rows.finish()
            try insert(issues: issues, submission: nextID)
            guard var previous = current else { return .added }
            previous.supersededBy = nextID
            return .replaced(previous: previous)
        }
    }

    /// The id of a (file, sheet) in `fact_sources`, added when new.
    private func sourceID(file: String, sheet: String) throws -> Int64 {
        if let id = try database.cachedStatement("SELECT id FROM fact_sources WHERE file = ? AND sheet = ?")
            .rows([.text(file), .text(sheet)], { $0.int64(at: 0) }).first ?? nil {
            return id
        }
        try database.cachedStatement("INSERT INTO fact_sources(file, sheet) VALUES (?, ?)").execute([.text(file), .text(sheet)])
        return database.lastInsertRowID
    }

    /// Records findings that belong to no submission (an unreadable file, a unit that sent
    /// nothing) with the current run.
    public func record(issues: [Issue]) throws {
        try database.transaction { try insert(issues: issues, submission: nil) }
    }

    private func insert(issues: [Issue], submission: Int64?) throws {
        guard !issues.isEmpty else { return }
        let statement = try database.cachedStatement("""
            INSERT INTO issues(run_id, submission_id, severity, rule, file, sheet, cell, unit, field, message, value)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for issue in issues {
            try statement.execute([DatabaseValue(currentRun), DatabaseValue(submission), .text(issue.severity.rawValue), .text(issue.rule),
                                   .text(issue.provenance.file), .text(issue.provenance.sheet), .text(issue.provenance.cell),
                                   .text(issue.unit), .text(issue.field), .text(issue.message), .text(issue.value)])
        }
    }

    // MARK: - Withdrawal

    /// Withdraws every latest submission of `year` whose sending unit is not in `keeping`
    /// (the senders of the workbooks read this time): its facts stop counting for the year,
    /// but it stays, with its facts, as history; importing the same file again restores it
    /// (`.restored`), a different one supersedes it. Returns those submissions, by file name:
    /// the ones withdrawn now (with `withdrawn` set to `date` and the current run) and the
    /// ones withdrawn by an earlier run (their dates unchanged), so every run can say why the
    /// unit has no figures.
    ///
    ///     // Input/ now holds only ninh-kieu.xlsx (unit 916); co-do.xlsx (925) was read last time
    ///     let gone = try store.withdrawSubmissions(year: 2024, keeping: ["916"])
    ///     // gone: [co-do.xlsx of 925, withdrawn now]; store.facts(year: 2024) has no 925 facts
    public func withdrawSubmissions(year: Int, keeping senders: Set<String>, date: Date = Date()) throws -> [Submission] {
        try database.transaction {
            let latest = try database.cachedStatement("""
                SELECT id, file, sha256, unit_code, year, received, imported_run, superseded_by, withdrawn, withdrawn_run
                FROM submissions WHERE year = ? AND superseded_by IS NULL ORDER BY id
                """).rows([DatabaseValue(year)], Store.submission)
            var gone: [Submission] = []
            for var submission in latest where !senders.contains(submission.unitCode) {
                if submission.withdrawn == nil {
                    try database.cachedStatement("UPDATE submissions SET withdrawn = ?, withdrawn_run = ? WHERE id = ?")
                        .execute([.text(Store.text(date)), DatabaseValue(currentRun), .integer(submission.id)])
                    submission.withdrawn = Store.date(Store.text(date))
                    submission.withdrawnRun = currentRun
                }
                gone.append(submission)
            }
            return gone.sorted { ($0.file, $0.unitCode) < ($1.file, $1.unitCode) }
        }
    }

    // MARK: - Reading

    /// The current facts of a year: those of every unit's current submission (neither superseded
    /// nor withdrawn), in import order.
    public func facts(year: Int) throws -> [Fact] {
        try facts(years: year...year)
    }

    /// The current facts of several years (a review's history), by year then import order.
    ///
    /// The facts of each current submission are read by the primary key of `fact_rows`
    /// (submission, seq); the fields and the sources' file and sheet are read once, before the
    /// facts, and each row is then integers and two short texts: no String is compared, and
    /// only the cell's is made (a unit's code is made once for its consecutive facts).
    public func facts(years: ClosedRange<Int>) throws -> [Fact] {
        var sources: [Int64: (file: String, sheet: String)] = [:]
        for source in try database.cachedStatement("SELECT id, file, sheet FROM fact_sources").rows([], { row in
            (id: row.int64(at: 0) ?? 0, file: row.string(at: 1) ?? "", sheet: row.string(at: 2) ?? "")
        }) { sources[source.id] = (source.file, source.sheet) }
        // Fields by id: `fields` numbers them from 1 as the imports add them, so an array
        // indexed by id (no hashing per fact); an id beyond it, or a gap, is a field that is gone.
        var fields: [(field: String, type: FieldType)?] = []
        for field in try database.cachedStatement("SELECT id, field, value_type FROM fields ORDER BY id").rows([], { row in
            (id: row.int64(at: 0) ?? 0, field: row.string(at: 1) ?? "", type: row.string(at: 2) ?? "")
        }) {
            guard let type = FieldType(rawValue: field.type) else {
                throw DatabaseError(code: 11, message: "chỉ tiêu \(field.field) có kiểu \"\(field.type)\" không đọc được; cơ sở dữ liệu có thể bị sửa tay.")
            }
            guard field.id >= 0, field.id < 1 << 20 else { continue }  // not the store's: its facts are refused below
            if fields.count <= field.id { fields += Array(repeating: nil, count: Int(field.id) + 1 - fields.count) }
            fields[Int(field.id)] = (field.field, type)
        }
        // The current submissions first, then each one's range of the key: the rows carry no
        // year (it is the submission's), one column fewer to read per fact than a join.
        let current = try database.cachedStatement("""
            SELECT id, year FROM submissions
            WHERE superseded_by IS NULL AND withdrawn IS NULL AND year BETWEEN ? AND ?
            ORDER BY year, id
            """).rows([DatabaseValue(years.lowerBound), DatabaseValue(years.upperBound)]) { (id: $0.integer(at: 0), year: Int($0.integer(at: 1))) }
        let rows = try database.cachedStatement("SELECT source_id, unit_code, field_id, value, cell FROM fact_rows WHERE submission_id = ? ORDER BY seq")
        defer { rows.reset() }
        var facts: [Fact] = []
        var source: (id: Int64, file: String, sheet: String) = (-1, "", "")
        var field: (id: Int64, field: String, type: FieldType) = (-1, "", .count)
        var unitCode = "", unitBytes: [UInt8] = []
        for (submission, year) in current {
            try rows.bind([.integer(submission)])
            while try rows.step() {
                let sourceID = rows.integer(at: 0)
                if sourceID != source.id {
                    guard let known = sources[sourceID] else {
                        throw DatabaseError(code: 11, message: "dữ kiện trỏ tới nguồn \(sourceID) không có trong fact_sources; cơ sở dữ liệu có thể bị sửa tay.")
                    }
                    source = (sourceID, known.file, known.sheet)
                }
                let same = rows.withText(at: 1) { bytes in
                    unitBytes.withUnsafeBufferPointer { last in
                        last.count == bytes.count && (bytes.isEmpty || memcmp(last.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                    }
                }
                if !same {
                    unitBytes = rows.withText(at: 1) { Array($0) }
                    unitCode = String(decoding: unitBytes, as: UTF8.self)
                }
                let fieldID = rows.integer(at: 2)
                if fieldID != field.id {
                    guard fieldID >= 0, fieldID < fields.count, let known = fields[Int(fieldID)] else {
                        throw DatabaseError(code: 11, message: "dữ kiện trỏ tới chỉ tiêu \(fieldID) không có trong fields; cơ sở dữ liệu có thể bị sửa tay.")
                    }
                    field = (fieldID, known.field, known.type)
                }
                let value: FieldValue
                switch (field.type, rows.storageClass(at: 3)) {
                case (.count, .integer): value = .count(rows.integer(at: 3))
                case (.level, .integer): value = .level(Int(truncatingIfNeeded: rows.integer(at: 3)))
                case (.yesNo, .integer): value = .yesNo(rows.integer(at: 3) != 0)
                case (.text, .text): value = .text(rows.text(at: 3))
                default:
                    throw DatabaseError(code: 11, message: "dữ kiện của chỉ tiêu \(field.field) (kiểu \(field.type.rawValue)) có giá trị không đúng kiểu; "
                                        + "cơ sở dữ liệu có thể bị sửa tay.")
                }
                facts.append(Fact(unitCode: unitCode, year: year, field: field.field, value: value,
                                  provenance: Provenance(file: source.file, sheet: source.sheet, cell: rows.text(at: 4))))
            }
        }
        return facts
    }

    /// Every submission of a year, current, superseded and withdrawn, oldest first.
    public func submissions(year: Int) throws -> [Submission] {
        try database.cachedStatement("""
            SELECT id, file, sha256, unit_code, year, received, imported_run, superseded_by, withdrawn, withdrawn_run
            FROM submissions WHERE year = ? ORDER BY id
            """).rows([DatabaseValue(year)], Store.submission)
    }

    /// The issues recorded during a run, in the order they were recorded.
    public func issues(run: Int64) throws -> [Issue] {
        try database.cachedStatement("""
            SELECT severity, rule, file, sheet, cell, unit, field, message, value FROM issues WHERE run_id = ? ORDER BY id
            """).rows([.integer(run)]) { row in
            Issue(severity: Severity(rawValue: row.string(at: 0) ?? "") ?? .error, rule: row.string(at: 1) ?? "",
                  provenance: Provenance(file: row.string(at: 2) ?? "", sheet: row.string(at: 3) ?? "", cell: row.string(at: 4) ?? ""),
                  unit: row.string(at: 5) ?? "", field: row.string(at: 6) ?? "", message: row.string(at: 7) ?? "",
                  value: row.string(at: 8) ?? "")
        }
    }

    private func currentSubmission(unitCode: String, year: Int) throws -> Submission? {
        try database.cachedStatement("""
            SELECT id, file, sha256, unit_code, year, received, imported_run, superseded_by, withdrawn, withdrawn_run
            FROM submissions WHERE unit_code = ? AND year = ? AND superseded_by IS NULL
            """).rows([.text(unitCode), DatabaseValue(year)], Store.submission).first
    }

    // MARK: - Row mapping

    private static func submission(_ row: Statement) -> Submission {
        Submission(id: row.int64(at: 0) ?? 0, file: row.string(at: 1) ?? "", sha256: row.string(at: 2) ?? "",
                   unitCode: row.string(at: 3) ?? "", year: Int(row.int64(at: 4) ?? 0), received: date(row.string(at: 5)) ?? .distantPast,
                   importedRun: row.int64(at: 6), supersededBy: row.int64(at: 7), withdrawn: date(row.string(at: 8)),
                   withdrawnRun: row.int64(at: 9))
    }

    /// Dates are stored as ISO 8601 text in UTC, to the second ("2024-11-30T08:15:00Z").
    static func text(_ date: Date) -> String { date.formatted(.iso8601) }

    static func date(_ text: String?) -> Date? {
        text.flatMap { try? Date($0, strategy: .iso8601) }
    }
}
