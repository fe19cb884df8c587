/// The key a header text is compared by: folded (case, spacing, Unicode form, diacritics), with
/// parenthesised notes dropped and punctuation turned into spaces, so that
/// "Mức độ công nhận\n(0 = chưa, 1 = Khá, 2 = Tốt)", "MỨC ĐỘ CÔNG NHẬN" and "Mức độ công nhận:"
/// are the same column, and "thôn,ấp, tổ dân phố" matches "thôn, ấp, tổ dân phố".
///
///     HeaderKey.make("Tổng số thôn,\nấp, tổ dân phố")   // "tong so thon ap to dan pho"
///     HeaderKey.path("Gia đình học tập > Số hộ đạt")     // ["gia dinh hoc tap", "so ho dat"]
enum HeaderKey {
    static func make(_ text: String) -> String {
        var out = ""
        var depth = 0
        var pendingSpace = false
        for ch in Folding.fold(text) {
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
            return Folding.fold(text).filter { $0.isLetter || $0.isNumber }
        }
        return out
    }

    /// An alias as a header path: the parts between ">" as keys, empty parts dropped.
    static func path(_ alias: String) -> [String] {
        alias.split(separator: ">").map { make(String($0)) }.filter { !$0.isEmpty }
    }
}
