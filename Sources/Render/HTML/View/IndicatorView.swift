/// One indicator of the catalogue: its line in the overview table and its own section (chart,
/// breakdown by the units under the report's unit, units below target, commune detail).
public struct IndicatorView: Sendable {
    /// "1", "2", ... in catalogue order.
    public var number: String
    /// "gia_dinh"
    public var id: String
    /// "chi-tieu-gia_dinh": the section's id, for links.
    public var anchor: String
    /// "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình học tập"
    public var name: String
    public var hasTarget: Bool
    /// "75%", or "—" without a target.
    public var targetText: String
    public var targetSortKey: String
    /// Where the target comes from: "Chỉ tiêu năm 2024 theo kế hoạch (pipeline.yml, indicators: gia_dinh)".
    public var targetSource: String
    /// The report unit's result: "9.735/11.160 (87,23%)".
    public var resultText: String
    /// "87,23%", or "—".
    public var rateText: String
    public var rateSortKey: String
    /// "Đạt", "Vượt", "Chưa đạt", "Chưa có chỉ tiêu", "Không có số liệu".
    public var statusText: String
    /// "dat", "vuot", "chua-dat", "khong-ro": a CSS class.
    public var statusClass: String
    /// "vượt 2,35 điểm %", "thiếu 4,44 điểm %", "đạt đúng chỉ tiêu", "" without a target.
    public var gapText: String
    /// "vượt chỉ tiêu 2,35 điểm phần trăm".
    public var gapSentence: String
    /// "6/9 huyện đạt", nil when the indicator has no target or no children.
    public var childrenMetText: String?
    /// "1 huyện chưa báo cáo", nil when all reported.
    public var notReportedText: String?
    /// What the report unit's result rests on: "Tính trên 81/83 xã, phường, thị trấn; thiếu số
    /// liệu: Xã Trung Thạnh, Xã Thới Xuân." (at most five names, then "và N đơn vị khác").
    public var basisText: String
    /// The level of the basis, for the table's column title: "xã, phường, thị trấn".
    public var basisLevelName: String
    /// Where the numbers came from: "Nguồn: ninh-kieu.xlsx (Cấp xã!E7:F18); ...".
    public var source: String
    /// The bar chart (inline SVG markup: place it with triple braces `{{{chart}}}`).
    public var chart: String
    /// "Tỷ lệ hộ gia đình đạt ... theo huyện"
    public var chartTitle: String
    /// The level of the rows, in running text and as a column title: "huyện" / "Huyện".
    public var rowLevelName: String
    public var rowLevelTitle: String
    /// The report unit's own row (the province total): kept apart so that sorting the
    /// children never moves it.
    public var total: UnitRowView
    /// The report unit's children ordered by rank (the ranking).
    public var rows: [UnitRowView]
    public var hasRows: Bool
    /// Children below target, by rank.
    public var belowTarget: [UnitRowView]
    public var hasBelowTarget: Bool
    public var belowTargetCount: String
}
