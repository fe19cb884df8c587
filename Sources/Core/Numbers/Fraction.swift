/// An exact rational number, so that a rate is compared with its target without rounding:
/// 5 of 9 districts (55,5555…%) meets a 55,55% target, which is the fraction 5555/10000.
///
///     Fraction(5, 9) >= Fraction(percent: "55,55")!   // true
///
/// Numerator and denominator are kept reduced with a positive denominator. Comparison
/// multiplies across in 128-bit integers, so counts up to Int64 never overflow.
public struct Fraction: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public private(set) var numerator: Int64
    public private(set) var denominator: Int64

    /// - Precondition: `denominator != 0`.
    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(denominator != 0, "Fraction with a zero denominator")
        var n = numerator, d = denominator
        if d < 0 { n = -n; d = -d }
        let g = Fraction.gcd(n.magnitude, d.magnitude)
        self.numerator = g > 1 ? n / Int64(g) : n
        self.denominator = g > 1 ? d / Int64(g) : d
    }

    /// Parses a percentage written the vi-VN or the en way ("55,55", "55.55", "100", "55,55%")
    /// into an exact fraction of one (55,55% -> 5555/10000). Thousands separators are not
    /// accepted: a percentage has at most three integer digits. Returns nil for anything else.
    public init?(percent text: String) {
        var s = Substring(text.trimmingCharactersInSetWhitespace())
        if s.hasSuffix("%") { s = s.dropLast() }
        s = Substring(String(s).trimmingCharactersInSetWhitespace())
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: s.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 4,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let fractionDigits = parts.count == 2 ? parts[1] : ""
        guard fractionDigits.count <= 12, fractionDigits.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || !fractionDigits.isEmpty else { return nil }
        var scale: Int64 = 100
        for _ in fractionDigits { scale *= 10 }
        guard let w = Int64(whole), let f = Int64(fractionDigits.isEmpty ? "0" : String(fractionDigits)) else { return nil }
        let n = w * (scale / 100) + f
        self.init(negative ? -n : n, scale)
    }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    /// The value as a Double, for display and charts only; never compare with it.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public var description: String { "\(numerator)/\(denominator)" }

    private static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}

extension String {
    /// Trims ASCII and Unicode whitespace without Foundation.
    public func trimmingCharactersInSetWhitespace() -> String {
        // Most labels and values start and end with bytes no White_Space scalar has: nothing to
        // trim (read in place; `utf8.first` and `.last` went through generic code).
        let ends = utf8.withContiguousStorageIfAvailable { bytes -> (first: Bool, last: Bool)? in
            guard let first = bytes.first, let last = bytes.last else { return nil }
            return (String.mayBeginWhitespace(first), String.mayEndWhitespace(last))
        }
        if let ends, let ends {
            if !ends.first && !ends.last { return self }
            // "Hòa" ends in A0, as U+00A0 does: the last scalar tells.
            if !ends.first, let end = unicodeScalars.last, !end.isUnicodeWhitespace { return self }
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isUnicodeWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isUnicodeWhitespace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}

extension String {
    /// False when a UTF-8 text starting with `byte` cannot start with a White_Space scalar:
    /// those are ASCII U+0009-U+000D and U+0020, or start with C2, E1, E2 or E3.
    static func mayBeginWhitespace(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3)
    }

    /// False when a UTF-8 text ending with `byte` cannot end with a White_Space scalar: the
    /// last bytes of those are 09-0D, 20, 80-8A (85 among them), 9F, A0, A8, A9 and AF ("Khế" ends in BF).
    static func mayEndWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x80...0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF: true
        default: false
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answered without the property lookup for ASCII
    /// (whose White_Space scalars are U+0009-U+000D and U+0020).
    var isUnicodeWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20: true
        case 0x21..<0x85: false
        // The rest of White_Space (Unicode's PropList.txt, unchanged since 6.3); a test checks
        // this against `properties.isWhitespace` for every scalar.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
