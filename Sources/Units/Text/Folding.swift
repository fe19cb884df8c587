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
///
/// Text made only of Latin letters, marks and ASCII (every Vietnamese header and name) is folded
/// by a table lookup per scalar (`LatinScalarTable`, built from `general`); other text takes
/// `general`. Both give the same bytes.
public enum Folding {
    public static func fold(_ text: String) -> String {
        latin(text) ?? general(text)
    }

    /// The general algorithm: Foundation's NFD, then scalar properties. Any text; some twenty
    /// times the instructions of `latin` on a unit name.
    static func general(_ text: String) -> String {
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

    /// The fast path: each scalar's folded bytes from the table, nil as soon as a scalar has no
    /// entry (the caller then folds the whole text with `general`).
    static func latin(_ text: String) -> String? {
        latinUTF8(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `latin` as UTF-8, for callers that go on working on bytes (`UnitName`).
    static func latinUTF8(_ text: String) -> [UInt8]? {
        let table = LatinScalarTable.shared
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 2 + 1)
        var pendingSpace = false
        let covered = LatinScalarTable.forEachScalar(in: text) { value in
            guard let entry = table.folded(value) else { return false }
            switch entry {
            case .space:
                pendingSpace = !out.isEmpty
            case .text(let utf8):
                guard utf8.count > 0 else { return true }
                if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
                utf8.append(to: &out)
            }
            return true
        }
        return covered ? out : nil
    }
}
