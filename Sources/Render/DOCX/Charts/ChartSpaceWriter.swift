import OfficeXML
import WordTemplate

/// The DrawingML pieces the report's Word charts share, written in the schema's element order
/// (dml-chart.xsd; `tools/ooxml/validate.sh` checks every chart part): the chart space around a
/// plot, the title, text properties, fills, and the references into the embedded workbook
/// with their caches.
///
///     var c = ChartSpaceWriter()
///     c.open(title: "Tỷ lệ ... theo quận, huyện")
///     ... c.w.start("c:barChart") ... series, axes ...
///     c.close(legend: { ... }, blanksAsGap: true)
///     c.w.bytes   // word/charts/chartN.xml
///
/// A cache holds exactly the workbook's values: numbers through `SpreadsheetCell.xmlNumber`,
/// the function that writes the workbook's cells, so Word (which draws from the caches) and
/// "Edit data" (which opens the workbook) show the same chart.
struct ChartSpaceWriter {
    var w = XMLWriter()

    static let sheet = "Sheet1"
    /// The report's font, smaller in a chart: 9 pt labels, 11 pt title.
    static let font = "Times New Roman"

    /// `<c:chartSpace>` ... `<c:chart>` with the title, up to the plot area (open).
    mutating func open(title: String) {
        w.declaration()
        w.start("c:chartSpace", attributes: [
            ("xmlns:c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
            ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
            ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")])
        w.element("c:date1904", attributes: [("val", "0")])
        w.element("c:lang", attributes: [("val", "vi-VN")])
        w.element("c:roundedCorners", attributes: [("val", "0")])
        w.start("c:chart")
        w.start("c:title")
        w.start("c:tx")
        w.start("c:rich")
        w.element("a:bodyPr")
        w.element("a:lstStyle")
        w.start("a:p")
        w.start("a:pPr")
        defaultRunProperties(size: 1100, bold: true)
        w.end("a:pPr")
        w.start("a:r")
        w.start("a:rPr", attributes: [("lang", "vi-VN"), ("sz", "1100"), ("b", "1")])
        latin()
        w.end("a:rPr")
        w.element("a:t", text: title)
        w.end("a:r")
        w.end("a:p")
        w.end("c:rich")
        w.end("c:tx")
        w.element("c:overlay", attributes: [("val", "0")])
        w.end("c:title")
        w.element("c:autoTitleDeleted", attributes: [("val", "0")])
        w.start("c:plotArea")
        w.element("c:layout")
    }

    /// Ends the plot area, writes the legend (when `legend` is given) and the chart's
    /// settings, the text properties and the link to the embedded workbook.
    mutating func close(legend: ((inout ChartSpaceWriter) -> Void)?) {
        w.end("c:plotArea")
        if let legend {
            w.start("c:legend")
            legend(&self)
            w.element("c:overlay", attributes: [("val", "0")])
            w.end("c:legend")
        }
        w.element("c:plotVisOnly", attributes: [("val", "1")])
        // A unit or year without a value is a gap, not a zero.
        w.element("c:dispBlanksAs", attributes: [("val", "gap")])
        w.end("c:chart")
        textProperties(size: 900)
        w.start("c:externalData", attributes: [("r:id", WordChart.workbookRelationshipID)])
        w.element("c:autoUpdate", attributes: [("val", "0")])
        w.end("c:externalData")
        w.end("c:chartSpace")
    }

    /// `<c:txPr>`: the font and size of what the element draws.
    mutating func textProperties(size: Int, bold: Bool = false) {
        w.start("c:txPr")
        w.element("a:bodyPr")
        w.element("a:lstStyle")
        w.start("a:p")
        w.start("a:pPr")
        defaultRunProperties(size: size, bold: bold)
        w.end("a:pPr")
        w.element("a:endParaRPr", attributes: [("lang", "vi-VN")])
        w.end("a:p")
        w.end("c:txPr")
    }

    private mutating func defaultRunProperties(size: Int, bold: Bool) {
        w.start("a:defRPr", attributes: [("sz", String(size)), ("b", bold ? "1" : "0")])
        latin()
        w.end("a:defRPr")
    }

    private mutating func latin() {
        w.element("a:latin", attributes: [("typeface", Self.font)])
        w.element("a:cs", attributes: [("typeface", Self.font)])
    }

    /// `<c:spPr>` with a solid fill (hex "1b7a3a") and an optional outline.
    mutating func shapeProperties(fill: String?, line: (colour: String, width: Int, dashed: Bool)? = nil) {
        w.start("c:spPr")
        if let fill { solidFill(fill) } else if line != nil { w.element("a:noFill") }
        if let line {
            w.start("a:ln", attributes: [("w", String(line.width))])
            solidFill(line.colour)
            if line.dashed { w.element("a:prstDash", attributes: [("val", "dash")]) }
            w.end("a:ln")
        }
        w.end("c:spPr")
    }

    /// An outline only (`a:ln`), no fill: a line series, a gridline, an axis.
    mutating func lineProperties(colour: String, width: Int, dashed: Bool = false) {
        w.start("c:spPr")
        w.start("a:ln", attributes: [("w", String(width)), ("cap", "rnd")])
        solidFill(colour)
        if dashed { w.element("a:prstDash", attributes: [("val", "dash")]) }
        w.element("a:round")
        w.end("a:ln")
        w.end("c:spPr")
    }

    mutating func solidFill(_ hex: String) {
        w.start("a:solidFill")
        w.element("a:srgbClr", attributes: [("val", hex)])
        w.end("a:solidFill")
    }

    /// `<c:tx>`: the series' name, from its header cell.
    mutating func seriesName(_ name: String, column: Int) {
        w.start("c:tx")
        w.start("c:strRef")
        w.element("c:f", text: SpreadsheetSheet.cell(row: 1, column: column, sheet: Self.sheet))
        stringCache([name])
        w.end("c:strRef")
        w.end("c:tx")
    }

    /// `<c:cat>`: the categories (column A from row 2), as texts.
    mutating func categories(_ labels: [String]) {
        w.start("c:cat")
        w.start("c:strRef")
        w.element("c:f", text: SpreadsheetSheet.range(column: 0, rows: 2...(labels.count + 1), sheet: Self.sheet))
        stringCache(labels)
        w.end("c:strRef")
        w.end("c:cat")
    }

    /// `<c:val>`: a column of numbers from row 2; nil is an empty cell (no point, a gap).
    mutating func values(_ values: [Double?], column: Int, format: String) {
        w.start("c:val")
        w.start("c:numRef")
        w.element("c:f", text: SpreadsheetSheet.range(column: column, rows: 2...(values.count + 1), sheet: Self.sheet))
        w.start("c:numCache")
        w.element("c:formatCode", text: format)
        w.element("c:ptCount", attributes: [("val", String(values.count))])
        for (i, value) in values.enumerated() {
            guard let value, let text = SpreadsheetCell.xmlNumber(value) else { continue }
            w.start("c:pt", attributes: [("idx", String(i))])
            w.element("c:v", text: text)
            w.end("c:pt")
        }
        w.end("c:numCache")
        w.end("c:numRef")
        w.end("c:val")
    }

    private mutating func stringCache(_ texts: [String]) {
        w.start("c:strCache")
        w.element("c:ptCount", attributes: [("val", String(texts.count))])
        for (i, text) in texts.enumerated() {
            w.start("c:pt", attributes: [("idx", String(i))])
            w.element("c:v", text: text)
            w.end("c:pt")
        }
        w.end("c:strCache")
    }

    /// The category axis (id 10, crossing the value axis, id 20): `position` "l" or "b";
    /// `reversed` runs it from its maximum (the first category at the top of a bar chart);
    /// `everyLabel` names every category, none skipped.
    mutating func categoryAxis(position: String, reversed: Bool, tickMark: String, labelSize: Int, everyLabel: Bool) {
        w.start("c:catAx")
        w.element("c:axId", attributes: [("val", "10")])
        w.start("c:scaling")
        w.element("c:orientation", attributes: [("val", reversed ? "maxMin" : "minMax")])
        w.end("c:scaling")
        w.element("c:delete", attributes: [("val", "0")])
        w.element("c:axPos", attributes: [("val", position)])
        w.element("c:numFmt", attributes: [("formatCode", "General"), ("sourceLinked", "0")])
        w.element("c:majorTickMark", attributes: [("val", tickMark)])
        w.element("c:minorTickMark", attributes: [("val", "none")])
        w.element("c:tickLblPos", attributes: [("val", "nextTo")])
        lineProperties(colour: "808080", width: 9_525)
        textProperties(size: labelSize)
        w.element("c:crossAx", attributes: [("val", "20")])
        w.element("c:crosses", attributes: [("val", "autoZero")])
        w.element("c:auto", attributes: [("val", "1")])
        w.element("c:lblAlgn", attributes: [("val", "ctr")])
        w.element("c:lblOffset", attributes: [("val", "100")])
        if everyLabel { w.element("c:tickLblSkip", attributes: [("val", "1")]) }
        w.element("c:noMultiLvlLbl", attributes: [("val", "0")])
        w.end("c:catAx")
    }

    /// The value axis (id 20): percentages from `min` to `max`, a gridline every `step` (the
    /// spec's ticks), crossing the category axis where `crosses` says ("autoZero", "max").
    mutating func valueAxis(position: String, min: Double, max: Double, step: Double, crosses: String) {
        w.start("c:valAx")
        w.element("c:axId", attributes: [("val", "20")])
        w.start("c:scaling")
        w.element("c:orientation", attributes: [("val", "minMax")])
        w.element("c:max", attributes: [("val", SpreadsheetCell.xmlNumber(max) ?? "1")])
        w.element("c:min", attributes: [("val", SpreadsheetCell.xmlNumber(min) ?? "0")])
        w.end("c:scaling")
        w.element("c:delete", attributes: [("val", "0")])
        w.element("c:axPos", attributes: [("val", position)])
        w.start("c:majorGridlines")
        lineProperties(colour: "D9D9D9", width: 9_525)
        w.end("c:majorGridlines")
        w.element("c:numFmt", attributes: [("formatCode", Self.axisFormat(step: step)), ("sourceLinked", "0")])
        w.element("c:majorTickMark", attributes: [("val", "out")])
        w.element("c:minorTickMark", attributes: [("val", "none")])
        w.element("c:tickLblPos", attributes: [("val", "nextTo")])
        lineProperties(colour: "808080", width: 9_525)
        textProperties(size: 900)
        w.element("c:crossAx", attributes: [("val", "10")])
        w.element("c:crosses", attributes: [("val", crosses)])
        w.element("c:crossBetween", attributes: [("val", "between")])
        w.element("c:majorUnit", attributes: [("val", SpreadsheetCell.xmlNumber(step) ?? "0.25")])
        w.end("c:valAx")
    }

    /// The number format of a percent axis whose ticks are `step` apart: "0%" when every tick
    /// is a whole percent, else one decimal ("0.0%": 27,5%).
    static func axisFormat(step: Double) -> String {
        let hundredths = step * 100
        return abs(hundredths - hundredths.rounded()) < 1e-9 ? "0%" : "0.0%"
    }
}
