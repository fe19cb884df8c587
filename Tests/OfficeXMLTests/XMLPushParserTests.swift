import Testing
@testable import OfficeXML

/// Records events as text: "<name a=v>", "</name>", and the text between.
final class Recorder: XMLStreamHandler {
    var events: [String] = []
    var text: [UInt8] = []

    func flush() {
        if !text.isEmpty { events.append(String(decoding: text, as: UTF8.self)); text.removeAll() }
    }
    func startElement(_ e: XMLStartElement) {
        flush()
        var attrs = ""
        e.attributes.forEach { name, value in attrs += " \(name.string)=\(XMLText.attributeString(value))" }
        events.append("<\(e.name.string)\(attrs)>")
    }
    func endElement(_ name: XMLName) {
        flush()
        events.append("</\(name.string)>")
    }
    func characters(_ t: UnsafeBufferPointer<UInt8>) { text.append(contentsOf: t) }
}

@Suite("Streaming XML parser")
struct XMLPushParserTests {
    func parse(_ xml: String, chunk: Int = 64 << 10) throws -> [String] {
        let r = Recorder()
        let p = XMLPushParser(handler: r, file: "f.xlsx", part: "x.xml")
        let bytes = Array(xml.utf8)
        var i = 0
        while i < bytes.count {
            let end = min(i + chunk, bytes.count)
            try bytes[i..<end].withUnsafeBytes { try p.feed($0) }
            i = end
        }
        try p.finish()
        r.flush()
        return r.events
    }

    @Test func localNamesWithoutPrefixesAndDecodedValues() throws {
        let events = try parse(#"<x:a xmlns:x="urn:x" q="1 &amp; 2 &#38; &lt;3"><x:b>t &amp; u<![CDATA[<v>]]></x:b></x:a>"#)
        #expect(events == ["<a q=1 & 2 & <3>", "<b>", "t & u<v>", "</b>", "</a>"])
    }

    @Test("Text split across chunks is delivered whole once accumulated", arguments: [1, 3, 7, 64 << 10])
    func chunked(size: Int) throws {
        let events = try parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r><v>123456.789</v><t>Xã hội</t></r>", chunk: size)
        #expect(events == ["<r>", "<v>", "123456.789", "</v>", "<t>", "Xã hội", "</t>", "</r>"])
    }

    @Test func utf16Document() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>é</r>".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let r = Recorder()
        try XMLPushParser(handler: r, file: "f", part: "p").parse(bytes)
        r.flush()
        #expect(r.events == ["<r>", "é", "</r>"])
    }

    @Test func doctypeIsRefused() throws {
        let error = try #require(throws: XMLParseError.self) {
            try parse("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n<r>&a;</r>")
        }
        #expect(error.kind == .doctype)
        #expect(error.description.contains("f.xlsx (part x.xml"))
    }

    @Test func undefinedEntityIsMalformedNotLoaded() throws {
        let error = try #require(throws: XMLParseError.self) { try parse("<r>\n&xxe;</r>") }
        #expect(error.kind == .malformed)
        #expect(error.line == 2)
    }

    @Test func mismatchedTagsNameTheLine() throws {
        let error = try #require(throws: XMLParseError.self) { try parse("<r>\n<a>\n</b></r>") }
        #expect(error.kind == .malformed)
        #expect(error.line == 3)
        #expect(error.description.contains("line 3"))
    }

    @Test func emptyAndUnterminatedDocuments() throws {
        #expect(throws: XMLParseError.self) { try parse("") }
        #expect(throws: XMLParseError.self) { try parse("<r><a>") }
    }
}

@Suite("Streaming XML parser: nesting depth")
struct XMLPushParserDepthTests {
    func nested(_ levels: Int) -> [UInt8] {
        Array((String(repeating: "<a>", count: levels) + "x" + String(repeating: "</a>", count: levels)).utf8)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let r = Recorder()
        try XMLPushParser(handler: r, file: "f.xlsx", part: "p.xml").parse(nested(LibXMLStatus.maxDepth))
        r.flush()
        #expect(r.events.count == 2 * LibXMLStatus.maxDepth + 1)
    }

    /// One level deeper is refused in every chunking, and the handler never sees that element.
    @Test("Deeper than the limit is refused, the handler sees nothing below it", arguments: [5, 64 << 10])
    func deeperIsRefused(chunk: Int) {
        let r = Recorder()
        let parser = XMLPushParser(handler: r, file: "f.xlsx", part: "p.xml")
        let bytes = nested(LibXMLStatus.maxDepth + 1)
        #expect {
            var i = 0
            while i < bytes.count {
                let end = min(i + chunk, bytes.count)
                try bytes[i..<end].withUnsafeBytes { try parser.feed($0) }
                i = end
            }
            try parser.finish()
        } throws: { error in
            guard let e = error as? XMLParseError else { return false }
            return e.kind == .malformed && e.message.contains("nested more than \(LibXMLStatus.maxDepth) deep") && e.line == 1
        }
        r.flush()
        #expect(r.events.filter { $0 == "<a>" }.count == LibXMLStatus.maxDepth)
        #expect(!r.events.contains("x"))
    }
}
