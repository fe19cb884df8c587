/// A conditional format of a worksheet: the cells of `range` whose value equals `text` are
/// shown with `highlight` (a font colour on a fill), in Excel and LibreOffice alike. The rule is
/// a `cellIs`/`equal` comparison with a quoted string literal the writer builds itself; no text
/// of a cell ever becomes a formula.
///
///     SpreadsheetConditionalFormat(range: "H7:H20", equals: "Đạt",
///                                  highlight: .init(font: "FF006100", fill: "FFC6EFCE"))   // green
public struct SpreadsheetConditionalFormat: Sendable, Hashable {
    /// How matching cells look: ARGB hex colours ("FF9C0006" on "FFFFC7CE": Excel's light red).
    public struct Highlight: Sendable, Hashable {
        public var font: String
        public var fill: String

        public init(font: String, fill: String) {
            self.font = font
            self.fill = fill
        }

        /// Excel's "Green Fill with Dark Green Text".
        public static let good = Highlight(font: "FF006100", fill: "FFC6EFCE")
        /// Excel's "Light Red Fill with Dark Red Text".
        public static let bad = Highlight(font: "FF9C0006", fill: "FFFFC7CE")
    }

    /// The cells, as Excel writes a `sqref`: "H7:H20", or several ranges separated by spaces.
    public var range: String
    public var text: String
    public var highlight: Highlight

    public init(range: String, equals text: String, highlight: Highlight) {
        self.range = range
        self.text = text
        self.highlight = highlight
    }

    /// The rule's formula: the text as a string literal, quotes doubled (`"Chưa đạt"`).
    var formula: String {
        "\"" + text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
