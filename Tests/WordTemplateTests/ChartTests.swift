import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

/// Charts placed by the engine: `{{chart}}` renders as a marker, and the marker becomes an
/// inline drawing with its parts, relationships and content types (docs/word-templates.md,
/// "Charts"). The chart parts here are small stand-ins: what matters is where they go.
@Suite("Word templates: charts")
struct ChartTests {
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    static func chart(_ id: String, workbook: [UInt8]? = Array("PK-not-really-a-workbook".utf8)) -> WordChart {
        let xml = WordFixture.xml { w in
            w.start("c:chartSpace", attributes: [("xmlns:c", chartNamespace)])
            w.element("c:lang", attributes: [("val", id)])
            w.end()
        }
        return WordChart(id: id, chartXML: xml, workbook: workbook, width: 5_940_000, height: 3_240_000,
                         name: "Biểu đồ \(id)", altText: "Tỷ lệ của \(id) & các huyện")
    }

    /// The document's runs in order, each as "text" or "[drawing rId]", with "b" when bold.
    static func runs(_ out: WordReader) throws -> [String] {
        var result: [String] = []
        var bold = false, text = "", drawing: String?
        var inRun = false, inText = false
        for event in try out.events() {
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "r": inRun = true; bold = false; text = ""; drawing = nil
                case "b" where inRun: bold = true
                case "t": inText = true
                case "chart": drawing = tag.attribute("r:id")
                default: break
                }
            case .end(let name, _):
                if name == "w:t" { inText = false }
                if name == "w:r" {
                    result.append((drawing.map { "[drawing \($0)]" } ?? text) + (bold ? " b" : ""))
                    inRun = false
                }
            case .text(_, let decoded) where inText:
                text += decoded
            default: break
            }
        }
        return result
    }

    @Test func aMarkerInTheMiddleOfTextSplitsItsRunKeepingTheFormatting() throws {
        let template = try WordTemplate(bytes: try WordFixture.docx { w in
            w.paragraph { w in w.run("Hình 1: {{chart}} (nguồn: {{nguon}})", bold: true) }
        }, name: "mau.docx")
        let chart = Self.chart("a")
        let out = try WordReader(try template.render(["chart": chart, "nguon": "xhht"], charts: [chart]))
        #expect(try Self.runs(out) == ["Hình 1:  b", "[drawing rIdChart1] b", " (nguồn: xhht) b"])
        #expect(try out.paragraphs() == ["Hình 1:  (nguồn: xhht)"])
        let xml = try out.xml()
        #expect(xml.contains("<wp:docPr id=\"1\" name=\"Biểu đồ a\" descr=\"Tỷ lệ của a &amp; các huyện\"/>"))
        #expect(xml.contains("<wp:extent cx=\"5940000\" cy=\"3240000\"/>"))
        #expect(!xml.contains("\u{E000}") && !xml.contains("xhht-chart"))
    }

    @Test func aMarkerAloneAddsTheChartPartsRelationshipsAndContentTypes() throws {
        let template = try WordTemplate(bytes: try WordFixture.docx { w in
            w.paragraph { w in w.run("{{chart}}") }
        }, name: "mau.docx")
        let chart = Self.chart("a")
        let out = try WordReader(try template.render(["chart": chart], charts: [chart]))
        #expect(try Self.runs(out) == ["", "[drawing rIdChart1]", ""])
        let parts = out.container.partNames
        #expect(Array(parts.suffix(3)) == ["word/charts/chart1.xml", "word/charts/_rels/chart1.xml.rels", "word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])
        #expect(try out.container.readPart("word/charts/chart1.xml") == chart.chartXML)
        #expect(try out.container.readPart("word/embeddings/Microsoft_Excel_Worksheet1.xlsx") == chart.workbook)
        let chartRels = try out.xml("word/charts/_rels/chart1.xml.rels")
        #expect(chartRels.contains("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/package\" Target=\"../embeddings/Microsoft_Excel_Worksheet1.xlsx\""))
        let rels = try out.xml("word/_rels/document.xml.rels")
        #expect(rels.contains("<Relationship Id=\"rIdChart1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart1.xml\"/></Relationships>"))
        #expect(rels.contains("Id=\"rId4\""))   // the template's own relationships stay
        let types = try out.xml("[Content_Types].xml")
        #expect(types.contains("<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"))
        #expect(types.contains("<Override PartName=\"/word/charts/chart1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"))
        // Every XML part still reads.
        for part in parts where part.hasSuffix(".xml") || part.hasSuffix(".rels") { _ = try out.events(part) }
    }

    @Test func aChartInATableCellAndTwoChartsGetTheirOwnIdsAndParts() throws {
        let template = try WordTemplate(bytes: try WordFixture.docx { w in
            w.paragraph { w in w.run("{{#hang}}") }
            w.table([[["{{ten}}"], ["{{chart}}"]]])
            w.paragraph { w in w.run("{{/hang}}") }
        }, name: "mau.docx")
        let a = Self.chart("a"), b = Self.chart("b", workbook: nil)
        let out = try WordReader(try template.render(["hang": [["ten": "Cờ Đỏ", "chart": a], ["ten": "Ô Môn", "chart": b]]], charts: [a, b]))
        #expect(try out.rows().map { $0.first ?? "" } == ["Cờ Đỏ", "Ô Môn"])
        let xml = try out.xml()
        #expect(xml.contains("<wp:docPr id=\"1\" name=\"Biểu đồ a\"") && xml.contains("<wp:docPr id=\"2\" name=\"Biểu đồ b\""))
        #expect(xml.contains("r:id=\"rIdChart1\"") && xml.contains("r:id=\"rIdChart2\""))
        // The drawing sits in a run of the cell's paragraph.
        #expect(xml.contains("<w:tc><w:p><w:r><w:t xml:space=\"preserve\"></w:t></w:r><w:r><w:drawing>"))
        #expect(try out.container.readPart("word/charts/chart2.xml") == b.chartXML)
        // A chart without a workbook has no _rels and no embedding.
        #expect(!out.container.partNames.contains("word/charts/_rels/chart2.xml.rels"))
        #expect(out.container.partNames.filter { $0.hasPrefix("word/embeddings/") } == ["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"])
    }

    @Test func namesAndIdsAlreadyInTheTemplateAreNotReused() throws {
        // A template that already has a drawing (docPr 7), a chart part and an rIdChart1.
        let document = WordFixture.xml { w in
            w.start("w:document", attributes: [("xmlns:w", WordFixture.w), ("xmlns:r", WordFixture.r),
                                               ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing")])
            w.start("w:body")
            w.paragraph { w in
                w.start("w:r")
                w.start("w:drawing")
                w.start("wp:inline")
                w.element("wp:extent", attributes: [("cx", "100"), ("cy", "100")])
                w.element("wp:docPr", attributes: [("id", "7"), ("name", "Ảnh")])
                w.end()
                w.end()
                w.end()
            }
            w.paragraph { w in w.run("{{chart}}") }
            w.end()
            w.end()
        }
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", WordFixture.contentTypes)
        zip.add("_rels/.rels", WordFixture.relationships([("rId1", "officeDocument", "word/document.xml")]))
        zip.add("word/document.xml", document)
        zip.add("word/_rels/document.xml.rels", WordFixture.relationships([("rIdChart1", "chart", "charts/chart1.xml")]))
        zip.add("word/charts/chart1.xml", Array("<c:chartSpace xmlns:c=\"\(Self.chartNamespace)\"/>".utf8))
        zip.add("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", [1, 2, 3], compression: .store)
        let template = try WordTemplate(bytes: try zip.archiveBytes(), name: "mau.docx")
        let chart = Self.chart("moi")
        let out = try WordReader(try template.render(["chart": chart], charts: [chart]))
        let xml = try out.xml()
        #expect(xml.contains("<wp:docPr id=\"8\" name=\"Biểu đồ moi\""))
        #expect(xml.contains("r:id=\"rIdChart2\""))
        #expect(try out.container.readPart("word/charts/chart1.xml") == Array("<c:chartSpace xmlns:c=\"\(Self.chartNamespace)\"/>".utf8))
        #expect(try out.container.readPart("word/charts/chart2.xml") == chart.chartXML)
        #expect(try out.container.readPart("word/embeddings/Microsoft_Excel_Worksheet2.xlsx") == chart.workbook)
        #expect(try out.xml("word/charts/_rels/chart2.xml.rels").contains("Target=\"../embeddings/Microsoft_Excel_Worksheet2.xlsx\""))
        #expect(try out.xml("word/_rels/document.xml.rels").contains("Id=\"rIdChart2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart2.xml\""))
    }

    @Test func aChartTheDocumentDoesNotHoldAddsNoPart() throws {
        let bytes = try WordFixture.docx(header: "Trang {{chart}}") { w in
            w.paragraph { w in w.run("{{#coBieuDo}}{{chart}}{{/coBieuDo}}Không có biểu đồ.") }
        }
        let template = try WordTemplate(bytes: bytes, name: "mau.docx")
        let chart = Self.chart("a")
        let rendered = try template.render(["chart": chart, "coBieuDo": false], charts: [chart])
        let out = try WordReader(rendered)
        let original = try ZipContainer(bytes: bytes, name: "mau.docx")
        #expect(out.container.partNames == original.partNames)
        for part in ["[Content_Types].xml", "word/_rels/document.xml.rels"] {
            #expect(try out.container.readPart(part) == original.readPart(part), "\(part)")
        }
        // In a header a chart cannot be placed: its marker is removed, the text stays.
        #expect(try out.paragraphs("word/header1.xml") == ["Trang "])
        #expect(try out.paragraphs() == ["Không có biểu đồ."])
    }

    @Test func theSameChartsGiveTheSameBytes() throws {
        let bytes = try WordFixture.docx { w in
            w.paragraph { w in w.run("{{a}}") }
            w.paragraph { w in w.run("Hình {{b}}.") }
        }
        let a = Self.chart("a"), b = Self.chart("b")
        let first = try WordTemplate(bytes: bytes, name: "mau.docx").render(["a": a, "b": b], charts: [a, b])
        let second = try WordTemplate(bytes: bytes, name: "mau.docx").render(["a": a, "b": b], charts: [a, b])
        #expect(first == second)
        #expect(try WordTemplate(bytes: bytes, name: "mau.docx").render(["a": b, "b": a], charts: [a, b]) != first)
    }

    @Test func aMarkerIsPrivateTextAndTheIdIsKeptSafe() {
        let chart = WordChart(id: "chỉ tiêu 1/<x>", chartXML: [], workbook: nil, width: 1, height: 1, name: "", altText: "")
        #expect(chart.id == "chtiu1x")
        #expect(chart.renderText == "\u{E000}xhht-chart:chtiu1x\u{E001}")
        #expect(ChartPlacement.removingMarkers("a\u{E000}xhht-chart:x\u{E001}b") == "ab")
    }

    // MARK: the two ways of placing

    /// A body as the engine renders it: markers in run text, formatted runs, a tracked change
    /// holding an older w:rPr, a table cell, text around the markers.
    static let renderedBody = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
        <w:p><w:r w:rsidR="00A1"><w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>\
        <w:t>Hình &amp; 1: \(WordChart.markerStart)a\(WordChart.markerEnd) sau</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">\(WordChart.markerStart)b\(WordChart.markerEnd)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:rPr/><w:t>\(WordChart.markerStart)khong-co\(WordChart.markerEnd)x</w:t></w:r></w:p>\
        <w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id='41' name="cu"/></wp:inline></w:drawing></w:r></w:p>\
        </w:body></w:document>
        """

    /// The splice in the bytes gives the same document as the event-by-event placement: the
    /// same runs, drawings, ids and text, each run keeping its formatting.
    @Test func splicingTheBytesGivesWhatReadingTheEventsGives() throws {
        let bytes = Array(Self.renderedBody.utf8)
        let charts = ["a": Self.chart("a"), "b": Self.chart("b")]
        #expect(MarkerSplice.largestDrawingID(bytes) == 41)
        var counter = 0
        var next = 42
        let fast = try #require(MarkerSplice.splice(bytes, charts: charts, nextDrawingID: &next, newRelationshipID: { counter += 1; return "rIdChart\(counter)" }))
        #expect(next == 44 && fast.placed.map(\.relationshipID) == ["rIdChart1", "rIdChart2"])
        counter = 0
        var placement = ChartPlacement(charts: charts, nextDrawingID: 42, newRelationshipID: { counter += 1; return "rIdChart\(counter)" })
        let slow = placement.place(try XMLEventReader.read(bytes, file: "t", part: "word/document.xml"))
        #expect(fast.placed.map(\.chart.id) == slow.placed.map(\.chart.id))
        func canonical(_ b: [UInt8]) throws -> [String] {
            try XMLEventReader.read(b, file: "t", part: "p").compactMap { event -> String? in
                switch event {
                case .start(let tag): return "<" + tag.qualifiedName + tag.attributes.map { " \($0.qualifiedName)=\($0.value)" }.joined()
                case .end(let name, _): return "</" + name
                case .text(_, let decoded): return decoded.isEmpty ? nil : decoded
                default: return nil
                }
            }
        }
        #expect(try canonical(fast.bytes) == canonical(slow.bytes))
        let text = String(decoding: fast.bytes, as: UTF8.self)
        #expect(text.contains("<w:drawing><wp:inline") && text.contains("<wp:docPr id=\"42\"") && text.contains("<wp:docPr id=\"43\""))
        #expect(!text.contains("xhht-chart"))
        // Every piece of the split run keeps the run's properties, the tracked change with them.
        #expect(text.components(separatedBy: "<w:rPr><w:b/><w:rPrChange").count == 4)
    }

    /// A body of another shape (another prefix for WordprocessingML, a marker in an attribute)
    /// is not spliced: the events are read, and the chart is still placed.
    @Test func aPartOfAnotherShapeIsPlacedFromItsEvents() throws {
        let marker = WordChart.markerStart + "a" + WordChart.markerEnd
        let otherPrefix = Array("""
            <x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body>\
            <x:p><x:r><x:t>\(marker)</x:t></x:r></x:p></x:body></x:document>
            """.utf8)
        var next = 1
        #expect(MarkerSplice.splice(otherPrefix, charts: ["a": Self.chart("a")], nextDrawingID: &next, newRelationshipID: { "rIdChart1" }) == nil)
        var placement = ChartPlacement(charts: ["a": Self.chart("a")], nextDrawingID: 1, newRelationshipID: { "rIdChart1" })
        let slow = placement.place(try XMLEventReader.read(otherPrefix, file: "t", part: "p"))
        #expect(slow.placed.count == 1 && String(decoding: slow.bytes, as: UTF8.self).contains("<x:drawing>"))
        let inAttribute = Array("""
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            <w:p><w:r><w:t w:x="\(marker)">a</w:t></w:r></w:p></w:body></w:document>
            """.utf8)
        #expect(MarkerSplice.splice(inAttribute, charts: ["a": Self.chart("a")], nextDrawingID: &next, newRelationshipID: { "rIdChart1" }) == nil)
        #expect(next == 1, "nothing taken when the splice gives up")
    }
}
