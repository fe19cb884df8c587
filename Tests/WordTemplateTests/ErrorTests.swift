import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

@Suite("Word templates: mistakes are found at load, with their place")
struct ErrorTests {
    func load(_ body: (inout XMLWriter) -> Void, header: String = "Báo cáo") throws -> WordTemplate {
        try WordTemplate(bytes: try WordFixture.docx(header: header, body), name: "Templates/docx/bao-cao.docx")
    }

    func error(header: String = "Báo cáo", _ body: (inout XMLWriter) -> Void) -> WordTemplateError? {
        do {
            _ = try load(body, header: header)
            return nil
        } catch let error as WordTemplateError {
            return error
        } catch {
            Issue.record("not a WordTemplateError: \(error)")
            return nil
        }
    }

    @Test func anUnclosedTagNamesFileTagParagraphAndRow() throws {
        let e = try #require(error { w in
            w.paragraph { w in w.run("Mở đầu") }
            w.table([[["Huyện"], ["Tỷ lệ"]], [["{{#huyen}}{{ten}}"], ["Tỷ lệ {{ty_le"]]])
        })
        #expect(e.kind == .unclosedTag)
        #expect(e.file == "Templates/docx/bao-cao.docx")
        #expect(e.part == "word/document.xml")
        #expect(e.tag == "{{ty_le")
        #expect(e.paragraph == "Tỷ lệ {{ty_le")
        #expect(e.table == 1 && e.row == 2)
        #expect(e.description.hasPrefix("Mẫu Word lỗi: Templates/docx/bao-cao.docx, thân văn bản, bảng 1, hàng 2: thẻ \"{{ty_le\" chưa đóng"))
        #expect(e.description.contains("Đoạn văn: \"Tỷ lệ {{ty_le\""))
    }

    @Test func aTagCutByAParagraphMarkIsUnclosed() throws {
        let e = try #require(error { w in
            w.paragraph { w in w.run("Tên {{te") }
            w.paragraph { w in w.run("n}} ở đây") }
        })
        #expect(e.kind == .unclosedTag)
        #expect(e.tag == "{{te")
        #expect(e.table == nil && e.row == nil)
    }

    @Test func aSectionOpenedInACellAndClosedAfterTheTableIsRefused() throws {
        let e = try #require(error { w in
            w.table([[["Huyện"]], [["{{#huyen}}{{ten}}"]]])
            w.paragraph { w in w.run("Tổng {{/huyen}}") }
        })
        #expect(e.kind == .unbalancedSection)
        #expect(e.tag == "{{#huyen}}")
        #expect(e.paragraph == "{{#huyen}}{{ten}}")
        #expect(e.table == 1 && e.row == 2)
        // The other end is named too.
        #expect(e.detail?.contains("{{/huyen}}") == true)
        #expect(e.detail?.contains("Tổng {{/huyen}}") == true)
    }

    @Test func aSectionAcrossTwoOrdinaryParagraphsIsRefused() throws {
        let e = try #require(error { w in
            w.paragraph { w in w.run("Có {{#dat}}đạt") }
            w.paragraph { w in w.run("rồi{{/dat}}.") }
        })
        #expect(e.kind == .unbalancedSection)
    }

    @Test func sectionsThatWouldCrossWhenARowIsWidenedAreRefused() throws {
        // {{#b}} ... {{/b}} sit in two paragraphs of one cell: the row would repeat, around the
        // paragraph loop {{#a}} that was written around it.
        let e = try #require(error { w in
            w.table([[["{{#a}}", "x {{#b}}", "{{/b}} y", "{{/a}}", "cuối"]]])
        })
        #expect(e.kind == .crossedSections)
    }

    @Test func unopenedUnclosedAndMismatchedSections() throws {
        #expect(error { w in w.paragraph { w in w.run("{{/x}}") } }?.kind == .unopenedSection)
        #expect(error { w in w.paragraph { w in w.run("{{#x}}") } }?.kind == .unclosedSection)
        let e = error { w in w.paragraph { w in w.run("{{#x}}{{#y}}{{/x}}{{/y}}") } }
        #expect(e?.kind == .mismatchedSection)
        #expect(e?.tag == "{{/x}}")
        #expect(e?.detail?.contains("{{#y}}") == true)
    }

    @Test func htmlOnlyTagsAndBadNamesAreRefused() throws {
        for tag in ["{{> partials/header}}", "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT}}", "{{$khoi}}", "{{<cha}}"] {
            #expect(error { w in w.paragraph { w in w.run(tag) } }?.kind == .unsupportedTag, "\(tag)")
        }
        let e = error { w in w.paragraph { w in w.run("Huyện {{tên huyện}}") } }
        #expect(e?.kind == .invalidName)
        #expect(e?.tag == "{{tên huyện}}")
        #expect(error { w in w.paragraph { w in w.run("{{ }}") } }?.kind == .emptyName)
        #expect(error { w in w.paragraph { w in w.run("{{upper(x}}") } }?.kind == .invalidName)
    }

    @Test func aMistakeInAHeaderNamesTheHeader() throws {
        let e = try #require(error(header: "UBND {{tinh") { w in w.paragraph { w in w.run("x") } })
        #expect(e.part == "word/header1.xml")
        #expect(e.description.contains("đầu trang (word/header1.xml)"))
    }

    @Test func aFileThatIsNotAWordDocument() throws {
        #expect(throws: WordTemplateError.self) { try WordTemplate(bytes: Array("a,b\n1,2\n".utf8), name: "mau.docx") }
        let zip = ZipWriter()
        zip.add("xl/workbook.xml", WordFixture.styles)
        let workbook = try zip.archiveBytes()
        do {
            _ = try WordTemplate(bytes: workbook, name: "mau.docx")
            Issue.record("a package without word/document.xml was accepted")
        } catch let error as WordTemplateError {
            #expect(error.kind == .notAWordFile)
        }
    }

    @Test func aDamagedPartIsNamed() throws {
        let document = Array("<w:document xmlns:w=\"\(WordFixture.w)\"><w:body><w:p><w:r><w:t>{{x}}</w:t></w:r></w:body></w:document>".utf8)
        do {
            _ = try WordTemplate(bytes: try WordFixture.package(document: document), name: "mau.docx")
            Issue.record("a malformed document.xml was accepted")
        } catch let error as WordTemplateError {
            #expect(error.kind == .unreadablePart)
            #expect(error.part == "word/document.xml")
            #expect(error.description.contains("thân văn bản"))
        }
    }
}
