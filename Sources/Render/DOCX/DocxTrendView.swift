import WordTemplate

/// One indicator over the years of a review phase (sơ kết, tổng kết) in the Word report: the
/// HTML page's `TrendView` keys without what only a screen draws (the SVG chart, the anchor).
/// Its rows are the page's own `TrendRowView`s: the same keys and values by construction.
///
///     {{#trends}}{{number}}. {{name}}{{/trends}}                    "1. Tỷ lệ hộ gia đình ..."
///     {{#years}}{{^first()}}, {{/first()}}{{.}}{{/years}}             "2023, 2024, 2025"
///     {{#rows}}{{name}}: {{#cells}}{{text}} {{/cells}}{{/rows}}      one table row per unit
public struct DocxTrendView: Sendable {
    public var number: String
    public var id: String
    public var name: String
    /// The report unit's change in words; nil without two years of data.
    public var summaryText: String?
    /// "2023", "2024", "2025"
    public var years: [String]
    /// The target of each year, same order as `years` (the plan may raise it): "70%", "—".
    public var targets: [String]
    /// The report unit first, then the units one level below.
    public var rows: [TrendRowView]
    public var hasNeverMet: Bool
    /// "Huyện Cờ Đỏ, Huyện Thới Lai"
    public var neverMetText: String
    public var hasReexpressedUnits: Bool
    /// "Quận Ninh Kiều": units of the table with a year summed from earlier units (mergers).
    public var reexpressedUnitsText: String
    public var hasFlaggedUnits: Bool
    /// Units with a year that could not be re-expressed (a split), given no number that year.
    public var flaggedUnitsText: String
    /// The line chart over the years (`DocxLineChart`): `{{chart}}` places it.
    public var chart: WordChart
}
