import Foundation
import Model
import Presentation
@testable import Render
import Testing
import WordTemplate

/// The Word report's appendices (the matrix of the units two levels below, the data-quality
/// appendix) in their landscape section, and the signature's optional lines, with the shipped
/// template and the hand-made Cần Thơ model. The sample's document read by python-docx and
/// printed by LibreOffice: EndToEndTests (DocxAppendixRunTests).
@Suite struct DocxAppendixTests {
    func render(_ model: ReportModel) throws -> String {
        try DocxReportTests.documentXML(DocxReport.render(model: model, template: WordTemplate(path: DocxReportTests.templatePath)))
    }

    @Test func theMatrixIsThePagesMatrixWithMetAndMissedForPaper() throws {
        let model = RenderFixtures.canTho()
        let view = try #require(DocxReport.view(for: model).unitTable)
        let page = try #require(HTMLReport.page(for: model).unitTable)
        #expect(view.title == page.title && view.countText == page.countText && view.note == page.note)
        #expect(view.columns.map(\.number) == page.columns.map(\.number))
        #expect(view.rows.map(\.name) == page.rows.map(\.name))
        #expect(view.rows.map { $0.cells.map(\.text) } == page.rows.map { $0.cells.map(\.text) })
        // met / missed say what the page's colour says: "dat", "chua-dat", or neither.
        let flags = view.rows.flatMap { $0.cells.map { $0.met ? "dat" : ($0.missed ? "chua-dat" : "") } }
        #expect(flags == page.rows.flatMap { $0.cells.map(\.statusClass) })
        #expect(flags.contains("dat") && flags.contains("chua-dat"))
    }

    @Test func theAppendicesFollowTheSignatureInALandscapeSection() throws {
        let model = RenderFixtures.canTho()
        let report = ReportPresenter(model: model).present()
        let xml = try render(model)
        let leftTag = xml.contains("{{")
        #expect(!leftTag, "a tag was left in the document")
        let table = try #require(report.unitTable)
        let signature = try #require(xml.range(of: "Nguyễn Văn An"))
        let portrait = try #require(xml.range(of: "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        let landscape = try #require(xml.range(of: "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"))
        let title = try #require(xml.range(of: table.title))
        let quality = try #require(xml.range(of: "Phụ lục. Chất lượng số liệu"))
        // The portrait section ends after the signature; the appendices are in the last section.
        #expect(signature.upperBound < portrait.lowerBound && portrait.upperBound < title.lowerBound)
        #expect(title.upperBound < quality.lowerBound && quality.upperBound < landscape.lowerBound)
        #expect(xml.hasSuffix("</w:sectPr></w:body></w:document>"))
        // One row per unit, one cell per column; a rate below target is bold (no colour on paper).
        for row in table.rows {
            let name = xml.contains(">\(row.name)</w:t>")
            #expect(name, "\(row.name)")
            for cell in row.cells where cell.met == false {
                let bold = xml.contains("<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">\(cell.rate.text)</w:t>")
                #expect(bold, "\(row.name): \(cell.rate.text) is not bold")
            }
        }
        // Each rate's paragraph takes its size and alignment from the template's paragraph
        // style, not from properties of its own (a national matrix has 9,702 of them).
        let styled = xml.components(separatedBy: "<w:pPr><w:pStyle w:val=\"MaTranTyLe\"/></w:pPr>").count - 1
        #expect(styled == table.rows.count * table.columns.count)
        // The header rows repeat on every page.
        #expect(xml.components(separatedBy: "<w:tblHeader/>").count - 1 == report.indicators.count + 2)
        // The findings, escaped.
        for issue in report.quality.issues {
            let found = xml.contains(issue.file) && xml.contains(issue.cell)
            #expect(found, "\(issue.file) \(issue.cell)")
        }
        #expect(xml.contains("&lt;script&gt;") && !xml.contains("<script>"))
    }

    @Test func anEmptySignerAuthorityLeavesNoEmptyLine() throws {
        var model = RenderFixtures.canTho()
        let full = try render(model)
        model.metadata.agency.signerAuthority = ""
        let without = try render(model)
        #expect(full.contains("KT. GIÁM ĐỐC") && !without.contains("KT. GIÁM ĐỐC"))
        // Exactly the authority's paragraph is gone, not left empty.
        func paragraphs(_ xml: String) -> Int { xml.components(separatedBy: "<w:p>").count - 1 }
        #expect(paragraphs(full) - paragraphs(without) == 1)
        #expect(without.contains("PHÓ GIÁM ĐỐC"))
    }
}

/// A review year uses its own template (bao-cao-so-ket.docx, bao-cao-tong-ket.docx) when the
/// Templates folder has one, else bao-cao.docx; the document is bao-cao.docx either way.
@Suite struct DocxKindTemplateTests {
    @Test func aReviewUsesItsOwnTemplateWhenPresent() throws {
        let shipped = Array(try Data(contentsOf: URL(fileURLWithPath: DocxReportTests.templatePath)))
        let root = try DocxReportTests.templatesFolder(docx: shipped)
        defer { try? FileManager.default.removeItem(at: root) }
        let review = try DocxReportTests.shippedTemplate { $0.replacingOccurrences(of: "{{documentKind}}", with: "BÁO CÁO SƠ KẾT RIÊNG") }
        let folder = root.appendingPathComponent("docx")
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        func documentKindLine(_ model: ReportModel) throws -> Bool {
            let written = try ReportOutputs.write(model: model, issues: [], kinds: ["docx"], templates: root, to: out)
            #expect(written.map(\.url.lastPathComponent) == ["bao-cao.docx"])
            return try DocxReportTests.documentXML(Array(Data(contentsOf: out.appendingPathComponent("bao-cao.docx")))).contains("BÁO CÁO SƠ KẾT RIÊNG")
        }
        let soKet = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        // Without its own template, the review is printed from bao-cao.docx.
        #expect(try documentKindLine(soKet) == false)
        try Data(review).write(to: folder.appendingPathComponent("bao-cao-so-ket.docx"))
        #expect(DocxReport.templateURL(templatesRoot: root, kind: .review2023To2025).lastPathComponent == "bao-cao-so-ket.docx")
        #expect(try documentKindLine(soKet) == true)
        // The annual report and the tổng kết (no file of its own here) keep bao-cao.docx.
        #expect(try documentKindLine(RenderFixtures.canTho()) == false)
        #expect(DocxReport.templateURL(templatesRoot: root, kind: .review2023To2030).lastPathComponent == "bao-cao.docx")
    }
}
