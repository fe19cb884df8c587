import Core

/// Official administrative codes as they arrive in cells and CSV files.
///
/// Codes are strings with their leading zeros ("00001", "001", "01"): province 2 digits,
/// district 3, commune 5 (Quyết định 124/2004/QĐ-TTg). Spreadsheets lose the zeros when a code
/// is typed as a number, and a number cell may read back as "31117.0".
///
///     UnitCode.normalized(" 31117.0 ")   // "31117"
///     UnitCode.paddings(of: "1")          // ["01", "001", "00001"]
///     UnitCode.padded("1", for: .commune) // "00001"
public enum UnitCode {
    /// The width of an official code at each level; nil for the nation (no official code).
    public static func width(of level: UnitLevel) -> Int? {
        switch level {
        case .nation: nil
        case .province: 2
        case .district: 3
        case .commune: 5
        }
    }

    /// Trims spaces and a zero fraction ("31117.0", "31117,00"); nil for an empty cell.
    /// Non-numeric codes are kept as written (trimmed).
    public static func normalized(_ raw: String) -> String? {
        // The usual code, "31117": nothing to trim or cut (checked on the bytes in place).
        if !raw.isEmpty && raw.isASCIIDigits { return raw }
        var s = raw.trimmingCharactersInSetWhitespace()
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return normalizedASCII(s) }
        if let sep = s.firstIndex(where: { $0 == "." || $0 == "," }) {
            let whole = s[..<sep], fraction = s[s.index(after: sep)...]
            if !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) {
                s = String(whole)
            }
        }
        return s.isEmpty ? nil : s
    }

    /// `normalized` of trimmed ASCII text, by bytes (each byte is a `Character` there).
    private static func normalizedASCII(_ s: String) -> String? {
        let utf8 = s.utf8
        if let sep = utf8.firstIndex(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }) {
            let whole = utf8[..<sep], fraction = utf8[utf8.index(after: sep)...]
            if !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit),
               !fraction.isEmpty, fraction.allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return String(s[..<sep])
            }
        }
        return s.isEmpty ? nil : s
    }

    /// The code left-padded with zeros to each official width longer than it (numeric codes only).
    public static func paddings(of code: String) -> [String] {
        guard !code.isEmpty, code.isASCIIDigits else { return [] }
        return [2, 3, 5].filter { $0 > code.utf8.count }.map { String(repeating: "0", count: $0 - code.utf8.count) + code }
    }

    /// The code padded to the width of `level` when it is numeric and shorter; else unchanged.
    public static func padded(_ code: String, for level: UnitLevel) -> String {
        guard let width = width(of: level), code.isASCIIDigits, code.utf8.count < width else { return code }
        return String(repeating: "0", count: width - code.utf8.count) + code
    }
}
