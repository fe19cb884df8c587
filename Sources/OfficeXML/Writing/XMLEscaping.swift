/// Escaping for XML writers (XLSX summaries, DOCX reports): text and attribute values,
/// with the characters XML 1.0 forbids dropped (a stray U+0001 pasted from elsewhere would
/// make Excel or Word refuse the whole file).
///
///     XMLEscaping.text("a < b & \u{1}c")       // "a &lt; b &amp; c"
///     XMLEscaping.attribute("say \"hi\"\n")    // "say &quot;hi&quot;&#10;"
public enum XMLEscaping {
    /// Whether XML 1.0 allows the scalar in a document: #x9 | #xA | #xD | [#x20-#xD7FF] |
    /// [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    @inlinable public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `s` without the characters XML 1.0 forbids.
    public static func removingForbidden(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !isAllowed($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars where isAllowed(scalar) { out.append(scalar) }
        return String(out)
    }

    /// Element text: `&`, `<`, `>` escaped, forbidden characters dropped.
    public static func text(_ s: String) -> String {
        escape(s, attribute: false)
    }

    /// Attribute value (for double-quoted attributes): also `"`, `'`, and tab/newline/CR as
    /// character references so that attribute normalisation does not turn them into spaces.
    public static func attribute(_ s: String) -> String {
        escape(s, attribute: true)
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var needs = false
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&", "<", ">": needs = true
            case "\"", "'", "\t", "\n", "\r": if attribute { needs = true }
            default: if !isAllowed(scalar) { needs = true }
            }
            if needs { break }
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\r": out += "&#13;"  // a raw CR in text would be normalised away by readers
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
