/// Writes the JSON text of one `fact_chunks` row (migration 2024-v4): consecutive unit rows of
/// one submission and one source, each its unit code followed by its facts in input order, each
/// fact `[field, value_type, value, cell]`:
///
///     ["31117",[["gia_dinh_dat","count",1234,"E7"],["co_tt","yes-no",1,"F7"]],"31120",[["ghi_chu","text","Ghi \"chú\"","G8"]]]
///
/// A flat array (code, facts, code, facts, ...) rather than pairs, so that reading it with
/// json_tree can tell a unit (a string) from a fact (an array) by its atom alone.
/// Counts, levels and yes-no (1/0) are JSON integers, texts are JSON strings. One buffer is
/// reused for every chunk of an import and grown only when a fact may not fit, so writing a fact
/// allocates nothing and checks the room once, not per byte. Only writing happens here: the
/// store reads the chunks back through SQLite's JSON functions.
struct PackedFactsWriter {
    /// Zero-filled storage; the text is its first `count` bytes.
    private var storage: [UInt8]
    private var count = 0
    /// Unit rows begun in the chunk, and facts in the chunk and in its last unit row.
    private(set) var units = 0
    private(set) var facts = 0
    private var factsInUnit = 0

    /// A chunk stops taking new unit rows at 64 of them or ~32 KB of text: few SQLite rows
    /// (each costs ~10,000 instructions whatever its size), each still well within a few pages.
    static let chunkUnits = 64, chunkBytes = 32_768

    init(capacity: Int = 40_960) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// Whether the chunk should take no new unit row.
    var isFull: Bool { units >= Self.chunkUnits || count >= Self.chunkBytes }

    /// Starts a new chunk, keeping the buffer.
    mutating func begin() {
        storage[0] = UInt8(ascii: "[")
        count = 1
        units = 0
        facts = 0
        factsInUnit = 0
    }

    /// Starts the unit row of `unitCode`, closing the previous one.
    mutating func beginUnit(_ unitCode: String) {
        reserve(6 * unitCode.utf8.count + 8)
        let start = count
        count = storage.withUnsafeMutableBufferPointer { buffer in
            var out = Cursor(base: buffer.baseAddress!, at: start)
            if units > 0 { out.put("],") }
            out.putString(unitCode)
            out.put(",[")
            return out.at
        }
        units += 1
        factsInUnit = 0
    }

    /// Closes the last unit row and the chunk's array.
    mutating func end() {
        reserve(2)
        if units > 0 {
            storage[count] = UInt8(ascii: "]")
            count += 1
        }
        storage[count] = UInt8(ascii: "]")
        count += 1
    }

    /// The chunk's text so far, in place (for `Statement.withBound(utf8:at:_:)`).
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Appends the fact at `fact`, read in place: taking a `Fact` copied it (and retained its
    /// six strings) for each fact, 47 M instructions for 160,000 facts.
    mutating func append(_ fact: UnsafePointer<Fact>) {
        append(field: fact.pointee.field, value: fact.pointee.value, cellBytes: fact.pointee.provenance.cell.utf8.count) {
            $0.putString(fact.pointee.provenance.cell)
        }
    }

    /// A sheet's field ids and column letters as JSON string bytes, encoded once for all its rows
    /// (`append(value:slot:of:row:)`).
    struct EncodedColumns {
        let columns: RecordColumns
        /// `"gia_dinh_dat"`, escaped and quoted.
        let fields: [[UInt8]]
        /// `"E`: the opening quote and the letters of the cell, whose row follows.
        let letters: [[UInt8]]

        init(_ columns: RecordColumns) {
            self.columns = columns
            fields = columns.fields.map { PackedFactsWriter.encoded($0, closed: true) }
            letters = columns.letters.map { PackedFactsWriter.encoded($0, closed: false) }
        }
    }

    static func encoded(_ string: String, closed: Bool) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 6 * string.utf8.count + 2)
        let n = bytes.withUnsafeMutableBufferPointer { buffer in
            var out = Cursor(base: buffer.baseAddress!, at: 0)
            out.putString(string, closed: closed)
            return out.at
        }
        return Array(bytes[..<n])
    }

    /// Appends the value of `slot` of a unit row, its field id and cell written from bytes
    /// encoded once per sheet and the row's digits rendered once per row (`rowDigits(_:into:)`;
    /// "E" and "7" write "E7"): no cell text is built.
    mutating func append(_ value: FieldValue, slot: Int, of encoded: EncodedColumns, rowDigits: UnsafeBufferPointer<UInt8>) {
        let field = encoded.fields[slot], letters = encoded.letters[slot]
        append(fieldBytes: field.count, value: value, cellBytes: letters.count + rowDigits.count + 1) { out in
            field.withUnsafeBufferPointer { out.put($0) }
        } cell: { out in
            letters.withUnsafeBufferPointer { out.put($0) }
            out.put(rowDigits)
            out.put(UInt8(ascii: "\""))
        }
    }

    /// The decimal digits of `row`, into `digits` (its capacity kept).
    static func rowDigits(_ row: Int, into digits: inout [UInt8]) {
        digits.removeAll(keepingCapacity: true)
        digits.append(contentsOf: String(row).utf8)
    }

    private mutating func append(field: String, value: FieldValue, cellBytes: Int, cell: (inout Cursor) -> Void) {
        append(fieldBytes: 6 * field.utf8.count + 2, value: value, cellBytes: cellBytes, field: { $0.putString(field) }, cell: cell)
    }

    /// `fieldBytes` and `cellBytes`: the most bytes `field` and `cell` write.
    private mutating func append(fieldBytes: Int, value: FieldValue, cellBytes: Int,
                                 field: (inout Cursor) -> Void, cell: (inout Cursor) -> Void) {
        let textCount: Int
        if case .text(let t) = value { textCount = t.utf8.count } else { textCount = 0 }
        // A byte takes at most 6 when escaped (\u00XX); the rest is brackets, commas, quotes,
        // the type and at most 20 digits.
        reserve(fieldBytes + 6 * (cellBytes + textCount) + 48)
        let start = count
        count = storage.withUnsafeMutableBufferPointer { buffer in
            var out = Cursor(base: buffer.baseAddress!, at: start)
            if factsInUnit > 0 { out.put(UInt8(ascii: ",")) }
            out.put(UInt8(ascii: "["))
            field(&out)
            switch value {
            case .count(let n): out.put(",\"count\","); out.putInteger(n)
            case .level(let n): out.put(",\"level\","); out.putInteger(Int64(n))
            case .yesNo(let b): out.put(b ? ",\"yes-no\",1" : ",\"yes-no\",0")
            case .text(let t): out.put(",\"text\","); out.putString(t)
            }
            out.put(UInt8(ascii: ","))
            cell(&out)
            out.put(UInt8(ascii: "]"))
            return out.at
        }
        facts += 1
        factsInUnit += 1
    }

    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(storage.count, count + extra - storage.count)))
        }
    }

    /// Writes at a position of the buffer, whose room was reserved beforehand.
    private struct Cursor {
        let base: UnsafeMutablePointer<UInt8>
        var at: Int

        mutating func put(_ byte: UInt8) {
            base[at] = byte
            at += 1
        }

        mutating func put(_ literal: StaticString) {
            (base + at).update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
            at += literal.utf8CodeUnitCount
        }

        mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (base + at).update(from: source, count: bytes.count)
            at += bytes.count
        }

        /// Decimal digits, Int64.min included (its magnitude fits a UInt64).
        mutating func putInteger(_ n: Int64) {
            if n < 0 { put(UInt8(ascii: "-")) }
            var digits = 1, rest = n.magnitude
            while rest >= 10 { rest /= 10; digits += 1 }
            rest = n.magnitude
            for i in stride(from: at + digits - 1, through: at, by: -1) {
                base[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            at += digits
        }

        /// A JSON string: `"` and `\` escaped with a backslash, control characters (< 0x20) as
        /// `\u00XX`, everything else (Vietnamese included) copied as UTF-8. Runs without
        /// anything to escape are copied in one piece.
        /// `closed: false` leaves the string open (no closing quote) for more to follow.
        mutating func putString(_ string: String, closed: Bool = true) {
            // In place for a native string (a small one is copied to the stack); a bridged one
            // is copied first.
            if string.utf8.withContiguousStorageIfAvailable({ putString($0, closed: closed) }) == nil {
                var copy = string
                copy.withUTF8 { putString($0, closed: closed) }
            }
        }

        mutating func putString(_ utf8: UnsafeBufferPointer<UInt8>, closed: Bool = true) {
            let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
            put(quote)
            var copied = 0
            for i in utf8.indices {
                let byte = utf8[i]
                guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                put(UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                if byte < 0x20 {
                    let hex: StaticString = "0123456789abcdef"
                    put("\\u00")
                    put(hex.utf8Start[Int(byte >> 4)])
                    put(hex.utf8Start[Int(byte & 0xf)])
                } else {
                    put(backslash)
                    put(byte)
                }
                copied = i + 1
            }
            put(UnsafeBufferPointer(rebasing: utf8[copied...]))
            if closed { put(quote) }
        }
    }
}

/// Cuts one submission's facts into `fact_chunks` rows as they come and inserts each chunk when
/// it is complete: a chunk ends where the source (file, sheet) changes, or before a new unit row
/// once it is full (`PackedFactsWriter.isFull`); a unit row is never split. Both import paths go
/// through it, so the same values give the same chunks.
struct FactChunks {
    private var packed = PackedFactsWriter()
    /// The prepared insert: 1 submission (bound by the caller), 2 seq, 3 source, 4 JSON.
    private let insert: Statement
    private let sourceID: (_ file: String, _ sheet: String) throws -> Int64
    private var isOpen = false
    private var source: (file: String, sheet: String) = ("", "")
    private var boundSource: (file: String, sheet: String)? = nil
    private var unitCode = ""
    /// The position in the submission of the open chunk's first fact.
    private var chunkStart = 0

    init(insert: Statement, sourceID: @escaping (_ file: String, _ sheet: String) throws -> Int64) {
        self.insert = insert
        self.sourceID = sourceID
    }

    /// Makes the next facts go to the unit row of `unitCode` read from `file`, `sheet`: the open
    /// one if it is the same unit and source, else a new unit row (in a new chunk if needed).
    mutating func unitRow(_ unitCode: String, file: String, sheet: String) throws {
        if isOpen {
            if file != source.file || sheet != source.sheet {
                try flush()
            } else if unitCode == self.unitCode {
                return
            } else if packed.isFull {
                try flush()
            }
        }
        if !isOpen {
            packed.begin()
            isOpen = true
            source = (file, sheet)
        }
        packed.beginUnit(unitCode)
        self.unitCode = unitCode
    }

    /// Appends a fact to the current unit row (`unitRow(_:file:sheet:)`), read in place.
    mutating func append(_ fact: UnsafePointer<Fact>) {
        packed.append(fact)
    }

    /// Appends a record's value to the current unit row (`PackedFactsWriter.append(_:slot:of:rowDigits:)`).
    mutating func append(_ value: FieldValue, slot: Int, of encoded: PackedFactsWriter.EncodedColumns, rowDigits: UnsafeBufferPointer<UInt8>) {
        packed.append(value, slot: slot, of: encoded, rowDigits: rowDigits)
    }

    /// Inserts the open chunk, if any. The source id is looked up and bound only when it changes.
    mutating func flush() throws {
        guard isOpen else { return }
        packed.end()
        if boundSource?.file != source.file || boundSource?.sheet != source.sheet {
            try insert.bind(try sourceID(source.file, source.sheet), at: 3)
            boundSource = source
        }
        try insert.bind(Int64(chunkStart), at: 2)
        try packed.withText { json in try insert.withBound(utf8: json, at: 4) { try insert.run() } }
        chunkStart += packed.facts
        isOpen = false
    }
}
