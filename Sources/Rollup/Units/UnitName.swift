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
        var marked = UnitName.latinMarkedTokens(text) ?? UnitName.tokens(text.precomposedStringWithCanonicalMapping.lowercased())
        if marked.count != tokens.count { marked = tokens }
        // "P1", "Q10": a one-letter type glued to a number.
        if let first = tokens.first, let letter = first.first, "pqx".contains(letter),
           first.count > 1, first.dropFirst().allSatisfy(\.isASCIIDigit) {
            let split = [String(letter), UnitName.dropLeadingZeros(String(first.dropFirst()))]
            tokens.replaceSubrange(0..<1, with: split)
            marked.replaceSubrange(0..<1, with: split)
        }
        unstrippedKey = tokens.joined(separator: " ")
        for (words, type) in UnitName.prefixes where tokens.count > words.count && tokens.starts(with: words) {
            self.type = type
            self.key = tokens[words.count...].joined(separator: " ")
            self.markedKey = marked[words.count...].joined(separator: " ")
            return
        }
        self.type = nil
        self.key = unstrippedKey
        self.markedKey = marked.joined(separator: " ")
    }

    /// Splits folded text at every character that is neither a letter nor a digit.
    static func tokens(_ folded: String) -> [String] {
        if let ascii = asciiTokens(folded) { return ascii }
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

    /// `tokens` of ASCII text (every folded Vietnamese name) by a byte scan; nil for other text.
    private static func asciiTokens(_ folded: String) -> [String]? {
        var out: [String] = []
        var start = -1, allDigits = true
        var index = 0
        func endToken(_ bytes: ArraySlice<UInt8>) {
            out.append(allDigits ? dropLeadingZeros(bytes) : String(decoding: bytes, as: UTF8.self))
        }
        let bytes = Array(folded.utf8)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if isDigit || isLetter {
                if start < 0 { start = index; allDigits = true }
                allDigits = allDigits && isDigit
            } else if start >= 0 {
                endToken(bytes[start..<index])
                start = -1
            }
            index += 1
        }
        if start >= 0 { endToken(bytes[start...]) }
        return out
    }

    /// The tokens of `text` lowercased in NFC, by a table lookup per scalar, for text that is
    /// already NFC Latin (`LatinScalarTable`); nil for other text (the caller takes Foundation).
    private static func latinMarkedTokens(_ text: String) -> [String]? {
        let table = LatinScalarTable.shared
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var allDigits = true
        func endToken() {
            out.append(allDigits ? dropLeadingZeros(String(current)) : String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            guard let entry = table.marked(scalar.value) else { return nil }
            if entry.isWordPart {
                if current.isEmpty { allDigits = true }
                allDigits = allDigits && ("0"..."9").contains(entry.scalar)
                current.append(entry.scalar)
            } else if !current.isEmpty {
                endToken()
            }
        }
        if !current.isEmpty { endToken() }
        return out
    }

    static func dropLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// `dropLeadingZeros` of ASCII digits as bytes.
    private static func dropLeadingZeros(_ digits: ArraySlice<UInt8>) -> String {
        let trimmed = digits.drop { $0 == UInt8(ascii: "0") }
        return trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
