import Core
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

    /// Spellings of each type word, folded and tokenized (as UTF-8); longer ones are tried first.
    private static let prefixes: [([[UInt8]], UnitType)] = [
        (["thanh", "pho"], .city), (["thi", "xa"], .town), (["thi", "tran"], .townlet), (["dac", "khu"], .specialZone),
        (["tp"], .city), (["tx"], .town), (["tt"], .townlet),
        (["tinh"], .province), (["quan"], .urbanDistrict), (["huyen"], .ruralDistrict), (["phuong"], .ward), (["xa"], .commune),
        (["q"], .urbanDistrict), (["h"], .ruralDistrict), (["p"], .ward), (["x"], .commune),
    ].map { words, type in (words.map { Array($0.utf8) }, type) }

    public init(_ text: String) {
        self.init(text, marking: true)
    }

    /// Without `marking`, `markedKey` is left empty and not worked out: for indexes that only
    /// need `key` (`UnitRegistry`).
    init(_ text: String, marking: Bool) {
        var tokens = UnitName.foldedTokens(text)
        var marked = !marking ? Tokens(bytes: [])
            : UnitName.latinMarkedTokens(text) ?? Tokens(UnitName.tokens(text.precomposedStringWithCanonicalMapping.lowercased()))
        if marking && marked.count != tokens.count { marked = tokens }
        // "P1", "Q10": a one-letter type glued to a number.
        if tokens.count > 0, case let first = tokens[0], first.count > 1, "pqx".utf8.contains(first[first.startIndex]),
           first.dropFirst().allSatisfy(\.isASCIIDigit) {
            let split = [first.prefix(1), Tokens.droppingLeadingZeros(first.dropFirst())]
            tokens.replaceFirst(with: split)
            if marking { marked.replaceFirst(with: split) }
        }
        unstrippedKey = tokens.joined(from: 0)
        for (words, type) in UnitName.prefixes where tokens.count > words.count && tokens.starts(with: words) {
            self.type = type
            self.key = tokens.joined(from: words.count)
            self.markedKey = marking ? marked.joined(from: words.count) : ""
            return
        }
        self.type = nil
        self.key = unstrippedKey
        self.markedKey = marking ? marked.joined(from: 0) : ""
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

    /// `tokens(Folding.fold(text))`; folded text that is ASCII (every Vietnamese name) is split
    /// by a byte scan, where a letter or a number is an ASCII letter or digit.
    private static func foldedTokens(_ text: String) -> Tokens {
        let folded = Folding.latinUTF8(text) ?? Array(Folding.general(text).utf8)
        guard folded.allSatisfy({ $0 < 0x80 }) else { return Tokens(tokens(String(decoding: folded, as: UTF8.self))) }
        var out = Tokens(bytes: folded)
        var start = -1, allDigits = true
        for (i, byte) in folded.enumerated() {
            let isDigit = byte.isASCIIDigit
            if isDigit || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
                if start < 0 { start = i; allDigits = true }
                allDigits = allDigits && isDigit
            } else if start >= 0 {
                out.addWord(start..<i, number: allDigits)
                start = -1
            }
        }
        if start >= 0 { out.addWord(start..<folded.count, number: allDigits) }
        return out
    }

    /// `tokens(text.precomposedStringWithCanonicalMapping.lowercased())` by a table lookup per
    /// scalar, for text that is already NFC Latin (`LatinScalarTable`); nil for other text.
    private static func latinMarkedTokens(_ text: String) -> Tokens? {
        let table = LatinScalarTable.shared
        var out = Tokens(bytes: [])
        out.bytes.reserveCapacity(text.utf8.count)
        var start = -1, allDigits = true
        let covered = LatinScalarTable.forEachScalar(in: text) { value in
            guard let entry = table.marked(value) else { return false }
            if entry.isWordPart {
                if start < 0 { start = out.bytes.count; allDigits = true }
                allDigits = allDigits && entry.isDigit
                entry.utf8.append(to: &out.bytes)
            } else if start >= 0 {
                out.addWord(start..<out.bytes.count, number: allDigits)
                start = -1
            }
            return true
        }
        guard covered else { return nil }
        if start >= 0 { out.addWord(start..<out.bytes.count, number: allDigits) }
        return out
    }
}

/// The words of a name as ranges of one UTF-8 buffer, so that keys are joined from bytes
/// without a String per word.
private struct Tokens {
    var bytes: [UInt8]
    var ranges: [Range<Int>] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        ranges.reserveCapacity(8)
    }

    /// Words given as strings (the general path).
    init(_ words: [String]) {
        bytes = []
        for word in words { append(word.utf8) }
    }

    var count: Int { ranges.count }

    subscript(i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }

    /// ASCII digits without their leading zeros ("0" for zeros only), as `dropLeadingZeros`.
    static func droppingLeadingZeros(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let zeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
        return digits.dropFirst(min(zeros, digits.count - 1))
    }

    /// Records the word at `range` of `bytes`; a number (ASCII digits) drops its leading zeros.
    mutating func addWord(_ range: Range<Int>, number: Bool) {
        ranges.append(number ? Tokens.droppingLeadingZeros(bytes[range]).indices : range)
    }

    private mutating func append<Word: Collection>(_ word: Word) where Word.Element == UInt8 {
        let start = bytes.count
        bytes.append(contentsOf: word)
        ranges.append(start..<bytes.count)
    }

    func starts(with words: [[UInt8]]) -> Bool {
        count >= words.count && words.indices.allSatisfy { self[$0].elementsEqual(words[$0]) }
    }

    /// Replaces the first word by `words`.
    mutating func replaceFirst(with words: [ArraySlice<UInt8>]) {
        let rest = ranges.dropFirst()
        ranges = []
        for word in words { append(word) }
        ranges += rest
    }

    /// The words from index `first` on, separated by one space.
    func joined(from first: Int) -> String {
        guard first < count else { return "" }
        let length = ranges[first...].reduce(count - first - 1) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            for i in first..<count {
                if i > first { buffer[at] = UInt8(ascii: " "); at += 1 }
                for byte in self[i] { buffer[at] = byte; at += 1 }
            }
            return at
        }
    }
}
