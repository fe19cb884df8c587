import Foundation
import Testing
@testable import OfficeXML

@Suite("XML event reader")
struct XMLEventReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func roundTrip(_ bytes: [UInt8], part: String = "p.xml") throws -> [XMLEvent] {
        let events = try XMLEventReader.read(bytes, file: "t", part: part)
        var w = XMLWriter()
        for event in events { w.write(event) }
        #expect(w.bytes == bytes, "\(part) did not round-trip")
        #expect(w.openElements.isEmpty)
        return events
    }

    /// A Word body written as Word writes it (and worse): a tag split across runs with
    /// proofing marks, bookmarks, comment ranges, mc:AlternateContent, single quotes, entities,
    /// character references, CDATA, a comment and a PI, xmlns interleaved with attributes, CRLF.
    static let document = """
        \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
        <!-- made by hand --><?mso-application progid="Word.Document"?>\r
        <w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" \
        mc:Ignorable="w14 wp14" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>\r
          <w:p w14:paraId="1A2B3C4D"><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>{{</w:t></w:r>\
        <w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">ten_xa </w:t></w:r>\
        <w:proofErr w:type="spellEnd"/><w:commentRangeStart w:id="1"/><w:r><w:t>}}</w:t></w:r>\
        <w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r><w:bookmarkEnd w:id="0"/></w:p>\r
          <w:p><w:r><w:t>A &amp; B &lt; C &gt; D &quot;E&apos; &#x1EA0;&#7840; Cờ Đỏ</w:t></w:r></w:p>
          <mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t><![CDATA[<x> & y]]></w:t></w:r></mc:Choice>\
        <mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>
          <w:sectPr   w:rsidR = "00A1"  ><w:pgSz w:w="11906" w:h="16838" /></w:sectPr>
        </w:body></w:document>\r\n
        """

    @Test func aHandWrittenWordDocumentRoundTripsByteForByte() throws {
        let events = try roundTrip(Array(Self.document.utf8), part: "word/document.xml")
        guard case .declaration(let raw) = events.first else {
            Issue.record("no declaration first")
            return
        }
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(events.contains(.comment(raw: Array("<!-- made by hand -->".utf8), content: " made by hand ")))
        let pis = events.compactMap { if case .processingInstruction(_, let t, let d) = $0 { return (t, d) } else { return nil } }
        #expect(pis.count == 1 && pis[0].0 == "mso-application" && pis[0].1 == "progid=\"Word.Document\"")
        let starts = events.compactMap { if case .start(let tag) = $0 { return tag } else { return nil } }
        let document = try #require(starts.first)
        #expect(document.qualifiedName == "w:document" && document.prefix == "w" && document.localName == "document")
        #expect(document.namespaceDeclarations.map(\.prefix) == ["wpc", "mc", "w", "w14"])
        #expect(document.attributes == [XMLAttribute(qualifiedName: "mc:Ignorable", value: "w14 wp14")])
        let br = try #require(starts.first { $0.qualifiedName == "w:pgSz" })
        #expect(br.selfClosing && br.attribute("w:w") == "11906")
        let texts = events.compactMap { if case .text(let raw, let decoded) = $0 { return (String(decoding: raw, as: UTF8.self), decoded) } else { return nil } }
        let entity = try #require(texts.first { $0.0.hasPrefix("A &amp;") })
        #expect(entity.1 == "A & B < C > D \"E' \u{1EA0}\u{1EA0} Cờ Đỏ")
        #expect(entity.0 == "A &amp; B &lt; C &gt; D &quot;E&apos; &#x1EA0;&#7840; Cờ Đỏ")
        // The split tag is three runs' texts, exactly as a docxtpl-like engine must see them.
        #expect(texts.map(\.1).filter { $0.contains("{") || $0.contains("}") || $0.contains("ten_xa") } == ["{{", "ten_xa ", "}}"])
        #expect(events.contains { if case .cdata(let raw, "<x> & y") = $0 { return raw == Array("<![CDATA[<x> & y]]>".utf8) } else { return false } })
        // Self-closing elements come as start + an end with no bytes.
        let ends = events.compactMap { if case .end(let name, let raw) = $0 { return (name, raw) } else { return nil } }
        #expect(ends.contains { $0.0 == "w:b" && $0.1.isEmpty })
        #expect(ends.contains { $0.0 == "w:body" && $0.1 == Array("</w:body>".utf8) })
    }

    @Test func aDocumentWithoutDeclarationOrTrailingNewline() throws {
        let events = try roundTrip(Array("<a><b x='1'>t</b></a>".utf8))
        #expect(events.count == 5)
    }

    @Test func aLongTextDeliveredInPiecesIsOneEvent() throws {
        let body = String(repeating: "Phong Điền &amp; Thới Lai ", count: 2000)
        let events = try roundTrip(Array("<a>\(body)</a>".utf8))
        #expect(events.count == 3)
        guard case .text(_, let decoded) = events[1] else {
            Issue.record("no text")
            return
        }
        #expect(decoded == String(repeating: "Phong Điền & Thới Lai ", count: 2000))
    }

    @Test func aDoctypeIsRefused() {
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xxxx\">]><a>&x;</a>"
        let e = #expect(throws: XMLParseError.self) { try XMLEventReader.read(Array(bomb.utf8), file: "t", part: "p") }
        #expect(e?.kind == .doctype)
    }

    @Test func malformedIsRefused() {
        for bad in ["<a><b></a>", "<a>", "<a>&undefined;</a>", "", "<a x=\"1\" x=\"2\"/>"] {
            #expect(throws: XMLParseError.self) { try XMLEventReader.read(Array(bad.utf8), file: "t", part: "p") }
        }
    }

    @Test func deepNestingBeyondLibxml2sLimitIsRefused() {
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(throws: XMLParseError.self) { try XMLEventReader.read(Array(deep.utf8), file: "t", part: "p") }
    }

    /// Every XML part of every workbook in the repository (fixtures and Input/) round-trips, or
    /// is refused by both this reader and the streaming parser (hostile fixtures).
    @Test func everyXMLPartOfTheRepositorysWorkbooksRoundTrips() throws {
        var files: [URL] = []
        for folder in ["Tests/XLSXTests/Fixtures", "Input"] {
            let base = Self.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "xlsx" { files.append(url) }
        }
        #expect(files.count >= 9)
        var parts = 0
        for url in files.sorted(by: { $0.path < $1.path }) {
            guard let data = FileManager.default.contents(atPath: url.path),
                  let zip = try? ZipContainer(bytes: [UInt8](data), name: url.lastPathComponent) else { continue }
            for part in zip.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
                guard let bytes = try? zip.readPart(part) else { continue }
                do {
                    _ = try roundTrip(bytes, part: "\(url.lastPathComponent)/\(part)")
                    parts += 1
                } catch {
                    let parser = XMLPushParser(handler: NullHandler(), file: url.lastPathComponent, part: part)
                    #expect(throws: XMLParseError.self, "\(url.lastPathComponent)/\(part): \(error)") { try parser.parse(bytes) }
                }
            }
        }
        #expect(parts >= 50)
    }
}

private final class NullHandler: XMLStreamHandler {
    func startElement(_ element: XMLStartElement) {}
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

@Suite("XML event reader: CDATA")
struct XMLEventReaderCDATATests {
    /// A long CDATA section (libxml2's push parser delivers it in pieces) and two adjacent ones.
    @Test func longAndAdjacentCDATASectionsAreWholeEvents() throws {
        let long = String(repeating: "<Cờ Đỏ & ]] > ", count: 500)
        let xml = "<a><![CDATA[\(long)]]><![CDATA[]]><![CDATA[x]]></a>"
        let events = try XMLEventReader.read(Array(xml.utf8), file: "t", part: "p")
        var w = XMLWriter()
        for event in events { w.write(event) }
        #expect(w.bytes == Array(xml.utf8))
        let sections = events.compactMap { if case .cdata(let raw, let content) = $0 { return (String(decoding: raw, as: UTF8.self), content) } else { return nil } }
        #expect(sections.map(\.1) == [long, "", "x"])
        #expect(sections.first?.0 == "<![CDATA[\(long)]]>")
        #expect(sections.last?.0 == "<![CDATA[x]]>")
    }
}

@Suite("XML event reader: a DOCX package")
struct XMLEventReaderPackageTests {
    /// A minimal DOCX made with ZipWriter: every part reads back through ZipContainer, round-trips
    /// through the events, and the package rebuilt from the round-tripped parts is the same bytes.
    @Test func aDocxPackageRoundTripsPartByPartAndAsAWhole() throws {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """),
            ("word/document.xml", XMLEventReaderTests.document),
        ]
        func package(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
            let zip = ZipWriter()
            for (name, bytes) in entries { zip.add(name, bytes) }
            return try zip.archiveBytes()
        }
        let original = try package(parts.map { ($0.0, Array($0.1.utf8)) })
        let container = try ZipContainer(bytes: original, name: "mau.docx")
        var rebuilt: [(String, [UInt8])] = []
        for name in container.partNames {
            let bytes = try container.readPart(name)
            var w = XMLWriter()
            for event in try XMLEventReader.read(bytes, file: "mau.docx", part: name) { w.write(event) }
            #expect(w.bytes == bytes, "\(name)")
            rebuilt.append((name, w.bytes))
        }
        #expect(rebuilt.map(\.0) == parts.map(\.0))
        #expect(try package(rebuilt) == original)
    }
}
