import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

@Suite("Word templates: the package written")
struct PackageTests {
    static var context: [String: Any] { [
        "tinh": "Cần Thơ", "huyen": [["ten": "Cờ Đỏ", "so": "1.110/1.998"], ["ten": "Ô Môn & Bình Thủy", "so": "5/9"]],
    ] }

    static func template() throws -> (bytes: [UInt8], template: WordTemplate) {
        let bytes = try WordFixture.docx(header: "UBND tỉnh {{tinh}}") { w in
            w.paragraph { w in w.run("Báo cáo tỉnh {{ti"); w.proofErr("spellStart"); w.run("nh}}", bold: true) }
            w.paragraph { w in w.run("{{#huyen}}") }
            w.paragraph { w in w.run("Huyện {{ten}}") }
            w.paragraph { w in w.run("{{/huyen}}") }
            w.table([[["Huyện"], ["Tỷ lệ"]], [["{{#huyen}}{{ten}}"], ["{{so}}{{/huyen}}"]]])
            w.table([[["{{#huyen}}", "{{ten}}", "{{/huyen}}"]]])
        }
        return (bytes, try WordTemplate(bytes: bytes, name: "mau.docx"))
    }

    @Test func untouchedPartsAreByteIdenticalAndInTheTemplatesOrder() throws {
        let (bytes, template) = try Self.template()
        #expect(template.templatedParts == ["word/document.xml", "word/header1.xml"])
        let original = try ZipContainer(bytes: bytes, name: "mau.docx")
        let rendered = try ZipContainer(bytes: try template.render(Self.context), name: "out.docx")
        #expect(rendered.partNames == original.partNames)
        for part in original.partNames where !template.templatedParts.contains(part) {
            #expect(try rendered.readPart(part) == original.readPart(part), "\(part)")
        }
        #expect(try rendered.readPart("word/document.xml") != original.readPart("word/document.xml"))
    }

    @Test func theSameTemplateAndContextGiveTheSameBytes() throws {
        let (bytes, template) = try Self.template()
        let first = try template.render(Self.context)
        #expect(try template.render(Self.context) == first)
        #expect(try WordTemplate(bytes: bytes, name: "mau.docx").render(Self.context) == first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wordtemplate-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bao-cao.docx").path
        #expect(try template.write(Self.context, to: path))
        #expect(try template.write(Self.context, to: path) == false)   // already these bytes: untouched
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == first)
    }

    @Test func everyPartOfTheOutputIsWellFormed() throws {
        let (_, template) = try Self.template()
        let out = try WordReader(try template.render(Self.context))
        var checked = 0
        for part in out.container.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
            _ = try out.events(part)
            checked += 1
        }
        #expect(checked == 7)
        #expect(try out.paragraphs() == ["Báo cáo tỉnh Cần Thơ", "Huyện Cờ Đỏ", "Huyện Ô Môn & Bình Thủy"])
        #expect(try out.paragraphs("word/header1.xml") == ["UBND tỉnh Cần Thơ"])
    }

    /// The ISO/IEC 29500 Transitional schemas, where the machine has the kit.
    @Test(.enabled(if: Tools.hasValidator, "skipped: needs \(Tools.validator) with unzip, xmllint and xsltproc (apt-get install unzip libxml2-utils xsltproc)"))
    func theOutputValidatesAgainstTheSchemas() throws {
        let (_, template) = try Self.template()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wordtemplate-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, context) in [("full", Self.context), ("empty", ["tinh": "", "huyen": [[String: String]]()] as [String: Any])] {
            let path = folder.appendingPathComponent("\(name).docx").path
            try template.write(context, to: path)
            let result = try Tools.validate(path)
            #expect(result.ok, "\(name): \(result.output)")
            #expect(result.output.contains("OK   word/document.xml"), "\(name): \(result.output)")
        }
    }
}
