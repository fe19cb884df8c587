import Foundation

/// A unit name as people write it, reduced to a key that official and written names share.
///
///     UnitName("TP. Cần Thơ").key          // "can tho"      type: .city
///     UnitName("Thành phố Cần Thơ").key    // "can tho"      type: .city
///     UnitName("Q. Ninh Kiều").key         // "ninh kieu"    type: .urbanDistrict
///     UnitName("P. 01").key                // "1"            type: .ward
///     UnitName("Phường 1").key             // "1"            type: .ward
///
/// The key folds case, spacing, Unicode form and diacritics (`Folding.fold`), turns punctuation
/// into spaces, drops leading zeros of numbers ("Phường 01" is "Phường 1") and strips one
/// leading type word ("TP.", "Thành phố", "Q.", "Quận", "H.", "Huyện", "TX.", "Thị xã", "P.",
/// "Phường", "TT.", "Thị trấn", "X.", "Xã", "Tỉnh", "Đặc khu"). The type that was stripped is kept
/// apart (`type`) so that two units with the same proper name ("Thị xã Long Mỹ" and "Huyện
/// Long Mỹ") can still be told apart when the writer gave the type.
public struct UnitName: Sendable, Hashable {
    /// The kind of unit a name's leading word says.
    public enum UnitType: String, Sendable, Hashable, CaseIterable {
        case province = "tinh"
        case city = "thanh pho"
        case urbanDistrict = "quan"
        case ruralDistrict = "huyen"
        case town = "thi xa"
        case ward = "phuong"
        case townlet = "thi tran"
        case commune = "xa"
        case specialZone = "dac khu"
    }

    /// The folded proper name without its type word ("ninh kieu").
    public let key: String
    /// The folded name with its first word kept, for names whose proper part starts like a type
    /// abbreviation ("H'Bông" folds to "h bong"; stripping "h" would lose it).
    public let unstrippedKey: String
    /// The type the leading word said, nil when there was none.
    public let type: UnitType?
    /// Like `key` but keeping diacritics (lowercased NFC): breaks ties between names that differ
    /// only by their marks ("Phường Sa Pa" and "Phường Sa Pả" are both in one district).
    public let markedKey: String

    /// Spellings of each type word, folded and tokenized; longer ones are tried first.
    private static let prefixes: [([String], UnitType)] = [
        (["thanh", "pho"], .city), (["thi", "xa"], .town), (["thi", "tran"], .townlet), (["dac", "khu"], .specialZone),
        (["tp"], .city), (["tx"], .town), (["tt"], .townlet),
        (["tinh"], .province), (["quan"], .urbanDistrict), (["huyen"], .ruralDistrict), (["phuong"], .ward), (["xa"], .commune),
        (["q"], .urbanDistrict), (["h"], .ruralDistrict), (["p"], .ward), (["x"], .commune),
    ]

    public init(_ text: String) {
        var tokens = UnitName.tokens(Folding.fold(text))
        var marked = UnitName.tokens(text.precomposedStringWithCanonicalMapping.lowercased())
        if marked.count != tokens.count { marked = tokens }
        // "P1", "Q10": a one-letter type glued to a number.
        if let first = tokens.first, let letter = first.first, "pqx".contains(letter),
           first.count > 1, first.dropFirst().allSatisfy(\.isASCIIDigit) {
            let split = [String(letter), UnitName.dropLeadingZeros(String(first.dropFirst()))]
            tokens.replaceSubrange(0..<1, with: split)
            marked.replaceSubrange(0..<1, with: split)
        }
        unstrippedKey = tokens.joined(separator: " ")
        for (words, type) in UnitName.prefixes where tokens.count > words.count && Array(tokens.prefix(words.count)) == words {
            self.type = type
            self.key = tokens.dropFirst(words.count).joined(separator: " ")
            self.markedKey = marked.dropFirst(words.count).joined(separator: " ")
            return
        }
        self.type = nil
        self.key = unstrippedKey
        self.markedKey = marked.joined(separator: " ")
    }

    /// Splits folded text at every character that is neither a letter nor a digit.
    static func tokens(_ folded: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in folded {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.map { $0.allSatisfy(\.isASCIIDigit) ? dropLeadingZeros($0) : $0 }
    }

    static func dropLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
