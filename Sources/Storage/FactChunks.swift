import Core
import Intake

/// Cuts one submission's facts into `fact_chunks` rows as they come and inserts each chunk when
/// it is complete: a chunk ends where the source (file, sheet) changes, or before a new unit row
/// once it is full (`PackedFactsWriter.isFull`); a unit row is never split. A value goes to the
/// open unit row when it has the same unit, the same row and a descriptor after the row's last
/// one (`PackedFactsWriter.continues`); otherwise it starts a new one, so the order of the
/// facts is kept. Both import paths of 2024-v5/v6 went through it, so the same values gave the
/// same chunks, byte for byte.
///
/// Since 2024-v7 facts are rows of `fact_rows` (`FactRowWriter`); this is kept only for the
/// migration 2024-v5 (`FactChunksV4` rewrites each 2024-v4 chunk through `append(_:)`, uncut),
/// which a store still at 2024-v4 goes through before 2024-v7 turns its chunks into rows. The
/// records path of the 2024-v5/v6 imports (a value per slot, descriptors cached per sheet) is gone.
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
