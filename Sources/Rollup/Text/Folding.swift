import Foundation

/// Folds Vietnamese text for comparison: headers, sheet names and unit names are matched after
/// folding, so "Tổng số hộ", "TỔNG  SỐ\nHỘ", its NFD form and "tong so ho" are the same key.
///
///     Folding.fold("  Cộng đồng\nhọc tập ") == "cong dong hoc tap"
///     Folding.fold("Đơn vị") == "don vi"
///
/// Folding drops diacritics (after canonical decomposition, so NFC and NFD agree), maps đ/Đ to d,
/// lowercases, turns every run of whitespace into one space and trims. Punctuation is kept:
/// callers that want "TP." and "TP" alike strip it themselves. Outputs keep the original text in
/// NFC; a folded key is never shown to the user.
public enum Folding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar {
            case "đ", "Đ": out.append("d")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return String(out)
    }
}
