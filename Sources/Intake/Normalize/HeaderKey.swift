import Core
import Units

/// The key a header text is compared by: folded (case, spacing, Unicode form, diacritics), with
/// parenthesised notes dropped and punctuation turned into spaces, so that
/// "Mức độ công nhận\n(0 = chưa, 1 = Khá, 2 = Tốt)", "MỨC ĐỘ CÔNG NHẬN" and "Mức độ công nhận:"
/// are the same column, and "thôn,ấp, tổ dân phố" matches "thôn, ấp, tổ dân phố".
///
///     HeaderKey.make("Tổng số thôn,\nấp, tổ dân phố")   // "tong so thon ap to dan pho"
///     HeaderKey.path("Gia đình học tập > Số hộ đạt")     // ["gia dinh hoc tap", "so ho dat"]
enum HeaderKey {
    static func make(_ text: String) -> String {
        let folded = Folding.fold(text)
        return asciiKey(folded) ?? key(ofFolded: folded)
    }

    /// `key(ofFolded:)` for folded text that is all ASCII (nearly every header and label once
    /// its diacritics are gone), on its bytes: each byte is a Character there but "\r\n", which
    /// is neither a letter nor a digit either way. Going Character by Character with
    /// `isLetter` cost ~18,000 instructions a label. Nil for any other text.
    private static func asciiKey(_ folded: String) -> String? {
        folded.utf8.withContiguousStorageIfAvailable { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isAlphanumeric(_ b: UInt8) -> Bool {
                (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b.isASCIIDigit
            }
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count)
            var depth = 0
            var pendingSpace = false
            for b in utf8 {
                switch b {
                case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1; pendingSpace = true
                case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1); pendingSpace = true
                default:
                    guard depth == 0 else { continue }
                    if isAlphanumeric(b) {
                        if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                        pendingSpace = false
                        out.append(b)
                    } else {
                        pendingSpace = true
                    }
                }
            }
            if out.isEmpty, depth == 0 { return String(decoding: utf8.filter(isAlphanumeric), as: UTF8.self) }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
    }

    /// The key of folded text, Character by Character: parenthesised parts dropped, runs of
    /// anything but letters and digits turned into one space.
    static func key(ofFolded folded: String) -> String {
        var out = ""
        var depth = 0
        var pendingSpace = false
        for ch in folded {
            if ch == "(" || ch == "[" { depth += 1; pendingSpace = true; continue }
            if ch == ")" || ch == "]" { depth = max(0, depth - 1); pendingSpace = true; continue }
            guard depth == 0 else { continue }
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        // A header that is only a note ("(1)") keeps its digits: it is a column-number row.
        if out.isEmpty, depth == 0 {
            return folded.filter { $0.isLetter || $0.isNumber }
        }
        return out
    }

    /// An alias as a header path: the parts between ">" as keys, empty parts dropped.
    static func path(_ alias: String) -> [String] {
        alias.split(separator: ">").map { make(String($0)) }.filter { !$0.isEmpty }
    }
}
