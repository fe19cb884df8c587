import Core

/// Rewrites the `fact_chunks` rows of 2024-v4 (`["31117",[["gia_dinh_dat","count",1234,"E7"],...],...]`:
/// each unit row's code followed by its facts, each `[field, value_type, value, cell]`) in the
/// columnar form of 2024-v5 (`PackedFactsWriter`), for that migration only. Each row keeps its
/// submission, its seq and its source and becomes one chunk (not cut again), its facts in the
/// same order, so the `facts` view and `Store.facts` give the same facts before and after.
/// Read with json_tree's atoms as 2024-v4's `Store.facts` read them.
enum FactChunksV4 {
    static func convert(_ db: Database) throws {
        // Rows are listed first, then rewritten one by one: no statement steps over a table
        // that is being changed.
        let rows = try db.prepare("SELECT rowid, submission_id, seq, source_id FROM fact_chunks ORDER BY rowid")
            .rows { ($0.integer(at: 0), $0.integer(at: 1), $0.integer(at: 2), $0.integer(at: 3)) }
        let select = try db.prepare("SELECT facts FROM fact_chunks WHERE rowid = ?")
        let unpack = try db.prepare("SELECT atom FROM json_tree(?)")
        // FactChunks binds 2 seq, 3 source and 4 the text; 1 is the submission.
        let update = try db.prepare("UPDATE fact_chunks SET facts = ?4 WHERE submission_id = ?1 AND seq = ?2 AND source_id = ?3")
        var facts: [Fact] = []
        for (rowid, submission, seq, source) in rows {
            facts.removeAll(keepingCapacity: true)
            try select.bind([.integer(rowid)])
            guard try select.step() else { continue }
            try select.withText(at: 0) { json in try read(json, with: unpack, into: &facts) }
            select.reset()
            guard !facts.isEmpty else {
                try db.prepare("DELETE FROM fact_chunks WHERE rowid = ?").execute([.integer(rowid)])
                continue
            }
            update.reset()
            try update.bind(submission, at: 1)
            var chunks = FactChunks(insert: update, firstSeq: Int(seq), cuts: false) { _, _ in source }
            try facts.withUnsafeBufferPointer { facts in
                for i in facts.indices { try chunks.append(facts.baseAddress! + i) }
            }
            try chunks.flush()
            update.reset()
        }
    }

    /// The facts of a 2024-v4 text (unit code, field, value, cell; no year or source), refused
    /// (`DatabaseError` 11) if it is not an array of unit codes each followed by an array of
    /// `[field, value_type, value, cell]`.
    private static func read(_ json: UnsafeBufferPointer<UInt8>, with unpack: Statement, into facts: inout [Fact]) throws {
        var unitCode: String? = nil
        func unreadable() -> DatabaseError {
            DatabaseError(code: 11, message: "dữ kiện 2024-v4 của đơn vị \(unitCode ?? "?") không chuyển được sang 2024-v5 "
                          + "(fact_chunks.facts không đúng dạng); cơ sở dữ liệu có thể bị sửa tay.")
        }
        func next(_ storageClass: Statement.StorageClass) throws {
            guard try unpack.step(), unpack.storageClass(at: 0) == storageClass else { throw unreadable() }
        }
        try unpack.withBound(utf8: json, at: 1) {
            defer { unpack.reset() }
            try next(.null)  // the chunk's array
            while try unpack.step() {
                switch unpack.storageClass(at: 0) {
                case .text:  // a unit row: its code, then its facts' array
                    unitCode = unpack.text(at: 0)
                    try next(.null)
                    continue
                case .null where unitCode != nil: break  // a fact's array
                default: throw unreadable()
                }
                try next(.text)
                let field = unpack.text(at: 0)
                try next(.text)
                let value: FieldValue
                switch unpack.withText(at: 0, FieldType.init(name:)) {
                case .count?: try next(.integer); value = .count(unpack.integer(at: 0))
                case .level?: try next(.integer); value = .level(Int(unpack.integer(at: 0)))
                case .yesNo?: try next(.integer); value = .yesNo(unpack.integer(at: 0) != 0)
                case .text?: try next(.text); value = .text(unpack.text(at: 0))
                case nil: throw unreadable()
                }
                try next(.text)
                facts.append(Fact(unitCode: unitCode!, year: 0, field: field, value: value, provenance: Provenance(file: "", cell: unpack.text(at: 0))))
            }
        }
    }
}
