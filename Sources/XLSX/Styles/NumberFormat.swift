/// Which number formats show a number as a date, a time or an elapsed time.
///
/// Excel decides from the first section of the format code (before the first `;`): any of
/// the date/time letters y, m, d, h, s, or AM/PM or A/P, outside quoted literals, escaped
/// characters (`\x`, `_x`, `*x`) and bracketed groups (colours `[Red]`, conditions `[>=100]`,
/// locales `[$-404]`), makes it a date; a bracketed elapsed-time unit (`[h]`, `[mm]`, `[ss]`)
/// makes it an elapsed time. Exponents (`0.00E+00`) and "General" are numbers.
///
///     NumberFormat.kind(code: "dd/mm/yyyy")          // .date
///     NumberFormat.kind(code: "[h]:mm:ss")           // .elapsed
///     NumberFormat.kind(code: "\"Tổng: \"#,##0")     // .number
///     NumberFormat.kind(builtIn: 14)                 // .date
public enum NumberFormat {
    public enum Kind: UInt8, Sendable, Hashable {
        case number = 0
        case date = 1
        case elapsed = 2
    }

    /// Built-in formats: 14-22 and 45-47 everywhere; 27-36 and 50-58 are the East Asian
    /// locales' date formats (Excel stores only the id); 46 is `[h]:mm:ss`.
    public static func kind(builtIn id: Int) -> Kind {
        switch id {
        case 46: return .elapsed
        case 14...22, 27...36, 45, 47, 50...58: return .date
        default: return .number
        }
    }

    /// Classifies a custom format code.
    public static func kind(code: String) -> Kind {
        let chars = Array(code.unicodeScalars)
        var i = 0
        var sawDate = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case ";":
                return sawDate ? .date : .number
            case "\\", "_", "*":
                i += 2
                continue
            case "\"":
                i += 1
                while i < chars.count && chars[i] != "\"" { i += 1 }
                i += 1
                continue
            case "[":
                var j = i + 1
                var inner = ""
                while j < chars.count && chars[j] != "]" { inner.unicodeScalars.append(chars[j]); j += 1 }
                let lower = inner.lowercased()
                if !lower.isEmpty, let unit = lower.first, "hms".contains(unit), lower.allSatisfy({ $0 == unit }) {
                    return .elapsed
                }
                i = j + 1
                continue
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                sawDate = true
            case "a", "A":
                let rest = String(String.UnicodeScalarView(chars[i...].prefix(5))).uppercased()
                if rest.hasPrefix("AM/PM") || rest.hasPrefix("A/P") { sawDate = true }
            default:
                break
            }
            i += 1
        }
        return sawDate ? .date : .number
    }
}
