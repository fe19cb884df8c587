@testable import Core
import Foundation
import Testing
@testable import Units

/// The fast paths of `Folding.fold` and `UnitName` against the algorithms they replace
/// (`referenceFold`, `ReferenceUnitName` in FoldingReference.swift): same bytes for every
/// name of the shared unit lists, their variants, other scripts and random text.
@Suite struct FoldingOracleTests {
    /// Texts where the fast and the reference results differ, with both results; empty when all agree.
    static func mismatches(_ texts: [String]) -> [String] {
        var out: [String] = []
        for text in texts {
            let fold = Folding.fold(text), expected = referenceFold(text)
            if !fold.utf8.elementsEqual(expected.utf8) {
                out.append("fold \(debug(text)): \(debug(fold)) != \(debug(expected))")
            }
            let name = UnitName(text), reference = ReferenceUnitName(text)
            let fields = [(name.key, reference.key), (name.unstrippedKey, reference.unstrippedKey), (name.markedKey, reference.markedKey)]
            if name.type != reference.type || fields.contains(where: { !$0.0.utf8.elementsEqual($0.1.utf8) }) {
                out.append("UnitName \(debug(text)): \(debug(name.key))|\(debug(name.unstrippedKey))|\(debug(name.markedKey))|\(String(describing: name.type))"
                           + " != \(debug(reference.key))|\(debug(reference.unstrippedKey))|\(debug(reference.markedKey))|\(String(describing: reference.type))")
            }
            let unmarked = UnitName(text, marking: false)
            if unmarked.type != reference.type || !unmarked.key.utf8.elementsEqual(reference.key.utf8)
                || !unmarked.unstrippedKey.utf8.elementsEqual(reference.unstrippedKey.utf8) {
                out.append("UnitName(marking: false) \(debug(text)): \(debug(unmarked.key)) != \(debug(reference.key))")
            }
        }
        return out
    }

    /// The text with its scalars spelled out, so that NFC and NFD differ in a failure message.
    static func debug(_ text: String) -> String {
        "\"\(text)\" [" + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") + "]"
    }

    static func expectAgree(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = mismatches(texts)
        #expect(bad.isEmpty, "\(bad.count) of \(texts.count) differ, first: \(bad.prefix(5).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
    }

    /// Every distinct field of every CSV under shared/domain/units (names, types and codes), or
    /// of the repository's own units/ when shared/ is absent (`SharedData`).
    static let sharedNames: [String] = {
        let folder = SharedData.root?.appendingPathComponent("domain/units")
            ?? SharedData.repositoryRoot.appendingPathComponent("units")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".csv") }.sorted() ?? []
        var seen = Set<String>(), names: [String] = []
        for file in files {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                  let records = try? ReferenceCSVRecords.parse(text) else { continue }
            for field in records.flatMap(\.fields) where seen.insert(field).inserted { names.append(field) }
        }
        return names
    }()

    @Test func sharedListsAreThere() {
        // The tests below would pass vacuously without the lists.
        #expect(FoldingOracleTests.sharedNames.count > (SharedData.root == nil ? 80 : 10_000))
    }

    @Test func sharedNamesAsWritten() {
        FoldingOracleTests.expectAgree(FoldingOracleTests.sharedNames)
    }

    @Test func sharedNamesInNFD() {
        FoldingOracleTests.expectAgree(FoldingOracleTests.sharedNames.map(\.decomposedStringWithCanonicalMapping))
    }

    @Test func sharedNamesUpperCased() {
        FoldingOracleTests.expectAgree(FoldingOracleTests.sharedNames.map { $0.uppercased() })
    }

    @Test func sharedNamesWithOddSpacing() {
        let spaces = [" ", "  ", "\t", "\n", "\r\n", "\u{00A0}", " \u{00A0}\t", "\u{0085}", "\u{2003}"]
        let texts = FoldingOracleTests.sharedNames.enumerated().map { i, name in
            let space = spaces[i % spaces.count]
            return space + name.replacingOccurrences(of: " ", with: spaces[(i + 3) % spaces.count]) + space
        }
        FoldingOracleTests.expectAgree(texts)
    }

    @Test func sharedNamesWithTypePrefixes() {
        let prefixes = ["TP.", "TP. ", "Q.", "Q. ", "P.", "P. 01 ", "TT.", "TX. ", "H.", "X. ", "Xã ", "Phường 0", "Đặc khu ",
                        "Thành phố ", "THỊ XÃ ", "thị trấn ", "Tỉnh ", "Huyện ", "Quận 0", "P", "Q1"]
        // One prefix each, in turn (every name with every prefix would take minutes in a debug build).
        let texts = FoldingOracleTests.sharedNames.enumerated().map { i, name in prefixes[i % prefixes.count] + name }
        FoldingOracleTests.expectAgree(texts + ["P. 01", "P.01", "P1", "Q10", "X007", "TP.Cần Thơ", "Đặc khu Phú Quốc", "Xã"])
    }

    @Test func otherScriptsAndMarks() {
        FoldingOracleTests.expectAgree([
            "北京市 朝阳区", "Москва Ёлка", "Αθήνα ΣΟΦΙΑ", "Phường 北京", "Xã Ёлка", "Quận Αθήνα",
            "e\u{0327}\u{0301}", "q\u{0301}\u{0323}", "x\u{0308}\u{0301}", "Đ\u{0302}", "n\u{0303}\u{0303}",
            "a\u{0345}\u{0301}", "\u{0344}a", "\u{0340}\u{0341}", "ι\u{0345}", "a\u{0903}b", "a\u{1D165}\u{0301}b",
            "a\u{0301}\u{20DD}", "\u{0301}Phường", "Phường \u{0301}1",
        ])
    }

    @Test func compatibilityCharacters() {
        FoldingOracleTests.expectAgree([
            "ﬁ", "Xã ﬁ", "ﬀ", "Ｈà Ｎội", "ＴＰ. Cần Thơ", "\u{212A}elvin", "\u{212B}", "ǅ", "Ǆ", "ǆ", "İstanbul", "Phường İ",
            "ı", "ẞ", "ß", "ŉ", "ǰ", "Ⱥ", "Ⱦ", "ſ", "ﬆ", "Ⅻ", "①", "²", "½", "ª", "µ", "Ω", "K", "㎞",
        ])
    }

    @Test func randomMixedText() {
        FoldingOracleTests.expectAgree(FoldingOracleTests.random(count: 3_000, seed: 0x5EED, alphabet: FoldingOracleTests.mixed))
    }

    @Test func randomLatinText() {
        FoldingOracleTests.expectAgree(FoldingOracleTests.random(count: 3_000, seed: 0xF01D, alphabet: FoldingOracleTests.latin))
    }

    @Test func fastPathsAreTaken() {
        // Without this, the comparisons above could pass with the fast paths never running.
        #expect(Folding.latin("Phường Cái Khế") == "phuong cai khe")
        #expect(Folding.latin("Phường Cái Khế".decomposedStringWithCanonicalMapping) == "phuong cai khe")
        #expect(Folding.latin("北京") == nil)
        let covered = FoldingOracleTests.sharedNames.filter { Folding.latin($0) != nil }
        #expect(covered.count * 100 >= FoldingOracleTests.sharedNames.count * 99)
    }

    @Test func latinLettersNeverComposeInNFC() {
        // The marked-key fast path takes NFC Latin text as it is: no two of its scalars may
        // compose. One string holds every pair of covered scalars side by side.
        let table = LatinScalarTable.shared
        let letters = (Array(0x00...0x24F) + Array(0x1E00...0x1EFF)).compactMap { Unicode.Scalar(UInt32($0)) }
            .filter { table.marked($0.value) != nil }
        #expect(letters.count > 700)
        var all = String.UnicodeScalarView()
        for first in letters {
            for second in letters { all.append(first); all.append(second) }
        }
        let text = String(all)
        #expect(text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8))
    }

    // MARK: - Random text

    /// Letters, marks, spaces and punctuation that the fast paths cover.
    static let latin: [Unicode.Scalar] = Array(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
        + "ÁÀẢÃẠẾỀỂỄỆỚỜỞỠỢỨỪỬỮỰÝỲỶỸỴ0123456789 .,-'()/\t\n\r\u{00A0}\u{0085}ßæøÿǅȺİıŉ"
        + "\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}\u{0302}\u{0306}\u{031B}\u{0345}\u{0344}\u{0340}\u{034F}"
    ).flatMap(\.unicodeScalars)

    /// `latin` and scalars that send text to the general algorithm.
    static let mixed: [Unicode.Scalar] = latin + Array(
        "北京朝阳МоскваЁΑθήναΣﬁﬀＨＴ\u{212A}\u{212B}\u{2003}\u{2028}\u{0903}\u{1D165}\u{20DD}①²½Ω가각\u{1100}\u{1161}"
    ).flatMap(\.unicodeScalars)

    /// `count` strings of 0 to 24 scalars drawn from `alphabet` by a seeded SplitMix64.
    static func random(count: Int, seed: UInt64, alphabet: [Unicode.Scalar]) -> [String] {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<(next() % 25) { scalars.append(alphabet[next() % alphabet.count]) }
            return String(scalars)
        }
    }
}
