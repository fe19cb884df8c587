/// Writes the JSON text of one `fact_rows` row (migration 2024-v4): the facts of one unit row,
/// in input order, each `[field, value_type, value, cell]`:
///
///     [["gia_dinh_dat","count",1234,"E7"],["co_tt","yes-no",1,"F7"],["ghi_chu","text","Ghi \"chú\"","G7"]]
///
/// Counts, levels and yes-no (1/0) are JSON integers, texts are JSON strings. One buffer is
/// reused for every row of an import and grown only when a fact may not fit, so writing a fact
/// allocates nothing and checks the room once, not per byte. Only writing happens here: the
/// store reads the rows back through SQLite's JSON functions.
struct PackedFactsWriter {
    /// Zero-filled storage; the text is its first `count` bytes.
    private var storage: [UInt8]
    private var count = 0

    init(capacity: Int = 4_096) {
        storage = [UInt8](repeating: 0, count: capacity)
    }

    /// Starts a new row, keeping the buffer.
    mutating func begin() {
        storage[0] = UInt8(ascii: "[")
        count = 1
    }

    /// Closes the row's array.
    mutating func end() {
        reserve(1)
        storage[count] = UInt8(ascii: "]")
        count += 1
    }

    /// The row's text so far, in place (for `Statement.withBound(utf8:at:_:)`).
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
            if start > 1 { out.put(UInt8(ascii: ",")) }
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
