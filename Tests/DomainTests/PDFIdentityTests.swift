import Foundation
@testable import Run
import Testing

/// LibreOffice's PDF made reproducible: the clock's creation date and the ids derived from it
/// rewritten in place, every other byte (and so every xref offset) untouched.
@Suite struct PDFIdentityTests {
    /// The end of a PDF as LibreOffice 7.4 writes it, with a given clock and ids.
    static func pdf(clock: String, id: String, checksum: String) -> [UInt8] {
        Array("""
            %PDF-1.6
            67 0 obj
            <</Creator<FEFF0057>/Producer<FEFF004C>/CreationDate(D:\(clock)Z')>>
            endobj
            xref
            0 68
            trailer
            <</Size 68/Root 66 0 R
            /Info 67 0 R
            /ID [ <\(id)>
            <\(id)> ]
            /DocChecksum /\(checksum)
            >>
            startxref
            98937
            %%EOF

            """.utf8)
    }

    @Test func twoConversionsAtDifferentTimesGiveTheSameBytes() {
        let a = Self.pdf(clock: "20261203155032", id: "08DD9A6CE30F13D8FBD567FD6C72E830", checksum: "78F03997A8B661431745D5BFA3A6F8BA")
        let b = Self.pdf(clock: "20261203155037", id: "A526CE702CC284E7698B4B9D03019414", checksum: "1234567890ABCDEF1234567890ABCDEF")
        #expect(a != b)
        let na = PDFIdentity.normalized(a, date: "20241205"), nb = PDFIdentity.normalized(b, date: "20241205")
        #expect(na == nb)
        #expect(na.count == a.count, "a length changed: the xref offsets would be wrong")
        let text = String(decoding: na, as: UTF8.self)
        #expect(text.contains("/CreationDate(D:20241205000000Z')"))
        #expect(!text.contains("08DD9A6C") && !text.contains("78F03997"))
        // Both ids and the checksum are the same derived value, 32 hex digits.
        let ids = PDFIdentity.identifierFields(in: na).map { Array(na[$0]) }
        #expect(ids.count == 3 && Set(ids).count == 1 && ids[0] != Array(repeating: UInt8(ascii: "0"), count: 32))
        // Everything else is as LibreOffice wrote it.
        #expect(text.hasSuffix("startxref\n98937\n%%EOF\n"))
    }

    @Test func anotherDateOrDocumentGivesAnotherIdentity() {
        let a = Self.pdf(clock: "20261203155032", id: "08DD9A6CE30F13D8FBD567FD6C72E830", checksum: "78F03997A8B661431745D5BFA3A6F8BA")
        // Another creator string: another document.
        let other = Array(String(decoding: a, as: UTF8.self).replacingOccurrences(of: "FEFF0057", with: "FEFF0058").utf8)
        #expect(other != a)
        #expect(PDFIdentity.normalized(a, date: "20241205") != PDFIdentity.normalized(a, date: "20241206"))
        let idOf = { (bytes: [UInt8]) in PDFIdentity.identifierFields(in: bytes).map { Array(bytes[$0]) } }
        #expect(idOf(PDFIdentity.normalized(a, date: "20241205")) != idOf(PDFIdentity.normalized(other, date: "20241205")))
    }

    @Test func aPDFWithoutTheFieldsOrABadDateIsLeftAlone() {
        let plain = Array("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<</Size 2>>\n%%EOF\n".utf8)
        #expect(PDFIdentity.normalized(plain, date: "20241205") == plain)
        let a = Self.pdf(clock: "20261203155032", id: "08DD9A6CE30F13D8FBD567FD6C72E830", checksum: "78F03997A8B661431745D5BFA3A6F8BA")
        #expect(PDFIdentity.normalized(a, date: "2024-12-05") == a)
    }
}
