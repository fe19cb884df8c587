/// Writes the JSON text of one `fact_rows` row (migration 2024-v4): the facts of one unit row,
/// in input order, each `[field, value_type, value, cell]`:
///
///     [["gia_dinh_dat","count",1234,"E7"],["co_tt","yes-no",1,"F7"],["ghi_chu","text","Ghi \"chú\"","G7"]]
///
/// Counts, levels and yes-no (1/0) are JSON integers, texts are JSON strings. One buffer is
/// reused for every row of an import, so writing a fact allocates nothing. Only writing happens
/// here: the store reads the rows back through SQLite's `json_each`.
struct PackedFactsWriter {
    /// The UTF-8 text written since the last `begin()`.
    private(set) var bytes: [UInt8] = []
    private var isEmpty = true

    init(capacity: Int = 4_096) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts a new row, keeping the buffer's capacity.
    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "["))
        isEmpty = true
    }

    /// Closes the row's array.
    mutating func end() {
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func append(_ fact: Fact) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        bytes.append(UInt8(ascii: "["))
        appendString(fact.field)
        switch fact.value {
        case .count(let n): appendLiteral(",\"count\","); appendInteger(n)
        case .level(let n): appendLiteral(",\"level\","); appendInteger(Int64(n))
        case .yesNo(let b): appendLiteral(b ? ",\"yes-no\",1" : ",\"yes-no\",0")
        case .text(let t): appendLiteral(",\"text\","); appendString(t)
        }
        bytes.append(UInt8(ascii: ","))
        appendString(fact.provenance.cell)
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func appendLiteral(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Decimal digits, Int64.min included (its magnitude fits a UInt64).
    private mutating func appendInteger(_ n: Int64) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = n.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// A JSON string: `"` and `\` escaped with a backslash, control characters (< 0x20) as
    /// `\u00XX`, everything else (Vietnamese included) copied as UTF-8. Runs without anything to
    /// escape are copied in one piece.
    private mutating func appendString(_ string: String) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        bytes.append(quote)
        var string = string
        string.withUTF8 { utf8 in
            var copied = 0
            for i in utf8.indices {
                let byte = utf8[i]
                guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<i]))
                if byte < 0x20 {
                    let hex: StaticString = "0123456789abcdef"
                    appendLiteral("\\u00")
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xf)])
                } else {
                    bytes.append(backslash)
                    bytes.append(byte)
                }
                copied = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
        bytes.append(quote)
    }
}
