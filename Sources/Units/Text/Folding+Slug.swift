import Foundation

extension Folding {
    /// A name as an ASCII file-name part: folded (`fold`: no diacritics, đ as d, lower case),
    /// every run of other characters one hyphen, no hyphen at either end. The submission form
    /// and the letters back to each unit name their files with it, so a unit's files sort and
    /// read alike on any disk and in any mail client.
    ///
    ///     Folding.slug("Quận Ô Môn")        // "quan-o-mon"
    ///     Folding.slug("Thị xã  Long Mỹ")   // "thi-xa-long-my"
    public static func slug(_ name: String) -> String {
        var out = ""
        for ch in fold(name) {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }
}
