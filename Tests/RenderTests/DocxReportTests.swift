import Aggregate
import Foundation
import Model
import Mustache
import OfficeXML
import Presentation
@testable import Render
import Testing
import WordTemplate

/// The DOCX report in process: the shipped template (Templates/docx/bao-cao.docx) rendered with
/// the hand-made Cần Thơ model; the words and numbers are the presented report's, the bytes the
/// same each time, a broken template an error naming its tag, and `ReportOutputs` writes it.
/// What python-docx and the schema say about the sample's document is in EndToEndTests
/// (DocxRunTests).
@Suite struct DocxReportTests {
    static var templatesRoot: URL { RenderFixtures.templatesFolder.deletingLastPathComponent() }
    static var templatePath: String { DocxReport.templateURL(templatesRoot: templatesRoot).path }

    /// The rendered document's body XML, as text.
    static func documentXML(_ bytes: [UInt8]) throws -> String {
        String(decoding: try ZipContainer(bytes: bytes, name: "bao-cao.docx").readPart("word/document.xml"), as: UTF8.self)
    }

    @Test func theShippedTemplatePrintsThePresentedReportsWords() throws {
        let model = RenderFixtures.canTho()
        let report = ReportPresenter(model: model).present()
        let xml = try Self.documentXML(DocxReport.render(model: model, template: WordTemplate(path: Self.templatePath)))
        let leftTag = xml.contains("{{")
        #expect(!leftTag, "a tag was left in the document")
        for text in [report.header.agency, report.header.placeDate, report.title] + report.summary.paragraphs {
            let found = xml.contains(text)
            #expect(found, "missing: \(text)")
        }
        for indicator in report.indicators {
            let found = xml.contains(indicator.resultText)
            #expect(found, "\(indicator.id): \(indicator.resultText)")
            // One table row per unit below the root, with its result and status words.
            for row in indicator.rows {
                let cell = xml.contains("<w:t xml:space=\"preserve\">\(row.resultText)</w:t>")
                #expect(cell, "\(indicator.id) \(row.name): \(row.resultText)")
            }
            #expect(!indicator.rows.isEmpty)
        }
        for recipient in report.closing.recipients {
            let found = xml.contains(recipient)
            #expect(found, "missing: \(recipient)")
        }
    }

    /// A review year (sơ kết 2023-2025): part III holds every indicator's trend, one table row
    /// per unit with its years' rates as the page prints them; an annual report has no part III.
    @Test func aReviewYearPrintsEveryTrendAndAnAnnualReportNone() throws {
        let template = try WordTemplate(path: Self.templatePath)
        let model = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        let report = ReportPresenter(model: model).present()
        try #require(!report.trends.isEmpty, "the review fixture has no trends")
        let xml = try Self.documentXML(DocxReport.render(model: model, template: template))
        let leftTag = xml.contains("{{")
        #expect(!leftTag, "a tag was left in the document")
        #expect(xml.contains("III. KẾT QUẢ QUA CÁC NĂM, \(report.periodText)"))
        #expect(xml.contains("Tỷ lệ các năm " + report.trends[0].years.map(String.init).joined(separator: ", ")))
        for trend in report.trends {
            let heading = xml.contains("\(trend.number). \(trend.name)")
            #expect(heading, "\(trend.id): no heading")
            for row in trend.rows {
                let rates = row.cells.map { $0.rate.text + ($0.reexpressed ? "*" : "") }.joined(separator: "; ")
                let found = xml.contains("<w:t xml:space=\"preserve\">\(rates)</w:t>")
                #expect(found, "\(trend.id) \(row.name): \(rates)")
            }
        }
        if report.hasReexpressed {
            #expect(xml.contains("Số liệu đánh dấu * là số liệu của các năm trước"))
        }
        let annual = try Self.documentXML(DocxReport.render(model: RenderFixtures.canTho(), template: template))
        let partThree = annual.contains("III. KẾT QUẢ QUA CÁC NĂM")
        #expect(!partThree, "an annual report printed part III")
    }

    /// A review prints each year's own target under the years, names the units with a
    /// re-expressed or split year, and, with a commendation rule, part IV: the units proposed,
    /// ranked, as a proposal (the page's words and numbers).
    @Test func aReviewPrintsEachYearsTargetAndTheCommendationProposal() throws {
        let template = try WordTemplate(path: Self.templatePath)
        var model = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        let section = CommendationRanking.rank(try #require(model.trends), rule: CommendationRule(quota: 3, criteria: [.metEveryYear, .mostImproved]),
                                               reportYear: 2025)
        model.commendation = section
        let report = ReportPresenter(model: model).present()
        let xml = try Self.documentXML(DocxReport.render(model: model, template: template))
        let leftTag = xml.contains("{{")
        #expect(!leftTag, "a tag was left in the document")
        for trend in report.trends {
            let targets = trend.targets.map(\.text).joined(separator: "; ")
            let found = xml.contains("<w:t xml:space=\"preserve\">\(targets)</w:t>")
            #expect(found, "\(trend.id): the years' targets \(targets)")
            if !trend.reexpressedNames.isEmpty {
                #expect(xml.contains("Có năm quy đổi từ đơn vị cũ (sáp nhập): \(trend.reexpressedNames.joined(separator: ", "))."))
            }
        }
        let commendation = try #require(report.commendation)
        #expect(xml.contains(commendation.title) && xml.contains(commendation.introText) && xml.contains(commendation.proposalNote))
        // One row per candidate, in rank order, with the counts the page prints.
        var rest = Substring(xml)
        for row in commendation.rows {
            let name = try #require(rest.range(of: ">\(XMLEscaping.text(row.name))"), "\(row.name) not found in rank order")
            rest = rest[name.upperBound...]
            #expect(rest.contains(">\(row.metEveryYear.text)</w:t>"))
        }
        #expect(commendation.rows.count == 3)
        // Without the rule: no part IV.
        let plain = try Self.documentXML(DocxReport.render(model: RenderFixtures.canTho(kind: .review2023To2025, year: 2025), template: template))
        let partFour = plain.contains(commendation.title)
        #expect(!partFour, "part IV without a commendation rule")
    }

    /// The Word views answer every stored property under its own name (`MustacheParent`, not
    /// reflection): a property added without its case would print nothing in the document.
    @Test func everyViewPropertyAnswersUnderItsName() throws {
        let view = try DocxReport.view(for: RenderFixtures.canTho(kind: .review2023To2025, year: 2025))
        let indicator = try #require(view.indicators.first)
        let values: [(MustacheParent, Any)] = [(view, view), (indicator, indicator), (indicator.total, indicator.total)]
        for (parent, value) in values {
            let mirror = Mirror(reflecting: value)
            #expect(mirror.children.count > 10)
            for child in mirror.children {
                let label = try #require(child.label)
                // An optional property answers with its value, or nil when it has none.
                let stored = Mirror(reflecting: child.value)
                let value: Any? = stored.displayStyle == .optional ? stored.children.first?.value : child.value
                let answer = parent.child(named: label)
                #expect((answer == nil) == (value == nil), "\(mirror.subjectType).\(label) does not answer")
                if let answer, let value {
                    let same = String(describing: answer) == String(describing: value)
                    #expect(same, "\(mirror.subjectType).\(label) answers another value")
                }
            }
        }
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        let template = try WordTemplate(path: Self.templatePath)
        let first = try DocxReport.render(model: RenderFixtures.canTho(), template: template)
        let second = try DocxReport.render(model: RenderFixtures.canTho(), template: WordTemplate(path: Self.templatePath))
        #expect(first == second)
        #expect(first.count > 5_000)
    }

    /// A district named like markup (names come from the districts' workbooks) stays text.
    @Test func aHostileUnitNameIsTextInTheDocument() throws {
        var view = try DocxReport.view(for: RenderFixtures.canTho())
        view.indicators[0].rows[0].name = "Quận <b>&\"Mới\""
        let xml = try Self.documentXML(WordTemplate(path: Self.templatePath).render(view))
        let escaped = xml.contains("Quận &lt;b&gt;&amp;"), raw = xml.contains("<b>")
        #expect(escaped && !raw)
    }

    /// The view is the presented report's values under the HTML page's key names.
    @Test func theViewUsesTheHTMLKeysWithThePresentedValues() throws {
        let model = RenderFixtures.canTho()
        let view = try DocxReport.view(for: model)
        let page = HTMLReport.page(for: model)
        #expect(view.header.placeDate == page.header.placeDate)
        #expect(view.summary.paragraphs == page.summary.paragraphs)
        #expect(view.indicators.map(\.resultText) == page.indicators.map(\.resultText))
        #expect(view.indicators.map { $0.rows.map(\.resultText) } == page.indicators.map { $0.rows.map(\.resultText) })
        #expect(view.indicators.map { $0.rows.map(\.statusText) } == page.indicators.map { $0.rows.map(\.statusText) })
        // Every key of the Word view is a key of the HTML view (Templates/README.md is one list).
        let pageKeys = Set(Mirror(reflecting: page.indicators[0]).children.compactMap(\.label))
        let docxKeys = Set(Mirror(reflecting: view.indicators[0]).children.compactMap(\.label))
        #expect(docxKeys.subtracting(pageKeys).isEmpty, "\(docxKeys.subtracting(pageKeys))")
        let rowKeys = Set(UnitRowView.keys)
        let docxRowKeys = Set(Mirror(reflecting: view.indicators[0].rows[0]).children.compactMap(\.label))
        #expect(docxRowKeys.subtracting(rowKeys).isEmpty, "\(docxRowKeys.subtracting(rowKeys))")
    }

    /// A templates folder with `docx/bao-cao.docx` (the given bytes) and the repository's html/.
    static func templatesFolder(docx: [UInt8]?) throws -> URL {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("xhht-docx-\(UUID().uuidString)")
        try fm.createDirectory(at: root.appendingPathComponent("docx"), withIntermediateDirectories: true)
        try fm.copyItem(at: RenderFixtures.templatesFolder, to: root.appendingPathComponent("html"))
        if let docx { try Data(docx).write(to: DocxReport.templateURL(templatesRoot: root)) }
        return root
    }

    /// The shipped template with its document part edited.
    static func shippedTemplate(editing edit: (String) -> String) throws -> [UInt8] {
        let container = try ZipContainer(path: templatePath)
        let zip = ZipWriter()
        for name in container.partNames {
            let bytes = try container.readPart(name)
            zip.add(name, name == "word/document.xml" ? Array(edit(String(decoding: bytes, as: UTF8.self)).utf8) : bytes)
        }
        return try zip.archiveBytes()
    }

    /// The shipped template as Word leaves it after an edit: a tag split over two runs (the second
    /// formatted differently, a spell-check mark between), a bookmark inside another tag.
    @Test func aTemplateEditedAsWordWouldStillRenders() throws {
        let edited = try Self.shippedTemplate { xml in
            xml.replacingOccurrences(of: "{{title}}</w:t></w:r>", with:
                    "{{ti</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>tle}}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>")
                .replacingOccurrences(of: "{{documentKind}}</w:t></w:r>", with:
                    "{{docu</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:r><w:t>mentKind}}</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>")
        }
        let split = try Self.documentXML(edited)
        let wasEdited = split.contains("{{ti</w:t>") && split.contains("{{docu</w:t>")
        #expect(wasEdited, "the edit did not apply: the shipped template changed its runs")
        let model = RenderFixtures.canTho()
        let xml = try Self.documentXML(DocxReport.render(model: model, template: WordTemplate(bytes: edited, name: "bao-cao.docx")))
        let report = ReportPresenter(model: model).present()
        let title = xml.contains(report.title), kind = xml.contains(">\(report.documentKind)<"), leftTag = xml.contains("{{")
        #expect(title && kind && !leftTag)
    }

    @Test func reportOutputsWritesTheDocumentAndListsIt() throws {
        let root = try Self.templatesFolder(docx: Array(try Data(contentsOf: URL(fileURLWithPath: Self.templatePath))))
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let written = try ReportOutputs.write(model: RenderFixtures.canTho(), issues: [], kinds: ["docx", "csv"], templates: root, to: out)
        #expect(written.map { $0.url.lastPathComponent } == ["bao-cao.docx", "indicators.csv"])
        let bytes = Array(try Data(contentsOf: out.appendingPathComponent("bao-cao.docx")))
        #expect(written[0].bytes == bytes.count && written[0].changed)
        #expect(!ReportOutputs.notYetWritten.contains("docx"))
        // The same model again: the file is left alone.
        let again = try ReportOutputs.write(model: RenderFixtures.canTho(), issues: [], kinds: ["docx"], templates: root, to: out)
        #expect(again[0].changed == false && again[0].sha256 == written[0].sha256)
    }

    @Test func aTemplateFolderWithoutTheWordTemplateWritesTheRest() throws {
        let root = try Self.templatesFolder(docx: nil)
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try ReportOutputs.write(model: RenderFixtures.canTho(), issues: [], kinds: ["docx", "csv"], templates: root, to: root)
        #expect(written.map { $0.url.lastPathComponent } == ["indicators.csv"])
    }

    @Test func aBrokenTagIsAnErrorNamingItAndNothingIsWritten() throws {
        let broken = try Self.shippedTemplate { $0.replacingOccurrences(of: "{{title}}", with: "{{title") }
        let root = try Self.templatesFolder(docx: broken)
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let error = try #require(throws: WordTemplateError.self) {
            try ReportOutputs.write(model: RenderFixtures.canTho(), issues: [], kinds: ["csv", "docx"], templates: root, to: out)
        }
        #expect(error.kind == .unclosedTag)
        #expect(error.description.contains("bao-cao.docx") && error.description.contains("{{title"), "\(error)")
        // Rendered first, written after: the CSV rendered before the broken template is not written either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
