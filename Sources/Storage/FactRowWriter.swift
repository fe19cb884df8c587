import CSQLite
import Core

/// Writes one submission's facts into `fact_rows`, one row per fact (2024-v7), `batchRows` rows
/// per INSERT. `seq` is the fact's position in the submission, counted from 0, so reading a
/// submission by its primary key gives the facts in the order they were imported.
///
///     var rows = try FactRowWriter(database: db, submission: 7)
///     try rows.source(file: "ninh-kieu.xlsx", sheet: "Cấp xã") { file, sheet in try sourceID(file, sheet) }
///     let soHo = try rows.fieldID("so_ho", .count)
///     try rows.append(unitCode: "31117", fieldID: soHo, value: .count(1_204), letters: "E", row: 7)
///     try rows.finish()
///     // fact_rows: (7, 0, '31117', <so_ho, count>, 1204, <source>, 'E7')
///
/// Why it is shaped so (callgrind, 160,000 facts; docs/store.md): SQLite spends ~4,000
/// instructions on each execution of a statement before its row (opening cursors, the VDBE
/// program's start and halt), so one INSERT of 32 rows costs about half of 32 INSERTs of one.
/// Rows wait in `pending`, their texts (unit code, cell, text value) copied into one reused
/// byte buffer, and are bound all at once, in place (`SQLITE_STATIC`, no copy by SQLite), when
/// the batch is full; `finish()` writes the rest with a statement of their number. A cell made
/// of a column's letters and a row is written into the buffer directly, without a String.
struct FactRowWriter {
    /// Rows per INSERT: 32 rows × 6 parameters + the submission. 64 gained ~3% more.
    static let batchRows = 32

    /// A fact waiting for its INSERT: integers, and its texts as ranges of `bytes`.
    private struct PendingRow {
        var seq: Int64
        var unit: Range<Int>
        var fieldID: Int64
        /// The value of a count, level or yes-no (1/0); unused for a text.
        var integer: Int64
        /// The text of a text value; nil for the others.
        var text: Range<Int>?
        var sourceID: Int64
        var cell: Range<Int>
    }

    /// The INSERT of `batchRows` rows, made once: its SQL text is the key of the statement cache.
    static let batchSQL = insertSQL(rows: batchRows)

    private let database: Database
    private let submission: Int64
    /// The statement of a full batch, prepared once per connection.
    private let batchInsert: Statement
    private var pending: [PendingRow] = []
    private var bytes: [UInt8] = []
    /// The open source: its (file, sheet) and id in `fact_sources`.
    private var source: (file: String, sheet: String, id: Int64)? = nil
    /// Field ids by value type (`typeIndex`) and field, as `fields` holds them.
    private var fieldIDs: [[String: Int64]] = Array(repeating: [:], count: 4)
    /// The unit code of the last pending row.
    private var lastUnit = ""
    private(set) var seq: Int64 = 0

    init(database: Database, submission: Int64) throws {
        self.database = database
        self.submission = submission
        batchInsert = try database.cachedStatement(Self.batchSQL)
        pending.reserveCapacity(Self.batchRows)
        bytes.reserveCapacity(Self.batchRows * 64)
    }

    // MARK: - Ids

    /// Makes (file, sheet) the source of the facts appended next; `lookUp` gives its id in
    /// `fact_sources` when it is not the open one already.
    mutating func source(file: String, sheet: String, lookUp: (_ file: String, _ sheet: String) throws -> Int64) rethrows {
        if let source, source.file == file, source.sheet == sheet { return }
        source = (file, sheet, try lookUp(file, sheet))
    }

    /// The id in `fields` of `field` read as `type`, added when new.
    mutating func fieldID(_ field: String, _ type: FieldType) throws -> Int64 {
        let index = Self.typeIndex(type)
        if let id = fieldIDs[index][field] { return id }
        let name = type.rawValue
        let id: Int64
        if let known = try database.cachedStatement("SELECT id FROM fields WHERE field = ? AND value_type = ?")
            .rows([.text(field), .text(name)], { $0.int64(at: 0) }).first ?? nil {
            id = known
        } else {
            try database.cachedStatement("INSERT INTO fields(field, value_type) VALUES (?, ?)").execute([.text(field), .text(name)])
            id = database.lastInsertRowID
        }
        fieldIDs[index][field] = id
        return id
    }

    /// 0 count, 1 level, 2 yes-no, 3 text: an index without hashing.
    static func typeIndex(_ type: FieldType) -> Int {
        switch type {
        case .count: 0
        case .level: 1
        case .yesNo: 2
        case .text: 3
        }
    }

    // MARK: - Rows

    /// Appends a fact of the open source whose cell is `cell`.
    mutating func append(unitCode: String, fieldID: Int64, value: FieldValue, cell: String) throws {
        let start = bytes.count
        bytes.append(contentsOf: cell.utf8)
        try append(unitCode: unitCode, fieldID: fieldID, value: value, cell: start..<bytes.count)
    }

    /// Appends a fact of the open source whose cell is `letters` followed by `row` in decimal
    /// (`CellPosition.a1(letters:row:)`, without making the String).
    mutating func append(unitCode: String, fieldID: Int64, value: FieldValue, letters: String, row: Int) throws {
        let start = bytes.count
        bytes.append(contentsOf: letters.utf8)
        if row < 0 { bytes.append(UInt8(ascii: "-")) }
        let digits = bytes.count
        var rest = row.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
            rest /= 10
        } while rest > 0
        bytes[digits...].reverse()
        try append(unitCode: unitCode, fieldID: fieldID, value: value, cell: start..<bytes.count)
    }

    private mutating func append(unitCode: String, fieldID: Int64, value: FieldValue, cell: Range<Int>) throws {
        guard let source else { preconditionFailure("source(file:sheet:lookUp:) before the first fact") }
        // Consecutive facts mostly share their unit: its bytes are copied once for them.
        // (Comparing Strings: the same String, as a record's slots share, compares equal at once.)
        let unit: Range<Int>
        if let last = pending.last, lastUnit == unitCode {
            unit = last.unit
        } else {
            let start = bytes.count
            bytes.append(contentsOf: unitCode.utf8)
            unit = start..<bytes.count
            lastUnit = unitCode
        }
        var row = PendingRow(seq: seq, unit: unit, fieldID: fieldID, integer: 0, text: nil, sourceID: source.id, cell: cell)
        switch value {
        case .count(let n): row.integer = n
        case .level(let n): row.integer = Int64(n)
        case .yesNo(let yes): row.integer = yes ? 1 : 0
        case .text(let text):
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            row.text = start..<bytes.count
        }
        pending.append(row)
        seq += 1
        if pending.count == Self.batchRows { try flush() }
    }

    /// Writes the facts still waiting. Call once, after the last `append`.
    mutating func finish() throws {
        if !pending.isEmpty { try flush() }
    }

    /// Inserts the pending rows with one statement of their number, bound in place, and empties
    /// the buffer. Every parameter of the statement is bound again before each run, so none
    /// points at bytes of an earlier batch; the bindings are cleared after the run.
    private mutating func flush() throws {
        let insert = pending.count == Self.batchRows ? batchInsert : try database.cachedStatement(Self.insertSQL(rows: pending.count))
        try bytes.withUnsafeBufferPointer { bytes in
            try pending.withUnsafeBufferPointer { rows in
                try insert.bind(submission, at: 1)
                for (k, row) in rows.enumerated() {
                    let at = Int32(2 + 6 * k)
                    try insert.bind(row.seq, at: at)
                    try insert.bindUnowned(utf8: UnsafeBufferPointer(rebasing: bytes[row.unit]), at: at + 1)
                    try insert.bind(row.fieldID, at: at + 2)
                    if let text = row.text {
                        try insert.bindUnowned(utf8: UnsafeBufferPointer(rebasing: bytes[text]), at: at + 3)
                    } else {
                        try insert.bind(row.integer, at: at + 3)
                    }
                    try insert.bind(row.sourceID, at: at + 4)
                    try insert.bindUnowned(utf8: UnsafeBufferPointer(rebasing: bytes[row.cell]), at: at + 5)
                }
                defer { insert.reset() }
                try insert.run()
            }
        }
        pending.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    /// `INSERT INTO fact_rows ... VALUES (?1, ?2, ..., ?7), (?1, ?8, ..., ?13), ...`: the
    /// submission is parameter 1 of every row; row k's seq, unit code, field id, value, source id
    /// and cell are parameters 2 + 6k to 7 + 6k.
    static func insertSQL(rows: Int) -> String {
        let values = (0..<rows).map { k in
            "(?1, " + (0..<6).map { "?\(2 + 6 * k + $0)" }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO fact_rows(submission_id, seq, unit_code, field_id, value, source_id, cell) VALUES "
            + values.joined(separator: ", ")
    }
}
