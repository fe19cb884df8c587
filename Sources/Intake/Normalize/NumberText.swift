/// Numbers typed as text, the vi-VN and the en way: "1.234", "1,234", " 12 ", "1 234",
/// "12.345.678", "1.234,5", "1,234.5", "-7".
///
/// The ambiguity of one separator followed by exactly three digits ("1.234", "1,234") is settled
/// for thousands: these columns hold counts, and a count has no fraction, so "1.234" is 1234 in
/// both conventions. Any other single separator is a decimal mark ("1,5", "1.5", "0,123",
/// "12,0"): the value is a decimal, and a count rejects a non-zero fraction rather than
/// rounding it. Several separators of one kind are thousands and must group by three
/// ("12.345.678"); with both kinds the last one, written once, is the decimal mark
/// ("1.234,5"). Spaces (also no-break and thin spaces) group thousands only.
///
///     NumberText.parse("1.234")      // .integer(1234)
///     NumberText.parse("1,5")        // .decimal("1,5")
///     NumberText.parse("12,0")       // .integer(12)
///     NumberText.parse("12 hộ")      // .invalid
enum NumberText: Equatable {
    case integer(Int64)
    /// A number with a non-zero fraction, as written (trimmed).
    case decimal(String)
    case invalid

    static func parse(_ raw: String) -> NumberText {
        var scalars = Array(raw.trimmingCharactersInSetWhitespace().unicodeScalars)
        guard !scalars.isEmpty else { return .invalid }
        var negative = false
        if scalars[0] == "-" || scalars[0] == "\u{2212}" || scalars[0] == "+" {
            negative = scalars[0] != "+"
            scalars.removeFirst()
        }
        // Groups of digits and the separator that ended each group.
        var groups: [String] = [""]
        var separators: [Character] = []
        for s in scalars {
            if s.value >= 48 && s.value <= 57 {
                groups[groups.count - 1].unicodeScalars.append(s)
            } else if s == "." || s == "," {
                separators.append(Character(s))
                groups.append("")
            } else if s.properties.isWhitespace || s == "\u{00A0}" || s == "\u{202F}" {
                separators.append(" ")
                groups.append("")
            } else {
                return .invalid
            }
        }
        guard groups.allSatisfy({ !$0.isEmpty }) else { return .invalid }
        if separators.isEmpty { return integer(groups[0], negative) }

        // The decimal mark, if any: the last separator, when it is not a space and either it
        // is the only one of its kind after a different kind, or a single one not grouping by three.
        let last = separators[separators.count - 1]
        let lastCount = separators.filter { $0 == last }.count
        let kinds = Set(separators)
        var decimalAt: Int? = nil
        if last != " " && lastCount == 1 {
            let others = kinds.subtracting([last, " "])
            if !others.isEmpty {
                decimalAt = separators.count - 1
            } else if !(groups.last!.count == 3 && groupsByThree(Array(groups.dropLast()) + ["000"])) {
                decimalAt = separators.count - 1
            }
        }
        let wholeGroups = decimalAt.map { Array(groups[...$0]) } ?? groups
        let wholeSeparators = decimalAt.map { Array(separators[..<$0]) } ?? separators
        if !wholeSeparators.isEmpty {
            // Thousands: one kind besides spaces, grouped by three.
            guard Set(wholeSeparators).subtracting([" "]).count <= 1, groupsByThree(wholeGroups) else { return .invalid }
        }
        let whole = wholeGroups.joined()
        guard let decimalAt else { return integer(whole, negative) }
        let fraction = groups[decimalAt + 1]
        if fraction.allSatisfy({ $0 == "0" }) { return integer(whole, negative) }
        return .decimal(raw.trimmingCharactersInSetWhitespace())
    }

    /// The common case of `parse`, read from the UTF-8 bytes without building groups: ASCII
    /// digits, either alone ("3003", at most 18) or in thousands groups with one separator kind
    /// ("3.003", "12,345,678"; first group 1-3 digits and not a lone "0"). nil for anything
    /// else, which `parse` then reads (and reads the same way when it is one of these).
    static func plainInteger(_ raw: String) -> Int64? {
        raw.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            guard !bytes.isEmpty, bytes.count <= 24 else { return nil }
            var value: Int64 = 0
            var digits = 0, groupDigits = 0, firstGroup = 0
            var separator: UInt8 = 0
            for b in bytes {
                if b.isASCIIDigit {
                    value = value &* 10 &+ Int64(b - 0x30)
                    digits += 1
                    groupDigits += 1
                } else if b == 0x2E || b == 0x2C {
                    if separator == 0 {
                        separator = b
                        firstGroup = groupDigits
                    } else if b != separator || groupDigits != 3 {
                        return nil
                    }
                    groupDigits = 0
                } else {
                    return nil
                }
            }
            guard digits <= 18 else { return nil }
            if separator == 0 { return value }
            guard groupDigits == 3, (1...3).contains(firstGroup), !(firstGroup == 1 && bytes[0] == 0x30) else { return nil }
            return value
        } ?? nil
    }

    /// First group 1-3 digits (not a lone leading zero), every other exactly 3.
    private static func groupsByThree(_ groups: [String]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count), groups.count == 1 || first != "0" else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    private static func integer(_ digits: String, _ negative: Bool) -> NumberText {
        guard digits.count <= 18, let n = Int64(digits) else { return .invalid }
        return .integer(negative ? -n : n)
    }
}
