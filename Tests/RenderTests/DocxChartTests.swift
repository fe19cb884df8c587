import Core
import Foundation
import Model
import OfficeXML
import Presentation
@testable import Render
import TestSupport
import Testing
import WordTemplate

/// The Word report's native charts (`DocxBarChart`, `DocxLineChart`): what each chart part says
/// (categories in the spec's order, colours, target, axis, gaps), that its caches hold exactly
/// the embedded workbook's values, and that real clients accept both: the schema kit
/// (tools/ooxml/validate.sh) on the report and on every embedded workbook, openpyxl reading the
/// workbooks. LibreOffice drawing the sample's chart is in EndToEndTests (DocxRunTests).
@Suite(.serialized) struct DocxChartTests {
    static let fullTests = ProcessInfo.processInfo.environment["XHHT_FULL_TESTS"] == "1"
    static let validator = DocxReportTests.templatesRoot.deletingLastPathComponent().appendingPathComponent("tools/ooxml/validate.sh").path
    static let hasValidator = FileManager.default.fileExists(atPath: validator)
        && ["/usr/bin/unzip", "/usr/bin/xmllint", "/usr/bin/xsltproc"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let python: URL? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let python = URL(fileURLWithPath: "\(dir)/python3")
            guard FileManager.default.isExecutableFile(atPath: python.path) else { continue }
            if let r = try? ChildProcess.run(python, ["-c", "import openpyxl"], timeout: 60), r.status == 0 { return python }
            return nil
        }
        return nil
    }()

    static func render(_ model: ReportModel) throws -> ZipContainer {
        let bytes = try DocxReport.render(model: model, template: WordTemplate(path: DocxReportTests.templatePath))
        return try ZipContainer(bytes: bytes, name: "bao-cao.docx")
    }

    static var annual: ReportModel { RenderFixtures.canTho() }
    static var review: ReportModel { RenderFixtures.canTho(kind: .review2023To2025, year: 2025) }

    /// What a chart part holds: per series its name, value formula and cached points; the
    /// categories' formula and cache; the settings the tests look at.
    struct ChartProbe {
        struct Series {
            var name = ""
            var nameFormula = ""
            var formula = ""
            var count = 0
            var points: [Int: String] = [:]
            var categoryFormula = ""
            var categories: [Int: String] = [:]
            var fills: [String] = []
        }
        var kind = ""
        var series: [Series] = []
        var elements: [String: String] = [:]   // "c:orientation" -> val of the first one, etc.
        var valAxisMax = ""
        var valAxisMin = ""
        var majorUnit = ""

        init(_ bytes: [UInt8]) throws {
            var path: [String] = []
            for event in try XMLEventReader.read(bytes, file: "chart", part: "chart") {
                switch event {
                case .start(let tag):
                    path.append(tag.qualifiedName)
                    let val = tag.attribute("val")
                    switch tag.qualifiedName {
                    case "c:barChart", "c:lineChart": kind = tag.qualifiedName
                    case "c:ser": series.append(Series())
                    case "c:pt":
                        let idx = Int(tag.attribute("idx") ?? "") ?? -1
                        if path.contains("c:numCache") { series[series.count - 1].points[idx] = "" }
                        if path.contains("c:cat") { series[series.count - 1].categories[idx] = "" }
                    case "c:ptCount" where path.contains("c:numCache"): series[series.count - 1].count = Int(val ?? "") ?? -1
                    case "a:srgbClr" where path.contains("c:dPt") && !path.contains("a:ln") && !path.contains("c:marker"):
                        series[series.count - 1].fills.append(tag.attribute("val") ?? "")
                    case "c:max" where path.contains("c:valAx"): valAxisMax = val ?? ""
                    case "c:min" where path.contains("c:valAx"): valAxisMin = val ?? ""
                    case "c:majorUnit": majorUnit = val ?? ""
                    default: if let val, elements[tag.qualifiedName] == nil { elements[tag.qualifiedName] = val }
                    }
                case .end:
                    path.removeLast()
                case .text(_, let text):
                    guard path.last == "c:v" || path.last == "c:f", !series.isEmpty else { continue }
                    let i = series.count - 1
                    if path.contains("c:tx") {
                        if path.last == "c:f" { series[i].nameFormula = text } else { series[i].name = text }
                    } else if path.contains("c:cat") {
                        if path.last == "c:f" { series[i].categoryFormula = text } else if let k = series[i].categories.keys.max() { series[i].categories[k] = text }
                    } else if path.contains("c:val") {
                        if path.last == "c:f" { series[i].formula = text } else if let k = series[i].points.keys.max() { series[i].points[k] = text }
                    }
                default: break
                }
            }
        }
    }

    static func chartParts(_ docx: ZipContainer) -> [String] {
        docx.partNames.filter { $0.hasPrefix("word/charts/chart") }
    }

    @Test func theAnnualReportHasABarChartPerIndicatorDrawnFromItsSpec() throws {
        let report = ReportPresenter(model: Self.annual).present()
        let docx = try Self.render(Self.annual)
        let parts = Self.chartParts(docx)
        #expect(parts.count == report.indicators.count)
        let document = String(decoding: try docx.readPart("word/document.xml"), as: UTF8.self)
        for (i, indicator) in report.indicators.enumerated() {
            let spec = indicator.chart
            let chart = try ChartProbe(try docx.readPart("word/charts/chart\(i + 1).xml"))
            #expect(chart.kind == "c:barChart")
            #expect(chart.elements["c:barDir"] == "bar" && chart.elements["c:grouping"] == "clustered")
            #expect(chart.elements["c:orientation"] == "maxMin", "the first unit at the top")
            #expect(chart.valAxisMax == SpreadsheetCell.xmlNumber(spec.scaleMax))
            #expect(Double(chart.majorUnit) == spec.ticks[1].value)
            let rate = try #require(chart.series.last)
            #expect(rate.categories.keys.sorted().map { rate.categories[$0]! } == spec.bars.map(\.label))
            #expect(rate.count == spec.bars.count)
            for (k, bar) in spec.bars.enumerated() {
                #expect(rate.points[k].flatMap(Double.init) == bar.value?.doubleValue)
                let colour = bar.met.map { $0 ? "1B7A3A" : "B3261E" } ?? "8A8A8A"
                #expect(rate.fills[k] == colour, "\(bar.label)")
            }
            #expect(rate.formula == "Sheet1!$B$2:$B$\(spec.bars.count + 1)")
            #expect(rate.categoryFormula == "Sheet1!$A$2:$A$\(spec.bars.count + 1)")
            if let target = spec.target {
                #expect(chart.series.count == 2)
                #expect(chart.series[0].name == spec.targetText && chart.series[0].formula == "Sheet1!$C$2:$C$\(spec.bars.count + 1)")
                #expect(Set(chart.series[0].points.values.compactMap(Double.init)) == [target.doubleValue])
            } else {
                #expect(chart.series.count == 1)
            }
            // Its drawing: the text alternative is the spec's description.
            #expect(document.contains("descr=\"\(XMLEscaping.attribute(spec.description))\""), "\(indicator.id)")
        }
        // The report unit's bar is outlined.
        let first = String(decoding: try docx.readPart("word/charts/chart1.xml"), as: UTF8.self)
        #expect(first.contains("<c:dPt><c:idx val=\"0\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"1B7A3A\"/></a:solidFill><a:ln w=\"15875\">")
                || first.contains("<c:dPt><c:idx val=\"0\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill><a:srgbClr val=\"B3261E\"/></a:solidFill><a:ln w=\"15875\">"))
    }

    @Test func aReviewReportAddsALineChartPerTrendWithGapsAndTheTarget() throws {
        let report = ReportPresenter(model: Self.review).present()
        try #require(!report.trends.isEmpty)
        let docx = try Self.render(Self.review)
        let parts = Self.chartParts(docx)
        #expect(parts.count == report.indicators.count + report.trends.count)
        for (i, trend) in report.trends.enumerated() {
            let spec = trend.chart
            let chart = try ChartProbe(try docx.readPart("word/charts/chart\(report.indicators.count + i + 1).xml"))
            #expect(chart.kind == "c:lineChart")
            #expect(chart.elements["c:dispBlanksAs"] == "gap")
            // The page's axis: fitted to the values and targets, a gridline at each round tick.
            let axis = spec.axis
            #expect(chart.valAxisMin == SpreadsheetCell.xmlNumber(axis.min) && chart.valAxisMax == SpreadsheetCell.xmlNumber(axis.max),
                    "\(trend.id): \(chart.valAxisMin)-\(chart.valAxisMax), spec \(axis.min)-\(axis.max)")
            if axis.ticks.count > 1 {
                #expect(abs((Double(chart.majorUnit) ?? 0) - (axis.ticks[1].value - axis.ticks[0].value)) < 1e-9)
            }
            let hasTarget = !spec.targetPoints.isEmpty
            #expect(chart.series.count == spec.shownSeries.count + (hasTarget ? 1 : 0))
            for (k, series) in spec.shownSeries.enumerated() {
                #expect(chart.series[k].name == series.name)
                #expect(chart.series[k].categories.keys.sorted().map { chart.series[k].categories[$0]! } == spec.years.map(String.init))
                for (y, year) in spec.years.enumerated() {
                    let value = series.points.first { $0.year == year }?.value?.doubleValue
                    #expect(chart.series[k].points[y].flatMap(Double.init) == value, "\(series.name) \(year)")
                }
            }
            if hasTarget { #expect(chart.series.last?.name == spec.targetText) }
        }
    }

    @Test func aYearWithoutAValueIsAGapInTheChartAndAnEmptyCellInTheWorkbook() throws {
        let spec = LineChartSpec(title: "Tỷ lệ qua các năm", description: "…", years: [2023, 2024, 2025], series: [
            .init(name: "Toàn tỉnh", points: [.init(year: 2023, value: Fraction(7, 10), valueText: "70,00%"),
                                             .init(year: 2024, value: nil, valueText: "—"),
                                             .init(year: 2025, value: Fraction(4, 5), valueText: "80,00%", reexpressed: true)], emphasized: true),
        ], targets: [2024: Fraction(3, 4)])
        let chart = DocxLineChart(spec: spec, id: "t")
        let probe = try ChartProbe(chart.chartXML())
        #expect(probe.series[0].count == 3 && probe.series[0].points == [0: "0.7", 2: "0.8"])
        #expect(probe.series[1].points == [1: "0.75"])   // the target only where one is in force
        #expect(probe.elements["c:dispBlanksAs"] == "gap")
        let rows = chart.workbook().sheets[0].rows
        #expect(rows[2][1] == nil && rows[2][0] == .text("2024"))
        #expect(rows[3][1] == .number(0.8, format: .percent2))
        // The re-expressed point has a hollow (white) marker.
        let xml = String(decoding: chart.chartXML(), as: UTF8.self)
        #expect(xml.contains("<c:dPt><c:idx val=\"2\"/><c:marker><c:symbol val=\"circle\"/><c:size val=\"7\"/><c:spPr><a:solidFill><a:srgbClr val=\"FFFFFF\"/>"))
    }

    @Test func aChartWithoutTargetHasNoTargetSeriesNorLegend() throws {
        let spec = BarChartSpec(title: "Tỷ lệ theo quận, huyện", description: "…", bars: [
            .init(label: "Quận Ninh Kiều", value: Fraction(5, 9), valueText: "55,56%", met: nil),
            .init(label: "Huyện Cờ Đỏ", value: nil, valueText: "chưa có số liệu", met: nil),
        ], target: nil, targetText: "")
        let chart = DocxBarChart(spec: spec, id: "b")
        let probe = try ChartProbe(chart.chartXML())
        #expect(probe.series.count == 1 && probe.series[0].points.keys.sorted() == [0] && probe.series[0].count == 2)
        #expect(probe.series[0].fills == ["8A8A8A", "8A8A8A"])
        #expect(!String(decoding: chart.chartXML(), as: UTF8.self).contains("c:legend"))
        #expect(chart.workbook().sheets[0].rows == [[.text("Đơn vị", bold: true), .text("Tỷ lệ", bold: true)],
                                                    [.text("Quận Ninh Kiều"), .number(5.0 / 9.0, format: .percent2)],
                                                    [.text("Huyện Cờ Đỏ"), nil]])
        // Every unit is named (no label skipped), in smaller type beyond 30 bars.
        let few = String(decoding: chart.chartXML(), as: UTF8.self)
        #expect(few.contains("<c:tickLblSkip val=\"1\"/>") && few.contains("<a:defRPr sz=\"900\""))
        var national = spec
        national.bars = (1...64).map { .init(label: "Tỉnh số \($0)", value: Fraction($0, 64), valueText: "", met: nil) }
        let many = String(decoding: DocxBarChart(spec: national, id: "n").chartXML(), as: UTF8.self)
        // The names (category axis) and the values (data labels) in 7 pt; the rest as before.
        #expect(many.contains("<c:tickLblSkip val=\"1\"/>") && many.components(separatedBy: "<a:defRPr sz=\"700\"").count - 1 == 2)
        #expect(few.components(separatedBy: "<a:defRPr sz=\"700\"").count == 1)
        // Taller with more bars, never beyond a page.
        #expect(DocxBarChart.height(bars: 10) > DocxBarChart.height(bars: 2))
        #expect(DocxBarChart.height(bars: 700) == DocxBarChart.height(bars: 64))
        #expect(DocxBarChart.height(bars: 700) <= 22 * 360_000)
    }

    /// Both reports through the schema kit: the document with its chart parts, then embedded
    /// workbooks on their own (validate.sh does not open a package inside a package).
    @Test(.enabled(if: fullTests || hasValidator,
                   "skipped: tools/ooxml/validate.sh, unzip, xmllint or xsltproc missing (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func theReportsAndTheirEmbeddedWorkbooksValidate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-docx-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, model) in [("nam", Self.annual), ("so-ket", Self.review)] {
            let bytes = try DocxReport.render(model: model, template: WordTemplate(path: DocxReportTests.templatePath))
            let file = folder.appendingPathComponent("\(name).docx")
            try Data(bytes).write(to: file)
            let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [Self.validator, file.path])
            #expect(r.status == 0, "\(name): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("OK   word/charts/chart1.xml") && r.stdout.contains("OK   word/charts/_rels/chart1.xml.rels"), "\(r.stdout)")
            let docx = try ZipContainer(bytes: bytes, name: name)
            let workbooks = docx.partNames.filter { $0.hasPrefix("word/embeddings/") }
            #expect(workbooks.count == Self.chartParts(docx).count)
            // The first and the last: a bar chart's, and in the review a line chart's (the
            // others are written by the same code; validating all ~30 takes half a minute).
            for part in Set([workbooks.first, workbooks.last].compactMap { $0 }).sorted() {
                let xlsx = folder.appendingPathComponent("\(name)-\(part.split(separator: "/").last!)")
                try Data(try docx.readPart(part)).write(to: xlsx)
                let v = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [Self.validator, xlsx.path])
                #expect(v.status == 0 && v.stdout.contains("OK   xl/worksheets/sheet1.xml"), "\(name) \(part): \(v.stdout)")
            }
        }
    }

    /// openpyxl reads every embedded workbook, and each chart's caches are exactly its cells:
    /// what Word draws is what "Edit data" opens.
    @Test(.enabled(if: fullTests || python != nil,
                   "skipped: python3 with openpyxl missing (apt-get install python3-openpyxl; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func openpyxlReadsTheWorkbooksAndTheyEqualTheChartsCaches() throws {
        let python = try #require(Self.python)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-docx-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each cell "SHEET!$C$R" -> its value, as JSON (None as null); numbers as Python's
        // repr (the shortest text that reads back as the same double), compared as doubles
        // parsed by Swift: JSONSerialization's own number parsing is not exact.
        let script = """
            import sys, json, openpyxl
            def v(x):
                return {"n": repr(x)} if isinstance(x, (int, float)) and not isinstance(x, bool) else x
            for path in sys.argv[1:]:
                ws = openpyxl.load_workbook(path)["Sheet1"]
                print(json.dumps({f"Sheet1!${c.column_letter}${c.row}": v(c.value) for row in ws.iter_rows() for c in row}))
            """
        // Every chart of both reports, its workbook written out; one python3 reads them all.
        var charts: [(part: String, probe: ChartProbe, xlsx: URL)] = []
        for (m, model) in [Self.annual, Self.review].enumerated() {
            let docx = try Self.render(model)
            for part in Self.chartParts(docx) {
                let number = part.dropFirst("word/charts/chart".count).dropLast(".xml".count)
                let rels = String(decoding: try docx.readPart("word/charts/_rels/chart\(number).xml.rels"), as: UTF8.self)
                let target = try #require(rels.range(of: "../embeddings/").map { rels[$0.upperBound...].prefix { $0 != "\"" } })
                let xlsx = folder.appendingPathComponent("\(m)-\(target)")
                try Data(try docx.readPart("word/embeddings/\(target)")).write(to: xlsx)
                charts.append(("\(m): \(part)", try ChartProbe(try docx.readPart(part)), xlsx))
            }
        }
        let r = try ChildProcess.run(python, ["-c", script] + charts.map(\.xlsx.path))
        try #require(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        try #require(lines.count == charts.count)
        var compared = 0
        for ((part, chart, _), line) in zip(charts, lines) {
            let cells = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            func cell(_ reference: String) -> Any? { cells[reference].flatMap { $0 is NSNull ? nil : $0 } }
            /// "Sheet1!$B$2:$B$11" -> the references of its cells.
            func expand(_ range: String) -> [String] {
                let parts = range.dropFirst("Sheet1!".count).split(separator: ":").map { $0.split(separator: "$") }
                guard let first = parts.first, first.count == 2, let from = Int(first[1]) else { return [] }
                let to = parts.count == 2 ? Int(parts[1][1]) ?? from : from
                return (from...to).map { "Sheet1!$\(first[0])$\($0)" }
            }
            for series in chart.series {
                #expect(cell(series.nameFormula) as? String == series.name, "\(part) \(series.nameFormula)")
                let values = expand(series.formula), categories = expand(series.categoryFormula)
                #expect(values.count == series.count && categories.count == series.count, "\(part)")
                for (k, reference) in values.enumerated() {
                    let cached = series.points[k].flatMap(Double.init)
                    let stored = ((cell(reference) as? [String: Any])?["n"] as? String).flatMap(Double.init)
                    #expect(cached == stored, "\(part) \(reference): cache \(String(describing: cached)), workbook \(String(describing: stored))")
                    #expect(cell(categories[k]) as? String == series.categories[k], "\(part) \(categories[k])")
                    compared += 1
                }
            }
        }
        #expect(compared > 300, "only \(compared) cached points compared")
    }

    @Test func theSameModelGivesTheSameChartsBytes() throws {
        let a = try DocxReport.render(model: Self.review, template: WordTemplate(path: DocxReportTests.templatePath))
        let b = try DocxReport.render(model: Self.review, template: WordTemplate(path: DocxReportTests.templatePath))
        #expect(a == b)
    }
}
