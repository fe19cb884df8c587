/// Writes JSON at a position of a buffer whose room was reserved beforehand (by
/// `PackedFactsWriter`, which knows the most bytes each piece can take): no check per byte.
///
/// Since 2024-v7 facts are rows of `facts` (`FactRowWriter`); this is kept only for the migration
/// 2024-v5, which a store still at 2024-v4 goes through before 2024-v7 turns its chunks into rows.
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

    /// Decimal digits, Int64.min included (its magnitude fits a UInt64): counted first, then
    /// written from the last, two at a time from a table (half the divisions).
    mutating func putInteger(_ n: Int64) {
        if n < 0 { put(UInt8(ascii: "-")) }
        var rest = n.magnitude
        var digits = 1, power: UInt64 = 10
        while digits < 20 && rest >= power {
            digits += 1
            if digits < 20 { power &*= 10 }
        }
        let pairs = Self.digitPairs.utf8Start
        var i = at + digits
        while rest >= 100 {
            let pair = Int(rest % 100) &* 2
            rest /= 100
            i -= 2
            base[i] = pairs[pair]
            base[i + 1] = pairs[pair + 1]
        }
        if rest >= 10 {
            base[i - 2] = pairs[Int(rest) &* 2]
            base[i - 1] = pairs[Int(rest) &* 2 + 1]
        } else {
            base[i - 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
        }
        at += digits
    }

    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899
        """

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
