import Foundation

/// What the general (Foundation) algorithms of `Folding.fold` and `UnitName` do to each scalar of
/// the Latin text that headers and unit names are written in, worked out once at first use BY
/// those algorithms, so that the fast paths that look scalars up here cannot disagree with them.
///
/// Covered: ASCII, Latin-1 Supplement, Latin Extended-A and -B (U+0000-U+024F), the combining
/// diacritical marks (U+0300-U+036F) and Latin Extended Additional (U+1E00-U+1EFF), which hold
/// every Vietnamese letter in NFC and NFD. A scalar outside them, or one whose result is not
/// context-free (see `init`), has no entry: the caller then runs the general algorithm on the
/// whole text.
struct LatinScalarTable: Sendable {
    /// Up to 3 bytes of UTF-8, packed low byte first, to append without building a String.
    struct PackedUTF8: Sendable, Equatable {
        var bits: UInt32
        var count: Int

        /// Nil when the text is longer than 3 bytes.
        init?<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            guard bytes.count <= 3 else { return nil }
            bits = bytes.enumerated().reduce(0) { $0 | UInt32($1.element) << (8 * $1.offset) }
            count = bytes.count
        }

        @inline(__always) func append(to out: inout [UInt8]) {
            var bits = bits
            for _ in 0..<count {
                out.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    /// A scalar's contribution to a folded key.
    enum Folded: Sendable, Equatable {
        /// Whitespace: ends a word (runs become one space, trimmed at the ends).
        case space
        /// The folded text; empty for a scalar that folding drops (a nonspacing mark).
        case text(PackedUTF8)
    }

    /// A scalar's lowercased NFC form in a marked key, and whether it is part of a word
    /// (a letter or a number) or splits words.
    struct Marked: Sendable, Equatable {
        var utf8: PackedUTF8
        var isWordPart: Bool
        /// An ASCII digit (numbers drop their leading zeros).
        var isDigit: Bool
    }

    static let shared = LatinScalarTable()

    private static let ranges: [ClosedRange<UInt32>] = [0x0000...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF]

    private let folded: [Folded?]
    private let marked: [Marked?]

    /// The entry index of a scalar value, nil when it is not covered.
    @inline(__always) private static func slot(_ value: UInt32) -> Int? {
        if value < 0x0250 { return Int(value) }
        if value >= 0x0300 && value < 0x0370 { return Int(value - 0x0300) + 0x0250 }
        if value >= 0x1E00 && value < 0x1F00 { return Int(value - 0x1E00) + 0x02C0 }
        return nil
    }

    @inline(__always) func folded(_ value: UInt32) -> Folded? {
        LatinScalarTable.slot(value).flatMap { folded[$0] }
    }

    @inline(__always) func marked(_ value: UInt32) -> Marked? {
        LatinScalarTable.slot(value).flatMap { marked[$0] }
    }

    /// Runs `body` on the value of each scalar of `text`, decoded from its UTF-8 (a String's
    /// UTF-8 is valid), until `body` returns false; a 4-byte scalar (never covered) is given as
    /// U+FFFF. False when `body` stopped.
    @inline(__always) static func forEachScalar(in text: String, _ body: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let lead = UInt32(utf8[i])
                let value: UInt32
                if lead < 0x80 {
                    value = lead; i += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); i += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); i += 3
                } else {
                    value = 0xFFFF; i += 4
                }
                guard body(value) else { return false }
            }
            return true
        }
    }

    /// Entries are taken from the general algorithms run on the scalar alone, and kept only when
    /// a text's result is then the concatenation of its scalars' results:
    /// - folding: NFD of a text is its scalars' NFDs with combining marks reordered; the marks
    ///   of these decompositions are all nonspacing, which folding drops, so the order does not
    ///   matter. A scalar whose decomposition holds another kind of combining scalar, or
    ///   whose folded form is longer than 3 bytes or mixes whitespace with text, is left out.
    /// - marked keys: only scalars that NFC keeps as they are and that lowercase to one scalar
    ///   that is not a mark (so one scalar is one `Character`, as `UnitName.tokens` sees it).
    ///   Combining marks are left out: NFC could compose them with the letter before.
    private init() {
        var folded: [Folded?] = []
        var marked: [Marked?] = []
        for range in LatinScalarTable.ranges {
            for value in range {
                let scalar = Unicode.Scalar(value)!
                folded.append(LatinScalarTable.foldEntry(scalar))
                marked.append(LatinScalarTable.markedEntry(scalar))
            }
        }
        self.folded = folded
        self.marked = marked
    }

    private static func foldEntry(_ scalar: Unicode.Scalar) -> Folded? {
        let decomposition = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard decomposition.allSatisfy({ $0.properties.canonicalCombiningClass == .notReordered
            || $0.properties.generalCategory == .nonspacingMark }) else { return nil }
        // Between two letters, so that whitespace shows as the one space it becomes.
        let between = Array(Folding.general("a\(scalar)a").utf8)
        guard between.count >= 2, between.first == UInt8(ascii: "a"), between.last == UInt8(ascii: "a") else { return nil }
        let bytes = between.dropFirst().dropLast()
        // Exactly one space: whitespace, or what decomposes to whitespace and dropped marks.
        if bytes.elementsEqual([UInt8(ascii: " ")]) { return .space }
        guard !bytes.contains(UInt8(ascii: " ")), let packed = PackedUTF8(bytes) else { return nil }
        return .text(packed)
    }

    private static func markedEntry(_ scalar: Unicode.Scalar) -> Marked? {
        guard scalar.properties.canonicalCombiningClass == .notReordered, !isMark(scalar) else { return nil }
        let nfc = String(scalar).precomposedStringWithCanonicalMapping
        guard nfc.unicodeScalars.elementsEqual([scalar]) else { return nil }
        let lower = nfc.lowercased().unicodeScalars
        guard lower.count == 1, let first = lower.first, !isMark(first), !first.properties.isGraphemeExtend else { return nil }
        let character = Character(first)
        return Marked(utf8: PackedUTF8(String(first).utf8)!, isWordPart: character.isLetter || character.isNumber,
                      isDigit: character.isASCII && character.isNumber)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
