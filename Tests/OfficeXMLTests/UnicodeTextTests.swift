import Foundation
@testable import OfficeXML
import Testing

@Suite("Unicode NFC")
struct UnicodeTextTests {
    @Test("NFD input becomes NFC; NFC and ASCII pass unchanged")
    func nfc() {
        let nfd = "Tho\u{0302}\u{0301}t No\u{0302}\u{0301}t"
        #expect(nfd.unicodeScalars.count == 12)
        let out = UnicodeText.nfc(nfd)
        #expect(out.unicodeScalars.count == 8)
        #expect(Array(out.unicodeScalars) == Array("Thốt Nốt".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(UnicodeText.needsNormalization(nfd))
        #expect(!UnicodeText.needsNormalization("Cần Thơ, ngày 05 tháng 01 năm 2025"))
        #expect(!UnicodeText.needsNormalization("Độc lập - Tự do - Hạnh phúc"))
        #expect(UnicodeText.nfc("abc <script>") == "abc <script>")
        // A singleton: KELVIN SIGN becomes K under NFC.
        #expect(UnicodeText.nfc("\u{212A}") == "K")
    }

    @Test("the quick check never skips a text Foundation would change", arguments: [
        "Xã Thới Xuân", "Huyện Cờ Đỏ", "Tỉnh số 63", "Ω", "\u{2126}", "e\u{0301}", "\u{1100}\u{1161}",
        "क\u{093F}", "Đồng bằng sông Cửu Long; Ô Môn & Bình Thủy", "日本", "\u{FB1D}",
    ])
    func quickCheckAgreesWithFoundation(text: String) {
        let foundation = text.precomposedStringWithCanonicalMapping
        #expect(Array(UnicodeText.nfc(text).unicodeScalars) == Array(foundation.unicodeScalars))
        if !UnicodeText.needsNormalization(text) {
            #expect(Array(text.unicodeScalars) == Array(foundation.unicodeScalars))
        }
    }
}
