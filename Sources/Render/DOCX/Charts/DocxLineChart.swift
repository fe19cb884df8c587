import OfficeXML
import Presentation
import WordTemplate

/// A trend's `LineChartSpec` as a native, editable Word chart (`c:lineChart`): the years as
/// categories, one line per shown unit (the report unit thicker, in black, as the HTML page's
/// `LineChartSVG` draws it), the target in force each year as its own dashed series, and the
/// embedded workbook behind it.
///
///     let chart = try DocxLineChart(spec: trend.chart, id: "xu-huong-1").wordChart()
///
/// - The workbook (Sheet1): A the year (as text: a category, not a number to sum), then one
///   column per shown unit, then the target; row 1 the headers. Formulas and caches as in
///   `DocxBarChart`.
/// - A year without a value is an empty cell and no point: the line breaks there
///   (`c:dispBlanksAs gap`), as on the page. A re-expressed point has a hollow marker.
/// - The value axis is the page's: `spec.axis`, fitted to the values and targets with a
///   gridline at each of its round ticks, so that rates crowded between 85% and 95% spread out.
/// - 165 x 90 mm, the legend on the right.
public struct DocxLineChart: Sendable {
    public var spec: LineChartSpec
    public var id: String

    public init(spec: LineChartSpec, id: String) {
        self.spec = spec
        self.id = id
    }

    static let width = DocxBarChart.width
    static let height = 3_240_000
    /// The page's palette (`LineChartSVG.palette`), without the "#".
    static let palette = LineChartSVG.palette.map { String($0.dropFirst()) }

    public func wordChart() throws -> WordChart {
        WordChart(id: id, chartXML: chartXML(), workbook: try workbook().archiveBytes(),
                  width: Self.width, height: Self.height, name: spec.title, altText: spec.description)
    }

    var shown: [LineChartSpec.Series] { spec.shownSeries }

    /// Each shown series' value per year of the axis (nil: no point).
    var columns: [[Double?]] {
        shown.map { s in spec.years.map { year in s.points.first { $0.year == year }?.value?.doubleValue } }
    }

    var targetColumn: [Double?]? {
        spec.targetPoints.isEmpty ? nil : spec.years.map { spec.targets[$0]?.doubleValue }
    }

    /// Sheet1: year, one column per unit, the target.
    func workbook() -> SpreadsheetWorkbook {
        var header: [SpreadsheetCell?] = [.text("Năm", bold: true)] + shown.map { .text($0.name, bold: true) }
        if targetColumn != nil { header.append(.text(spec.targetText, bold: true)) }
        var rows = [header]
        let columns = self.columns, target = targetColumn
        for (y, year) in spec.years.enumerated() {
            var row: [SpreadsheetCell?] = [.text(String(year))]
            row += columns.map { $0[y].map { .number($0, format: .percent2) } }
            if let target { row.append(target[y].map { .number($0, format: .percent2) }) }
            rows.append(row)
        }
        let widths: [Double?] = [8] + Array(repeating: 24, count: header.count - 1)
        return SpreadsheetWorkbook(sheets: [SpreadsheetSheet(name: ChartSpaceWriter.sheet, rows: rows, columnWidths: widths)])
    }

    func chartXML() -> [UInt8] {
        var c = ChartSpaceWriter()
        c.open(title: spec.title)
        c.w.start("c:lineChart")
        c.w.element("c:grouping", attributes: [("val", "standard")])
        c.w.element("c:varyColors", attributes: [("val", "0")])
        let years = spec.years.map(String.init)
        for (i, s) in shown.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            c.w.start("c:ser")
            c.w.element("c:idx", attributes: [("val", String(i))])
            c.w.element("c:order", attributes: [("val", String(i))])
            c.seriesName(s.name, column: i + 1)
            c.lineProperties(colour: colour, width: s.emphasized ? 38_100 : 19_050)
            marker(&c, colour: colour, hollow: false)
            for (y, year) in spec.years.enumerated() where s.points.contains(where: { $0.year == year && $0.reexpressed && $0.value != nil }) {
                c.w.start("c:dPt")
                c.w.element("c:idx", attributes: [("val", String(y))])
                marker(&c, colour: colour, hollow: true)
                c.w.element("c:bubble3D", attributes: [("val", "0")])
                c.w.end("c:dPt")
            }
            c.categories(years)
            c.values(columns[i], column: i + 1, format: "0.00%")
            c.w.element("c:smooth", attributes: [("val", "0")])
            c.w.end("c:ser")
        }
        if let target = targetColumn {
            let column = shown.count + 1
            c.w.start("c:ser")
            c.w.element("c:idx", attributes: [("val", String(shown.count))])
            c.w.element("c:order", attributes: [("val", String(shown.count))])
            c.seriesName(spec.targetText, column: column)
            c.lineProperties(colour: DocxBarChart.targetColour, width: 25_400, dashed: true)
            c.w.start("c:marker")
            c.w.element("c:symbol", attributes: [("val", "none")])
            c.w.end("c:marker")
            c.categories(years)
            c.values(target, column: column, format: "0.00%")
            c.w.element("c:smooth", attributes: [("val", "0")])
            c.w.end("c:ser")
        }
        c.w.element("c:marker", attributes: [("val", "1")])
        c.w.element("c:axId", attributes: [("val", "10")])
        c.w.element("c:axId", attributes: [("val", "20")])
        c.w.end("c:lineChart")

        c.categoryAxis(position: "b", reversed: false, tickMark: "out", labelSize: 900, everyLabel: false)

        // The axis the page's SVG draws: fitted to the values and targets, ticks at a round step.
        let axis = spec.axis
        let step = axis.ticks.count > 1 ? axis.ticks[1].value - axis.ticks[0].value : axis.max - axis.min
        c.valueAxis(position: "l", min: axis.min, max: axis.max, step: step, crosses: "autoZero")

        c.close(legend: { c in c.w.element("c:legendPos", attributes: [("val", "r")]) })
        return c.w.bytes
    }

    /// A circle marker, filled with the line's colour or white (a re-expressed point).
    private func marker(_ c: inout ChartSpaceWriter, colour: String, hollow: Bool) {
        c.w.start("c:marker")
        c.w.element("c:symbol", attributes: [("val", "circle")])
        c.w.element("c:size", attributes: [("val", hollow ? "7" : "5")])
        c.shapeProperties(fill: hollow ? "FFFFFF" : colour, line: (colour, hollow ? 19_050 : 9_525, false))
        c.w.end("c:marker")
    }
}
