@testable import Core
import Foundation
import Testing
@testable import Units

@Suite struct FoldingTests {
    @Test func nfcAndNfdFoldAlike() {
        let nfc = "Tổng số hộ".precomposedStringWithCanonicalMapping
        let nfd = "Tổng số hộ".decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        #expect(Folding.fold(nfc) == Folding.fold(nfd))
        #expect(Folding.fold(nfd) == "tong so ho")
    }

    @Test func caseSpacingAndDStroke() {
        #expect(Folding.fold("  ĐƠN  VỊ\nhọc\u{00A0}tập ") == "don vi hoc tap")
    }
}
