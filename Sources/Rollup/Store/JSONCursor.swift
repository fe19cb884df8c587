/// Writes JSON at a position of a buffer whose room was reserved beforehand (by
/// `PackedFactsWriter`, which knows the most bytes each piece can take): no check per byte.
struct JSONCursor {
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
    /// `\u00XX`, everything else (Vietnamese included) copied as UTF-8. Runs without anything
    /// to escape are copied in one piece. At most 6 bytes per byte of `string`, plus 2.
    mutating func putString(_ string: String) {
        // In place for a native string (a small one is copied to the stack); a bridged one is
        // copied first.
        if string.utf8.withContiguousStorageIfAvailable({ putString($0) }) == nil {
            var copy = string
            copy.withUTF8 { putString($0) }
        }
    }

    mutating func putString(_ utf8: UnsafeBufferPointer<UInt8>) {
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
        put(quote)
    }
}
