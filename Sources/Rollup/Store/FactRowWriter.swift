/// Writes one submission's facts into `facts`, one row per fact (2024-v7), through one prepared
/// statement bound in place: the submission once, the source id only when the (file, sheet)
/// changes, each fact's strings without a copy (`withBound`). `seq` is the fact's position in
/// the submission, counted from 0, so reading a submission by its primary key gives the facts
/// in the order they were imported.
///
///     var rows = try FactRowWriter(database: db, submission: 7) { file, sheet in try sourceID(file, sheet) }
///     try rows.append(unitCode: "31117", field: "so_ho", value: .count(1_204), file: "ninh-kieu.xlsx",
///                     sheet: "Cấp xã", cell: "E7")
///     // facts: (7, 0, '31117', 'so_ho', 'count', 1204, NULL, <source>, 'E7')
struct FactRowWriter {
    /// 1 submission, 2 seq, 3 unit_code, 4 field, 5 value_type, 6 integer_value, 7 text_value,
    /// 8 source_id, 9 cell.
    private let insert: Statement
    private let sourceID: (_ file: String, _ sheet: String) throws -> Int64
    private var source: (file: String, sheet: String)? = nil
    private(set) var seq: Int64 = 0

    init(database: Database, submission: Int64, sourceID: @escaping (_ file: String, _ sheet: String) throws -> Int64) throws {
        insert = try database.cachedStatement("""
            INSERT INTO facts(submission_id, seq, unit_code, field, value_type, integer_value, text_value, source_id, cell)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
        insert.reset()
        try insert.bind(submission, at: 1)
        self.sourceID = sourceID
    }

    /// Inserts one fact. Its strings are bound without a copy while the row is inserted; every
    /// parameter is bound again for the next one, so none points at them afterwards.
    mutating func append(unitCode: String, field: String, value: FieldValue, file: String, sheet: String, cell: String) throws {
        if source?.file != file || source?.sheet != sheet {
            try insert.bind(try sourceID(file, sheet), at: 8)
            source = (file, sheet)
        }
        try insert.bind(seq, at: 2)
        switch value {
        case .count(let n):
            try insert.bind("count" as StaticString, at: 5)
            try insert.bind(n, at: 6)
            try insert.bindNull(at: 7)
        case .level(let n):
            try insert.bind("level" as StaticString, at: 5)
            try insert.bind(Int64(n), at: 6)
            try insert.bindNull(at: 7)
        case .yesNo(let yes):
            try insert.bind("yes-no" as StaticString, at: 5)
            try insert.bind(yes ? 1 : 0, at: 6)
            try insert.bindNull(at: 7)
        case .text:
            try insert.bind("text" as StaticString, at: 5)
            try insert.bindNull(at: 6)
        }
        try insert.withBound(unitCode, at: 3) {
            try insert.withBound(field, at: 4) {
                try insert.withBound(cell, at: 9) {
                    if case .text(let text) = value {
                        try insert.withBound(text, at: 7) { try insert.run() }
                    } else {
                        try insert.run()
                    }
                }
            }
        }
        seq += 1
    }

    /// Clears the bindings, so that no parameter points at a caller's bytes once the rows are in.
    func finish() {
        insert.reset()
    }
}
