import Testing
@testable import OfficeXML

@Suite("XML writer")
struct XMLWriterTests {
    func string(_ w: XMLWriter) -> String { String(decoding: w.bytes, as: UTF8.self) }

    @Test func declarationAsOfficeWritesIt() {
        var w = XMLWriter()
        w.declaration()
        w.element("root")
        #expect(string(w) == "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<root/>")
        var plain = XMLWriter()
        plain.declaration(standalone: false)
        #expect(string(plain) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n")
    }

    @Test func namespacesPrefixesAndAttributeOrderAsGiven() {
        var w = XMLWriter()
        w.start("w:document", attributes: [
            ("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
            ("xmlns:mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
            ("mc:Ignorable", "w14"),
        ])
        w.start("w:body")
        w.element("w:t", attributes: [("xml:space", "preserve"), ("b", "2"), ("a", "1")], text: " x ")
        w.element("w:br")
        w.end("w:body")
        w.end("w:document")
        #expect(string(w) == """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">\
            <w:body><w:t xml:space="preserve" b="2" a="1"> x </w:t><w:br/></w:body></w:document>
            """)
        #expect(w.openElements.isEmpty)
    }

    @Test func escapingOfTextAndAttributes() {
        var w = XMLWriter()
        w.element("a", attributes: [("v", "& < > \" ' \t\n\r")], text: "& < > \" ' \t\n\r")
        #expect(string(w) == "<a v=\"&amp; &lt; &gt; &quot; &apos; &#9;&#10;&#13;\">&amp; &lt; &gt; \" ' \t\n&#13;</a>")
    }

    /// Forbidden C0 controls (and U+FFFE/U+FFFF) are dropped, tab/newline kept: documented choice.
    @Test func forbiddenCharactersAreDropped() throws {
        var w = XMLWriter()
        w.element("a", attributes: [("v", "x\u{1}\u{0}y")], text: "p\u{8}q\u{B}\u{C}r\u{1F}\u{FFFE}\u{FFFF}s\u{7F}")
        #expect(string(w) == "<a v=\"xy\">pqrs\u{7F}</a>")
        // The result is well-formed: libxml2 reads it back.
        let events = try XMLEventReader.read(w.bytes, file: "t", part: "p")
        #expect(events.contains { if case .text(_, "pqrs\u{7F}") = $0 { return true } else { return false } })
    }

    /// Astral characters are written as their four UTF-8 bytes (no surrogate pairs, no references).
    @Test func astralCharactersAreUTF8NotSurrogates() {
        var w = XMLWriter()
        w.text("😀𝔸")
        #expect(w.bytes == Array("😀𝔸".utf8))
        #expect(!w.bytes.contains(0xED))  // 0xED starts the 3-byte form of a surrogate
    }

    @Test func cdataCommentsAndProcessingInstructionsStayWellFormed() throws {
        var w = XMLWriter()
        w.start("r")
        w.cdata("a]]>b")
        w.comment("x--y-")
        w.processingInstruction("pi", "a?>b")
        w.end()
        #expect(string(w) == "<r><![CDATA[a]]]]><![CDATA[>b]]><!--x- -y- --><?pi a? >b?></r>")
        let events = try XMLEventReader.read(w.bytes, file: "t", part: "p")
        let cdata = events.compactMap { if case .cdata(_, let c) = $0 { return c } else { return nil } }
        #expect(cdata.joined() == "a]]>b")
    }

    @Test func sameCallsSameBytes() {
        func make() -> [UInt8] {
            var w = XMLWriter()
            w.declaration()
            w.start("x:a", attributes: [("xmlns:x", "urn:x"), ("k", "Thới Lai")])
            for i in 0..<50 { w.element("x:i", attributes: [("n", String(i))], text: "Cờ Đỏ \(i)") }
            w.end()
            return w.bytes
        }
        #expect(make() == make())
    }

    @Test func emptyTextStillClosesTheStartTag() {
        var w = XMLWriter()
        w.element("a", text: "")
        #expect(string(w) == "<a></a>")
    }
}
