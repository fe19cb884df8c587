import Mustache

/// The appendix matrix in the Word report: the HTML page's `UnitTableView` keys, each cell with
/// `met` and `missed` instead of a CSS class, because paper has no colour to show them by (the
/// shipped template prints a missed target in bold).
///
///     {{#unitTable}}{{title}}{{/unitTable}}           "Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn"
///     | {{name}} | {{parentName}} | {{#cells}} | {{#missed}}{{text}}{{/missed}}... | {{/cells}} |
///
/// Rows and cells are `MustacheParent`s: a national matrix has 693 rows of 14 cells, read by
/// key rather than by reflection.
public struct DocxUnitTableView: Sendable {
    /// "Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn"
    public var title: String
    /// "Xã, phường, thị trấn"
    public var levelTitle: String
    /// "Quận, huyện"
    public var parentLevelTitle: String
    /// The indicators computed at this level, in catalogue order: the HTML page's columns.
    public var columns: [UnitTableColumnView]
    public var rows: [DocxUnitTableRowView]
    /// "83 xã, phường, thị trấn"
    public var countText: String
    /// Where the deeper level is (indicators.csv); nil when everything is shown.
    public var note: String?
}
