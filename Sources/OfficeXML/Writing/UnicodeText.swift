import Foundation

/// Vietnamese text in Unicode NFC (precomposed letters), the form the page declares and that
/// search, sorting and fonts expect. Workbooks arrive in NFD too (a letter and its combining
/// marks): every value from the input goes through `nfc` before it reaches a page.
///
///     UnicodeText.nfc("Tho\u{0302}\u{0301}t No\u{0302}\u{0301}t") == "Thốt Nốt"   // true
///
/// Most strings are NFC already; the check below finds that without calling Foundation's
/// normalization (which costs about 0,15 µs a byte on Linux), so a large page stays fast.
/// It lives here, under both Presentation (every presented string) and WordTemplate (every
/// value a Word template prints), so that the two share one check.
public enum UnicodeText {
    public static func nfc(_ text: String) -> String {
        needsNormalization(text) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// False only when the text certainly is NFC: no combining mark, no conjoining Hangul jamo,
    /// no character that NFC replaces by another (the singletons: Ω-like signs, CJK
    /// compatibility ideographs, a few Greek and Hebrew presentation forms).
    static func needsNormalization(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x0300 { continue }
            if scalar.properties.canonicalCombiningClass != .notReordered { return true }
            switch v {
            case 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x1100...0x11FF, 0x1F71...0x1FFD, 0x2000...0x2001,
                 0x2126, 0x212A...0x212B, 0x2329...0x232A, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFB1D...0xFB4E,
                 0x2F800...0x2FA1D, 0x0958...0x095F, 0x09DC...0x09DF, 0x0A33...0x0A5E, 0x0B5C...0x0B5D,
                 0x0F43...0x0FB9, 0x1D15E...0x1D1C0:
                return true
            default:
                // Vowel signs that compose with a preceding letter in Indic and other scripts
                // have class 0 but still compose: treat any spacing/nonspacing mark as "maybe".
                let category = scalar.properties.generalCategory
                if category == .spacingMark || category == .nonspacingMark || category == .enclosingMark { return true }
            }
        }
        return false
    }
}
