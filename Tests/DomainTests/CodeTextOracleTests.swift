@testable import Core
import Testing
@testable import Units

/// The ASCII shortcuts of `trimmingCharactersInSetWhitespace` and `UnitCode.normalized` against
/// the code they shortcut (copied below as it was).
@Suite struct CodeTextOracleTests {
    static func referenceTrim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    static func referenceNormalized(_ raw: String) -> String? {
        var s = referenceTrim(raw)
        if let sep = s.firstIndex(where: { $0 == "." || $0 == "," }) {
            let whole = s[..<sep], fraction = s[s.index(after: sep)...]
            if !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }), !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) {
                s = String(whole)
            }
        }
        return s.isEmpty ? nil : s
    }

    static func referencePaddings(of code: String) -> [String] {
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
        return [2, 3, 5].filter { $0 > code.count }.map { String(repeating: "0", count: $0 - code.count) + code }
    }

    static func referencePadded(_ code: String, for level: UnitLevel) -> String {
        guard let width = UnitCode.width(of: level), code.count < width, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return code }
        return String(repeating: "0", count: width - code.count) + code
    }

    static let texts: [String] = {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}",
                      "0", "00", "1", "31117", "9", ".", ",", ".0", ",00", ".5", "a", "Đ", "\u{0301}", "٣", "１", "x", "ế", "Cái Khế", "\u{2029}", "\u{202F}"]
        var out: [String] = []
        for a in pieces { for b in pieces { for c in pieces { out.append(a + b + c) } } }
        return out
    }()

    /// The byte checks trimming starts with may say "maybe" too often, never "no" wrongly.
    @Test func whitespaceEndsByTheirBytes() {
        for scalar in (0...0x10FFFF).compactMap(Unicode.Scalar.init) where scalar.properties.isWhitespace {
            let utf8 = Array(String(scalar).utf8)
            #expect(String.mayBeginWhitespace(utf8.first!) && String.mayEndWhitespace(utf8.last!), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func whitespaceOfEveryScalar() {
        let differing = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { $0.isUnicodeWhitespace != $0.properties.isWhitespace }
        #expect(differing.isEmpty)
    }

    @Test func trimming() {
        let differing = CodeTextOracleTests.texts.filter {
            !$0.trimmingCharactersInSetWhitespace().utf8.elementsEqual(CodeTextOracleTests.referenceTrim($0).utf8)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map(\.debugDescription))")
    }

    @Test func normalizedCodes() {
        let differing = CodeTextOracleTests.texts.filter {
            UnitCode.normalized($0).map { Array($0.utf8) } != CodeTextOracleTests.referenceNormalized($0).map { Array($0.utf8) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map(\.debugDescription))")
        #expect(UnitCode.normalized(" 31117.0 ") == "31117")
    }

    @Test func paddedCodes() {
        let texts = CodeTextOracleTests.texts
        let differing = texts.filter { UnitCode.paddings(of: $0) != CodeTextOracleTests.referencePaddings(of: $0) }
            + UnitLevel.allCases.flatMap { level in
                texts.filter { !UnitCode.padded($0, for: level).utf8.elementsEqual(CodeTextOracleTests.referencePadded($0, for: level).utf8) }
            }
        #expect(differing.isEmpty, "\(differing.prefix(5).map(\.debugDescription))")
        #expect(UnitCode.padded("1", for: .commune) == "00001")
    }
}
