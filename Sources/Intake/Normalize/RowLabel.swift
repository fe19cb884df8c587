/// What the label cells of a row (ordinal, code, name) say about the row, before any value is
/// read: an ordinal number, a subtotal, or a column-number row under the header.
enum RowLabel {
    /// "1", 1, "1.", "01" -> 1; roman "I", "IV", "ix" -> 1, 4, 9 (roman ordinals mark groups).
    static func ordinal(_ text: String) -> (number: Int, roman: Bool)? {
        // The usual ordinal is 1-8 plain digits: no trimming, no Characters.
        if (1...8).contains(text.utf8.count), text.isASCIIDigits, let n = Int(text) { return (n, false) }
        var t = text.trimmingCharactersInSetWhitespace()
        if t.hasSuffix(".") || t.hasSuffix(")") { t.removeLast() }
        guard !t.isEmpty, t.count <= 8 else { return nil }
        if t.allSatisfy(\.isASCIIDigit) { return Int(t).map { ($0, false) } }
        return roman(t.uppercased()).map { ($0, true) }
    }

    static func roman(_ t: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0, previous = 0
        for ch in t.reversed() {
            guard let v = values[ch] else { return nil }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        // Only canonical spellings: "IIII" or "IIV" are not ordinals.
        return total > 0 && total < 400 && romanString(total) == t ? total : nil
    }

    private static func romanString(_ n: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n, out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// Whole labels that are always a subtotal.
    private static let subtotalLabels: Set<String> = [
        "cong", "tong", "tong cong", "tong so", "cong chung", "tong chung", "toan huyen", "toan quan", "toan tinh",
        "toan thanh pho", "cong toan huyen", "tong cong toan huyen",
    ]
    private static let subtotalStarts: [String] = ["tong cong", "tong so", "cong", "tong", "toan"]

    enum Subtotal: Equatable {
        case no
        /// Certainly a subtotal ("Tổng cộng").
        case yes
        /// Starts like one ("Cộng huyện Phong Điền", "Cộng Hòa"?): a subtotal unless the label names
        /// a unit of the sheet's level; `rest` is what follows the first word(s).
        case maybe(rest: String)
    }

    /// Whether a label key (`HeaderKey.make`) reads as a subtotal.
    static func subtotal(_ key: String) -> Subtotal {
        if subtotalLabels.contains(key) { return .yes }
        for start in subtotalStarts where key.hasPrefix(start + " ") {
            let rest = String(key.dropFirst(start.count + 1))
            // "Cộng đồng ...", "Công dân ..." are headers, never subtotals.
            if start == "cong" && (rest.hasPrefix("dong") || rest.hasPrefix("dan")) { return .no }
            return .maybe(rest: rest)
        }
        return .no
    }

    /// A cell of a column-number row under a header: "(1)", "1", "A", "(C)", "1=2+3".
    static func isColumnNumber(_ cell: RawCell) -> Bool {
        switch cell.value {
        case .number(let d): return d == d.rounded() && d >= 0 && d < 200
        case .text(let s):
            let t = s.trimmingCharactersInSetWhitespace()
            guard !t.isEmpty, t.count <= 12 else { return false }
            return t.allSatisfy { $0.isASCIIDigit || "()=+-*/:,. ".contains($0) || ($0.isASCII && $0.isUppercase) }
        default: return false
        }
    }

    private static let footerMarkers = [
        "nguoi lap bieu", "nguoi lap", "truong phong", "thu truong", "giam doc", "chu tich", "ky ten", "ghi ro ho ten",
        "dong dau", "xac nhan cua",
    ]

    /// Text of the signature block under a table: "NGƯỜI LẬP BIỂU", "TRƯỞNG PHÒNG",
    /// "Cần Thơ, ngày 25 tháng 11 năm 2024", "(Ký, ghi rõ họ tên)", "Ghi chú: ...".
    static func isFooter(_ key: String) -> Bool {
        if key.hasPrefix("ghi chu") { return true }
        if footerMarkers.contains(where: { key.contains($0) }) { return true }
        let tokens = Set(key.split(separator: " "))
        return tokens.contains("ngay") && tokens.contains("thang") && tokens.contains("nam")
    }
}
