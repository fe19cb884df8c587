import Foundation
@testable import Units

// The folding and unit-name key algorithms as they were before their fast paths, kept verbatim
// as oracles: FoldingOracleTests checks that `Folding.fold` and `UnitName` give the same bytes.

/// `Folding.fold` before the fast path: Foundation NFD, scalar properties, any text.
func referenceFold(_ text: String) -> String {
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

/// `UnitName` before the fast paths: the same four fields, computed the old way.
struct ReferenceUnitName: Equatable {
    var key: String
    var unstrippedKey: String
    var type: UnitName.UnitType?
    var markedKey: String

    private static let prefixes: [([String], UnitName.UnitType)] = [
        (["thanh", "pho"], .city), (["thi", "xa"], .town), (["thi", "tran"], .townlet), (["dac", "khu"], .specialZone),
        (["tp"], .city), (["tx"], .town), (["tt"], .townlet),
        (["tinh"], .province), (["quan"], .urbanDistrict), (["huyen"], .ruralDistrict), (["phuong"], .ward), (["xa"], .commune),
        (["q"], .urbanDistrict), (["h"], .ruralDistrict), (["p"], .ward), (["x"], .commune),
    ]

    init(_ text: String) {
        var tokens = ReferenceUnitName.tokens(referenceFold(text))
        var marked = ReferenceUnitName.tokens(text.precomposedStringWithCanonicalMapping.lowercased())
        if marked.count != tokens.count { marked = tokens }
        if let first = tokens.first, let letter = first.first, "pqx".contains(letter),
           first.count > 1, first.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
            let split = [String(letter), ReferenceUnitName.dropLeadingZeros(String(first.dropFirst()))]
            tokens.replaceSubrange(0..<1, with: split)
            marked.replaceSubrange(0..<1, with: split)
        }
        unstrippedKey = tokens.joined(separator: " ")
        for (words, type) in ReferenceUnitName.prefixes where tokens.count > words.count && Array(tokens.prefix(words.count)) == words {
            self.type = type
            self.key = tokens.dropFirst(words.count).joined(separator: " ")
            self.markedKey = marked.dropFirst(words.count).joined(separator: " ")
            return
        }
        self.type = nil
        self.key = unstrippedKey
        self.markedKey = marked.joined(separator: " ")
    }

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
        return out.map { $0.allSatisfy { $0.isASCII && $0.isNumber } ? dropLeadingZeros($0) : $0 }
    }

    static func dropLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }
}
