/// Escaping for text that goes into HTML or SVG, in element content or in a quoted attribute.
/// Every value from a workbook passes through here (or through Mustache's `{{ }}`, which escapes
/// the same five characters), so a unit named `<script>alert(1)</script>` shows as text.
///
///     Markup.escape("<script>alert(\"x\") & 'y'</script>")
///     // "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
public enum Markup {
    public static func escape(_ text: String) -> String {
        // Fast path: most names and numbers need nothing.
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and newline are not allowed in HTML text:
            // a stray one from a spreadsheet would fail the checker, so it becomes a space.
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
