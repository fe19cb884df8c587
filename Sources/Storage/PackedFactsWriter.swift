import Core

/// Writes the JSON text of one `fact_chunks` row (migration 2024-v5): the chunk's column
/// descriptors once, then its unit rows, each a unit code, a row and one value per descriptor:
///
///     [[["gia_dinh_dat","count","E"],["co_tt","yes-no","F"],["ghi_chu","text","G"]],["31117",7,1234,1],["31120",8,null,null,"Ghi chú"]]
///
/// A descriptor is `[field, value_type, column]`; a unit row's value `i` (its element `i + 2`)
/// is the value of descriptor `i`, `null` where the row has none, trailing nulls left out; a
/// value's cell is the descriptor's column followed by the row (row 0: the column alone,
/// `PackedCell`). Counts, levels and yes-no (1/0) are JSON integers, texts are JSON strings.
///
/// Why columns: 2024-v4 repeated each fact's field id, type and cell (6 MB of JSON for 160,000
/// facts, which SQLite then writes twice, to the WAL and the database); here a fact costs its
/// value and a comma.
///
/// The descriptors come first in the text but are known only at the end: the unit rows are
/// written from `bodyStart` of one buffer, the descriptors into a second one as they appear,
/// and `end()` copies them into the gap left in front of the unit rows. Both buffers are
/// reused for every chunk of an import and grown only when a value may not fit, so writing a
/// value allocates nothing and checks the room once, not per byte. Only writing happens here:
/// the store reads the chunks back through SQLite's JSON functions (`PackedFactsReader`).
///
/// Since 2024-v7 facts are rows of `facts` (`FactRowWriter`); this is kept only for the migration
/// 2024-v5, which a store still at 2024-v4 goes through before 2024-v7 turns its chunks into rows.
struct PackedFactsWriter {
    /// What makes two values share a descriptor.
    struct Descriptor: Hashable {
        var field: String
        var kind: FieldType
        var column: String
    }

    /// Zero-filled storage; the unit rows are `bodyStart..<count`, the finished text
    /// `textStart..<count`.
    private var storage: [UInt8]
    private var bodyStart: Int
    private var count: Int
    private var textStart = 0
    /// The descriptors' JSON, comma-separated, in order of first appearance.
    private var head: [UInt8]
    private var headCount = 0
    private var descriptors: [Descriptor: Int] = [:]
    /// Unit rows and values in the chunk.
    private(set) var units = 0
    private(set) var facts = 0
    /// The open unit row: its code, its row, the descriptor index of its last value (-1 before
    /// the first).
    private var unitCode = ""
    private var row = 0
    private(set) var lastIndex = -1

    /// Up to 256 unit rows per chunk, and none more once the text reaches ~32 KB. SQLite pays
    /// ~10,000 instructions per inserted row whatever its size, and the reader a statement
    /// reset and the descriptors' strings per chunk; a row above ~4 KB goes to overflow pages,
    /// which cost less than that. Measured with `Benchmarks/Pipeline/run.sh ... --callgrind`
    /// (10,000 unit rows × 16 fields, ~80 bytes a unit row; store and load instructions, bytes
    /// of JSON): 16 unit rows per chunk (~1.7 KB, no overflow) 78 M, 427 M, 1.05 MB; 64 (~5 KB)
    /// 56 M, 374 M, 0.84 MB; 256 (~20 KB) 51 M, 359 M, 0.79 MB, where more would gain little.
    /// The byte limit bounds chunks of long texts (the trigger of the `facts` view rewrites a
    /// whole chunk per deleted fact).
    static let chunkUnits = 256, chunkBytes = 32_768

    init(capacity: Int = 40_960, gap: Int = 2_048) {
        storage = [UInt8](repeating: 0, count: capacity)
        head = [UInt8](repeating: 0, count: gap)
        bodyStart = gap
        count = gap
    }

    /// Whether the chunk should take no new unit row.
    var isFull: Bool { units >= Self.chunkUnits || count - bodyStart >= Self.chunkBytes }

    /// Empties the chunk, keeping the buffers.
    mutating func reset() {
        count = bodyStart
        headCount = 0
        descriptors.removeAll(keepingCapacity: true)
        units = 0
        facts = 0
        lastIndex = -1
    }

    /// The index of `descriptor` in the chunk, nil when it has none yet.
    func index(of descriptor: Descriptor) -> Int? {
        descriptors[descriptor]
    }

    /// Adds `descriptor` (not in the chunk yet) and returns its index.
    mutating func add(_ descriptor: Descriptor) -> Int {
        let index = descriptors.count
        descriptors[descriptor] = index
        let need = headCount + 6 * (descriptor.field.utf8.count + descriptor.column.utf8.count) + 24
        if need > head.count { head.append(contentsOf: repeatElement(0, count: max(head.count, need - head.count))) }
        let start = headCount
        headCount = head.withUnsafeMutableBufferPointer { buffer in
            var out = JSONCursor(base: buffer.baseAddress!, at: start)
            if index > 0 { out.put(UInt8(ascii: ",")) }
            out.put(UInt8(ascii: "["))
            out.putString(descriptor.field)
            out.put(UInt8(ascii: ","))
            out.putString(descriptor.kind.rawValue)
            out.put(UInt8(ascii: ","))
            out.putString(descriptor.column)
            out.put(UInt8(ascii: "]"))
            return out.at
        }
        return index
    }

    /// Whether the open unit row takes a value of `unitCode` in `row` for the descriptor at
    /// `index` (nil: a descriptor not in the chunk yet, which comes after all the others): same
    /// unit and row, and a descriptor after the row's last one, so that the values keep their
    /// order.
    func continues(unitCode: String, row: Int, index: Int?) -> Bool {
        units > 0 && row == self.row && (index ?? Int.max) > lastIndex && unitCode == self.unitCode
    }

    /// Starts a unit row of `unitCode` in `row`, closing the open one.
    mutating func beginUnit(_ unitCode: String, row: Int) {
        reserve(6 * unitCode.utf8.count + 32)
        let start = count, close = units > 0
        count = storage.withUnsafeMutableBufferPointer { buffer in
            var out = JSONCursor(base: buffer.baseAddress!, at: start)
            out.put(close ? "],[" : ",[")
            out.putString(unitCode)
            out.put(UInt8(ascii: ","))
            out.putInteger(Int64(row))
            return out.at
        }
        units += 1
        self.unitCode = unitCode
        self.row = row
        lastIndex = -1
    }

    /// Appends `value` to the open unit row as the value of the descriptor at `index` (after the
    /// row's last one: `continues(unitCode:row:index:)`), with a `null` for each descriptor
    /// skipped.
    mutating func append(_ value: FieldValue, index: Int) {
        let textCount: Int
        if case .text(let t) = value { textCount = t.utf8.count } else { textCount = 0 }
        // A byte takes at most 6 when escaped (\u00XX); an integer at most 20 digits and a sign.
        reserve(5 * (index - lastIndex) + 6 * textCount + 24)
        let start = count, skipped = index - lastIndex - 1
        count = storage.withUnsafeMutableBufferPointer { buffer in
            var out = JSONCursor(base: buffer.baseAddress!, at: start)
            for _ in 0..<skipped { out.put(",null") }
            out.put(UInt8(ascii: ","))
            switch value {
            case .count(let n): out.putInteger(n)
            case .level(let n): out.putInteger(Int64(n))
            case .yesNo(let b): out.put(b ? UInt8(ascii: "1") : UInt8(ascii: "0"))
            case .text(let t): out.putString(t)
            }
            return out.at
        }
        lastIndex = index
        facts += 1
    }

    /// Closes the last unit row and the chunk's array, and puts `[[descriptors]` in front of the
    /// unit rows (which begin with a comma). The gap in front of them grows when the descriptors
    /// do not fit, and stays grown for the next chunks.
    mutating func end() {
        reserve(2)
        storage[count] = UInt8(ascii: "]")
        storage[count + 1] = UInt8(ascii: "]")
        count += 2
        let prefix = headCount + 3
        if prefix > bodyStart {
            let shift = max(prefix - bodyStart, bodyStart)
            reserve(shift)
            let (from, bytes) = (bodyStart, count - bodyStart)
            storage.withUnsafeMutableBytes { buffer in
                (buffer.baseAddress! + from + shift).copyMemory(from: buffer.baseAddress! + from, byteCount: bytes)  // overlapping: memmove
            }
            bodyStart += shift
            count += shift
        }
        textStart = bodyStart - prefix
        let start = textStart, headCount = headCount
        storage.withUnsafeMutableBufferPointer { buffer in
            var out = JSONCursor(base: buffer.baseAddress!, at: start)
            out.put("[[")
            head.withUnsafeBufferPointer { out.put(UnsafeBufferPointer(rebasing: $0[..<headCount])) }
            out.put(UInt8(ascii: "]"))
        }
    }

    /// The chunk's text (after `end()`), in place (for `Statement.withBound(utf8:at:_:)`).
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[textStart..<count])) }
    }

    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, count + extra - storage.count)))
        }
    }
}
