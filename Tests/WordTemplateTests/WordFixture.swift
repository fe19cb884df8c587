import Foundation
import OfficeXML

/// Builds small Word documents for the tests with OfficeXML's XMLWriter and ZipWriter: a body
/// written by the test, a styles part, a header, a footer without tags and an image, so that
/// the untouched parts can be compared byte for byte. Runs are written the way Word splits
/// them (proofing marks, bookmarks, a change of formatting inside a word).
///
///     let docx = try WordFixture.docx { w in
///         w.paragraph { w in w.run("Huyện {{te"); w.proofErr("spellStart"); w.run("n}}", bold: true) }
///     }
enum WordFixture {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Not a real PNG, only bytes that must come back unchanged.
    static let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(0..<200).map { UInt8($0) }

    static func xml(_ body: (inout XMLWriter) -> Void) -> [UInt8] {
        var writer = XMLWriter()
        writer.declaration()
        body(&writer)
        return writer.bytes
    }

    static let styles = xml { w in
        w.start("w:styles", attributes: [("xmlns:w", Self.w)])
        w.start("w:style", attributes: [("w:type", "paragraph"), ("w:default", "1"), ("w:styleId", "Normal")])
        w.element("w:name", attributes: [("w:val", "Normal")])
        w.end()
        w.end()
    }

    static func headerFooter(_ element: String, text: String) -> [UInt8] {
        xml { w in
            w.start(element, attributes: [("xmlns:w", Self.w)])
            w.paragraph { w in w.run(text) }
            w.end()
        }
    }

    static let contentTypes = xml { w in
        w.start("Types", attributes: [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        w.element("Default", attributes: [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        w.element("Default", attributes: [("Extension", "xml"), ("ContentType", "application/xml")])
        w.element("Default", attributes: [("Extension", "png"), ("ContentType", "image/png")])
        for (part, type) in [("/word/document.xml", "document.main"), ("/word/styles.xml", "styles"),
                             ("/word/header1.xml", "header"), ("/word/footer1.xml", "footer")] {
            w.element("Override", attributes: [("PartName", part), ("ContentType", "application/vnd.openxmlformats-officedocument.wordprocessingml.\(type)+xml")])
        }
        w.end()
    }

    static func relationships(_ list: [(id: String, type: String, target: String)]) -> [UInt8] {
        xml { w in
            w.start("Relationships", attributes: [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
            for rel in list {
                w.element("Relationship", attributes: [("Id", rel.id), ("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + rel.type), ("Target", rel.target)])
            }
            w.end()
        }
    }

    /// A whole package; `header` is the header's text (it may hold tags).
    static func docx(header: String = "Báo cáo", _ body: (inout XMLWriter) -> Void) throws -> [UInt8] {
        let document = xml { w in
            w.start("w:document", attributes: [("xmlns:w", Self.w), ("xmlns:r", Self.r)])
            w.start("w:body")
            body(&w)
            w.start("w:sectPr")
            w.element("w:headerReference", attributes: [("w:type", "default"), ("r:id", "rId2")])
            w.element("w:footerReference", attributes: [("w:type", "default"), ("r:id", "rId3")])
            w.element("w:pgSz", attributes: [("w:w", "11906"), ("w:h", "16838")])
            w.end()
            w.end()
            w.end()
        }
        return try package(document: document, header: header)
    }

    /// A package around a document part written by the test.
    static func package(document: [UInt8], header: String = "Báo cáo") throws -> [UInt8] {
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", relationships([("rId1", "officeDocument", "word/document.xml")]))
        zip.add("word/document.xml", document)
        zip.add("word/_rels/document.xml.rels", relationships([
            ("rId1", "styles", "styles.xml"), ("rId2", "header", "header1.xml"),
            ("rId3", "footer", "footer1.xml"), ("rId4", "image", "media/image1.png"),
        ]))
        zip.add("word/styles.xml", styles)
        zip.add("word/header1.xml", headerFooter("w:hdr", text: header))
        zip.add("word/footer1.xml", headerFooter("w:ftr", text: "Trang cuối"))
        zip.add("word/media/image1.png", image, compression: .store)
        return try zip.archiveBytes()
    }
}

extension XMLWriter {
    mutating func paragraph(_ content: (inout XMLWriter) -> Void) {
        start("w:p")
        content(&self)
        end("w:p")
    }

    /// A run; `bold` writes `w:rPr/w:b`. Leading or trailing spaces get `xml:space`, as in Word.
    mutating func run(_ text: String, bold: Bool = false) {
        start("w:r")
        if bold {
            start("w:rPr")
            element("w:b")
            end("w:rPr")
        }
        let preserve = text.hasPrefix(" ") || text.hasSuffix(" ")
        element("w:t", attributes: preserve ? [("xml:space", "preserve")] : [], text: text)
        end("w:r")
    }

    mutating func proofErr(_ type: String) {
        element("w:proofErr", attributes: [("w:type", type)])
    }

    mutating func bookmark(start id: Int, name: String) {
        element("w:bookmarkStart", attributes: [("w:id", "\(id)"), ("w:name", name)])
    }

    mutating func bookmark(end id: Int) {
        element("w:bookmarkEnd", attributes: [("w:id", "\(id)")])
    }

    /// A table; each row is a list of cells, each cell a list of paragraphs' texts.
    mutating func table(_ rows: [[[String]]]) {
        start("w:tbl")
        start("w:tblPr")
        element("w:tblW", attributes: [("w:w", "0"), ("w:type", "auto")])
        end("w:tblPr")
        start("w:tblGrid")
        for _ in rows.first ?? [] { element("w:gridCol", attributes: [("w:w", "2000")]) }
        end("w:tblGrid")
        for row in rows {
            start("w:tr")
            for cell in row {
                start("w:tc")
                for text in cell { paragraph { w in w.run(text) } }
                end("w:tc")
            }
            end("w:tr")
        }
        end("w:tbl")
    }
}
