import OfficeXML
import Presentation
import WordTemplate

/// An indicator's `BarChartSpec` as a native, editable Word chart: a clustered horizontal bar
/// chart (`c:barChart`, `barDir="bar"`) with one category per unit in the spec's order (the
/// first at the top: the category axis runs from its maximum), and its embedded workbook.
///
///     let chart = DocxBarChart(spec: indicator.chart, id: "chi-tieu-1").wordChart()
///     // {{chart}} in the template; DocxReport passes the chart to WordTemplate.render
///
/// - The workbook (Sheet1): A the unit, B the rate, C the target (each row the same); row 1
///   the headers. The chart's formulas point at it (`Sheet1!$B$2:$B$10`) and its caches hold
///   exactly its values, so Word draws what "Edit data" shows.
/// - The rate series: each bar filled as the HTML page's SVG (`BarChartSVG`) fills it (green
///   met, red not met, grey without a target), the report unit outlined in black; labels
///   `0.00%` (Word and LibreOffice print the decimal comma of a Vietnamese system). A unit
///   without a value has no bar (an empty cell: a gap).
/// - The target as a second series, behind the rate (`c:overlap 100`): a pale bar with a dashed
///   outline whose end is the target, so a red bar stops short of it. The legend names both
///   ("Tỷ lệ", "Chỉ tiêu 75%"); without a target there is neither target series nor legend.
/// - The value axis from 0 to `scaleMax`, a gridline at each of the spec's ticks (`majorUnit`).
/// - The size: the text width of the shipped template (165 mm) and a height from the number of
///   bars, capped to fit a page under the heading that keeps with it.
public struct DocxBarChart: Sendable {
    public var spec: BarChartSpec
    /// The chart's id in the render (part of its marker): unique per document.
    public var id: String

    public init(spec: BarChartSpec, id: String) {
        self.spec = spec
        self.id = id
    }

    /// 165 mm: the shipped template's text width (A4 less 30 and 15 mm margins).
    static let width = 5_940_000
    /// Title, axis and legend (30 mm), then 6 mm a bar, at most 220 mm.
    static func height(bars: Int) -> Int { min(1_080_000 + 216_000 * max(bars, 1), 7_920_000) }

    /// The size of the unit names and the values (hundredths of a point): 9 and 8 pt, 7 pt for
    /// more than 30 bars (a national chart's 64 rows are 3 mm each: 9 pt names would overlap,
    /// and Word and LibreOffice would then skip every other one).
    static func labelSizes(bars: Int) -> (names: Int, values: Int) {
        bars > 30 ? (700, 700) : (900, 800)
    }

    static let metColour = "1B7A3A"
    static let missedColour = "B3261E"
    static let unknownColour = "8A8A8A"
    static let targetColour = "1F3A93"
    static let targetFill = "D9DEF0"

    public func wordChart() throws -> WordChart {
        WordChart(id: id, chartXML: chartXML(), workbook: try workbook().archiveBytes(),
                  width: Self.width, height: Self.height(bars: spec.bars.count),
                  name: spec.title, altText: spec.description)
    }

    /// The rates and the target, as fractions of one (nil: no value).
    var rates: [Double?] { spec.bars.map { $0.value?.doubleValue } }
    var targets: [Double?]? { spec.target.map { t in spec.bars.map { _ in t.doubleValue } } }

    /// Sheet1: unit, rate, target.
    func workbook() -> SpreadsheetWorkbook {
        var rows: [[SpreadsheetCell?]] = [[.text("Đơn vị", bold: true), .text("Tỷ lệ", bold: true)]]
        if spec.target != nil { rows[0].append(.text(spec.targetText, bold: true)) }
        for (i, bar) in spec.bars.enumerated() {
            var row: [SpreadsheetCell?] = [.text(bar.label), rates[i].map { .number($0, format: .percent2) }]
            if let targets { row.append(targets[i].map { .number($0, format: .percent2) }) }
            rows.append(row)
        }
        return SpreadsheetWorkbook(sheets: [SpreadsheetSheet(name: ChartSpaceWriter.sheet, rows: rows, columnWidths: [40, 12, 16])])
    }

    func chartXML() -> [UInt8] {
        let sizes = Self.labelSizes(bars: spec.bars.count)
        var c = ChartSpaceWriter()
        c.open(title: spec.title)
        c.w.start("c:barChart")
        c.w.element("c:barDir", attributes: [("val", "bar")])
        c.w.element("c:grouping", attributes: [("val", "clustered")])
        c.w.element("c:varyColors", attributes: [("val", "0")])
        let labels = spec.bars.map(\.label)
        if let targets {
            // Drawn first, so behind the rates.
            c.w.start("c:ser")
            c.w.element("c:idx", attributes: [("val", "0")])
            c.w.element("c:order", attributes: [("val", "0")])
            c.seriesName(spec.targetText, column: 2)
            c.shapeProperties(fill: Self.targetFill, line: (Self.targetColour, 12_700, true))
            c.w.element("c:invertIfNegative", attributes: [("val", "0")])
            c.categories(labels)
            c.values(targets, column: 2, format: "0.00%")
            c.w.end("c:ser")
        }
        let rateIndex = targets == nil ? "0" : "1"
        c.w.start("c:ser")
        c.w.element("c:idx", attributes: [("val", rateIndex)])
        c.w.element("c:order", attributes: [("val", rateIndex)])
        c.seriesName("Tỷ lệ", column: 1)
        c.shapeProperties(fill: Self.metColour)
        c.w.element("c:invertIfNegative", attributes: [("val", "0")])
        for (i, bar) in spec.bars.enumerated() {
            c.w.start("c:dPt")
            c.w.element("c:idx", attributes: [("val", String(i))])
            c.w.element("c:invertIfNegative", attributes: [("val", "0")])
            c.w.element("c:bubble3D", attributes: [("val", "0")])
            let fill = bar.met.map { $0 ? Self.metColour : Self.missedColour } ?? Self.unknownColour
            c.shapeProperties(fill: fill, line: bar.emphasized ? ("000000", 15_875, false) : nil)
            c.w.end("c:dPt")
        }
        c.w.start("c:dLbls")
        c.w.element("c:numFmt", attributes: [("formatCode", "0.00%"), ("sourceLinked", "0")])
        c.w.start("c:spPr")
        c.w.element("a:noFill")
        c.w.start("a:ln")
        c.w.element("a:noFill")
        c.w.end("a:ln")
        c.w.end("c:spPr")
        c.textProperties(size: sizes.values)
        c.w.element("c:dLblPos", attributes: [("val", "outEnd")])
        for (name, value) in [("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"), ("showSerName", "0"),
                              ("showPercent", "0"), ("showBubbleSize", "0")] {
            c.w.element("c:" + name, attributes: [("val", value)])
        }
        c.w.end("c:dLbls")
        c.categories(labels)
        c.values(rates, column: 1, format: "0.00%")
        c.w.end("c:ser")
        c.w.element("c:gapWidth", attributes: [("val", "50")])
        c.w.element("c:overlap", attributes: [("val", "100")])
        c.w.element("c:axId", attributes: [("val", "10")])
        c.w.element("c:axId", attributes: [("val", "20")])
        c.w.end("c:barChart")

        // Units down the left, the first at the top (the axis runs from its maximum), every
        // unit named, none skipped: the bars are read against the table.
        c.categoryAxis(position: "l", reversed: true, tickMark: "none", labelSize: sizes.names, everyLabel: true)

        // Percentages along the bottom: with the categories reversed, the value axis crosses
        // at the last category to stay at the bottom.
        c.valueAxis(position: "b", min: 0, max: spec.scaleMax, step: spec.scaleMax / 4, crosses: "max")

        // The legend names the target and the rate (drawn in the rate series' own fill, the
        // "met" green). Hiding the rate's entry (c:legendEntry) is read differently by Word and
        // LibreOffice (series index or place in the legend), so both entries stay.
        c.close(legend: targets == nil ? nil : { c in c.w.element("c:legendPos", attributes: [("val", "b")]) })
        return c.w.bytes
    }
}
