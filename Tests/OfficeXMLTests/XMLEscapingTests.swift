import Testing
import OfficeXML

@Suite("XML escaping")
struct XMLEscapingTests {
    @Test func text() {
        #expect(XMLEscaping.text("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        #expect(XMLEscaping.text("Xã hội học tập") == "Xã hội học tập")
        #expect(XMLEscaping.text("x\u{1}y\u{FFFE}z\u{0B}") == "xyz")       // forbidden in XML 1.0: dropped
        #expect(XMLEscaping.text("tab\tand\nline") == "tab\tand\nline")
    }

    @Test func attribute() {
        #expect(XMLEscaping.attribute(#"say "hi" & 'bye'"#) == "say &quot;hi&quot; &amp; &apos;bye&apos;")
        #expect(XMLEscaping.attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test func escapedTextParsesBackToTheSameString() throws {
        let original = "<&>\"' ngày 22 tháng 11 \u{7}\t\n😀"
        final class Collect: XMLStreamHandler {
            var text: [UInt8] = []
            var attribute = ""
            func startElement(_ e: XMLStartElement) { attribute = e.attributes.string("v") ?? "" }
            func endElement(_ name: XMLName) {}
            func characters(_ t: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: t) }
        }
        let handler = Collect()
        let doc = "<a v=\"\(XMLEscaping.attribute(original))\">\(XMLEscaping.text(original))</a>"
        try XMLPushParser(handler: handler, file: "t", part: "p").parse(Array(doc.utf8))
        let expected = XMLEscaping.removingForbidden(original)
        #expect(String(decoding: handler.text, as: UTF8.self) == expected)
        #expect(handler.attribute == expected)
    }
}
