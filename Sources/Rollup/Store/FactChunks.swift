/// Cuts one submission's facts into `fact_chunks` rows as they come and inserts each chunk when
/// it is complete: a chunk ends where the source (file, sheet) changes, or before a new unit row
/// once it is full (`PackedFactsWriter.isFull`); a unit row is never split. A value goes to the
/// open unit row when it has the same unit, the same row and a descriptor after the row's last
/// one (`PackedFactsWriter.continues`); otherwise it starts a new one, so the order of the
/// facts is kept. Both import paths of 2024-v5/v6 went through it, so the same values gave the
/// same chunks, byte for byte.
///
/// Since 2024-v7 facts are rows of `facts` (`FactRowWriter`); this is kept only for the migration
/// 2024-v5, which a store still at 2024-v4 goes through before 2024-v7 turns its chunks into rows.
struct FactChunks {
    private var packed = PackedFactsWriter()
    /// The prepared statement: 1 submission (bound by the caller), 2 seq, 3 source, 4 JSON.
    private let insert: Statement
    private let sourceID: (_ file: String, _ sheet: String) throws -> Int64
    /// Whether full chunks are cut (not when a migration rewrites one chunk as it is).
    private let cuts: Bool
    private var source: (file: String, sheet: String) = ("", "")
    private var boundSource: (file: String, sheet: String)? = nil
    /// The position in the submission of the open chunk's first fact.
    private var chunkStart: Int

    /// The records path (`beginRecord`, `append(_:slot:)`): the sheet's columns; the descriptor
    /// index in the open chunk of each (slot, value type), -1 when not looked up yet (or for a
    /// slot whose cells do not split back into its letters), so that a value costs no hashing;
    /// and which slots' letters split back from a cell (`PackedCell`).
    private var columns: RecordColumns? = nil
    private var slotIndexes: [Int] = []
    private var slotSplits: [Bool] = []
    private var recordUnit = ""
    private var recordRow = 0
    private var recordRowSplits = false
    /// Whether the open unit row is the record's (its unit and row): then a value whose cached
    /// descriptor comes after the row's last one is simply written.
    private var recordInUnit = false

    init(insert: Statement, firstSeq: Int = 0, cuts: Bool = true,
         sourceID: @escaping (_ file: String, _ sheet: String) throws -> Int64) {
        self.insert = insert
        self.chunkStart = firstSeq
        self.cuts = cuts
        self.sourceID = sourceID
    }

    /// Appends a fact, read in place (taking a `Fact` copied it and retained its six strings, for
    /// each fact): its cell is split into column and row, its descriptor looked up by hashing.
    mutating func append(_ fact: UnsafePointer<Fact>) throws {
        try use(file: fact.pointee.provenance.file, sheet: fact.pointee.provenance.sheet)
        let cell = PackedCell(fact.pointee.provenance.cell)
        try append(fact.pointee.value, unitCode: fact.pointee.unitCode, row: cell.row,
                   descriptor: PackedFactsWriter.Descriptor(field: fact.pointee.field, kind: fact.pointee.value.type, column: String(cell.column)))
    }

    /// Makes the next values (`append(_:slot:)`) those of a record: `unitCode` in `row` of
    /// `file`, `sheet`, whose slots are `columns`.
    mutating func beginRecord(unitCode: String, row: Int, file: String, sheet: String, columns: RecordColumns) throws {
        try use(file: file, sheet: sheet)
        if columns != self.columns {  // the rows of a sheet share theirs: compared by identity first
            self.columns = columns
            slotIndexes = Array(repeating: -1, count: FactChunks.typeCount * columns.fields.count)
            slotSplits = columns.letters.map(PackedCell.isColumn)
        }
        recordUnit = unitCode
        recordRow = row
        recordRowSplits = PackedCell.isRow(row)
        recordInUnit = false
    }

    /// Appends the value of `slot` of the record begun (`beginRecord`): its cell is the slot's
    /// letters followed by the row, its descriptor is cached per (slot, value type) for the
    /// chunk. Once the record's unit row is open, a value whose descriptor is cached and comes
    /// after the row's last one (a dense row's values do) costs no more than its writing.
    mutating func append(_ value: FieldValue, slot: Int) throws {
        let cached = FactChunks.typeCount &* slot &+ FactChunks.typeIndex(value)
        let index = slotIndexes[cached]
        if recordInUnit && index > packed.lastIndex {
            return packed.append(value, index: index)
        }
        try appendLookingUp(value, slot: slot, cached: cached)
    }

    /// `append(_:slot:)` when the descriptor is not cached or the value may need a new unit row.
    /// A cell that would not split back into the slot's letters and the row (letters ending in
    /// a digit, a row out of 1...999,999,999) goes the way of a fact, so both paths store the
    /// same bytes.
    private mutating func appendLookingUp(_ value: FieldValue, slot: Int, cached: Int) throws {
        let columns = self.columns!
        guard recordRowSplits && slotSplits[slot] else {
            recordInUnit = false
            let cell = PackedCell(CellPosition.a1(letters: columns.letters[slot], row: recordRow))
            return try append(value, unitCode: recordUnit, row: cell.row,
                              descriptor: PackedFactsWriter.Descriptor(field: columns.fields[slot], kind: value.type, column: String(cell.column)))
        }
        let descriptor = PackedFactsWriter.Descriptor(field: columns.fields[slot], kind: value.type, column: columns.letters[slot])
        var index = slotIndexes[cached] >= 0 ? slotIndexes[cached] : packed.index(of: descriptor)
        if try beginUnitIfNeeded(recordUnit, row: recordRow, index: index) { index = nil }
        let found = index ?? packed.add(descriptor)
        slotIndexes[cached] = found
        packed.append(value, index: found)
        recordInUnit = true
    }

    /// The value types, and each value's place among them: the slot cache keeps one descriptor
    /// index per slot and type.
    private static let typeCount = FieldType.allCases.count
    private static func typeIndex(_ value: FieldValue) -> Int {
        switch value {
        case .count: 0
        case .level: 1
        case .yesNo: 2
        case .text: 3
        }
    }

    /// Inserts the open chunk, if any. The source id is looked up and bound only when it changes.
    mutating func flush() throws {
        guard packed.units > 0 else { return }
        packed.end()
        if boundSource?.file != source.file || boundSource?.sheet != source.sheet {
            try insert.bind(try sourceID(source.file, source.sheet), at: 3)
            boundSource = source
        }
        try insert.bind(Int64(chunkStart), at: 2)
        try packed.withText { json in try insert.withBound(utf8: json, at: 4) { try insert.run() } }
        chunkStart += packed.facts
        packed.reset()
        for i in slotIndexes.indices { slotIndexes[i] = -1 }
        recordInUnit = false
    }

    /// A value whose descriptor is looked up in the open chunk by hashing.
    private mutating func append(_ value: FieldValue, unitCode: String, row: Int, descriptor: PackedFactsWriter.Descriptor) throws {
        var index = packed.index(of: descriptor)
        if try beginUnitIfNeeded(unitCode, row: row, index: index) { index = nil }
        packed.append(value, index: index ?? packed.add(descriptor))
    }

    /// Values from another source go to another chunk.
    private mutating func use(file: String, sheet: String) throws {
        guard file != source.file || sheet != source.sheet else { return }
        try flush()
        source = (file, sheet)
    }

    /// Begins a new unit row unless the open one takes the value (`PackedFactsWriter.continues`),
    /// in a new chunk when the open one is full; true when a new chunk was begun, where the
    /// descriptor indexes of the previous one mean nothing.
    private mutating func beginUnitIfNeeded(_ unitCode: String, row: Int, index: Int?) throws -> Bool {
        if packed.continues(unitCode: unitCode, row: row, index: index) { return false }
        var begun = false
        if cuts && packed.isFull {
            try flush()
            begun = true
        }
        packed.beginUnit(unitCode, row: row)
        return begun
    }
}
