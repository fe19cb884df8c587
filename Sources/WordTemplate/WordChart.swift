import Mustache

/// A chart to place in a Word document: the DrawingML chart part, the workbook behind it, its
/// size and its text alternative. Put the value in the context where the chart goes
/// (`{{chart}}` in a paragraph of its own) and pass it to `WordTemplate.render(_:charts:)`:
///
///     let chart = WordChart(id: "ind-1", chartXML: chartSpace, workbook: xlsx,
///                           width: 5_940_425, height: 3_200_400,
///                           name: "Biểu đồ 1", altText: "6/9 quận, huyện đạt chỉ tiêu 75%.")
///     try template.render(["tinh": "Cần Thơ", "chart": chart], charts: [chart])
///
/// In the context the chart renders as a private marker (Unicode private-use characters around
/// its id, text no one types); after rendering, the engine replaces the marker with an inline
/// drawing in the marker's run and adds the parts (`ChartPackage`). A marker the document does
/// not hold (the user deleted the paragraph) adds nothing; a chart placed twice gets two parts.
///
/// `chartXML` is a `c:chartSpace`; when `workbook` is given it must point at it through
/// `c:externalData r:id="\(WordChart.workbookRelationshipID)"`, the id the engine gives the
/// embedding in the chart's own relationships.
public struct WordChart: Sendable, Hashable, MustacheCustomRenderable {
    /// Unique within one render; letters, digits, `-`, `_` and `.` only (it is part of the marker).
    public var id: String
    /// The chart part (`word/charts/chartN.xml`).
    public var chartXML: [UInt8]
    /// The embedded .xlsx Word's "Edit data" opens; nil for a chart without one.
    public var workbook: [UInt8]?
    /// The drawing's size in EMU (914,400 an inch, 360,000 a centimetre).
    public var width: Int
    public var height: Int
    /// The drawing's name (`wp:docPr name`), shown in Word's selection pane.
    public var name: String
    /// The text alternative (`wp:docPr descr`): what the chart shows, in words.
    public var altText: String

    /// The relationship id of the embedded workbook in the chart's `_rels` part.
    public static let workbookRelationshipID = "rId1"

    public init(id: String, chartXML: [UInt8], workbook: [UInt8]?, width: Int, height: Int, name: String, altText: String) {
        self.id = String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }.map(Character.init))
        self.chartXML = chartXML
        self.workbook = workbook
        self.width = width
        self.height = height
        self.name = name
        self.altText = altText
    }

    /// What the chart renders as in a part before it is placed.
    public var marker: String { Self.markerStart + id + Self.markerEnd }
    static let markerStart = "\u{E000}xhht-chart:"
    static let markerEnd = "\u{E001}"

    public var renderText: String { marker }
    public var isNull: Bool { false }
}
