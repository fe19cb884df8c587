import Core
import Model

/// One indicator of the catalogue as the report presents it: the report unit's result in words
/// and cells, its standing against the target, the rows of the units one level below (the
/// ranking), those below target, and the bar chart.
///
///     indicator.number        // 3 (position in the catalogue)
///     indicator.target        // "75%" (value 3/4); "—" and no value without a target
///     indicator.resultText    // "9.735/11.160 (87,23%)"
///     indicator.gapSentence   // "vượt chỉ tiêu 12,23 điểm phần trăm"
///     indicator.basisText     // "Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Xã Trung Thạnh, Xã Thới Xuân."
///     indicator.chart.bars.count   // 1 + rows.count (the report unit first)
public struct PresentedIndicator: Sendable, Hashable {
    public var number: Int
    /// The indicator id of pipeline.yml: "gia_dinh".
    public var id: String
    public var name: String
    /// The target as plans write it ("75%", "55,55%").
    public var target: PresentedCell
    /// "Chỉ tiêu năm 2024 theo kế hoạch (pipeline.yml, chỉ tiêu gia_dinh)".
    public var targetSource: String
    public var resultText: String
    public var rate: PresentedCell
    public var status: IndicatorStatus
    public var statusText: String
    /// "vượt 12,23 điểm %"; "" without a gap.
    public var gapText: String
    /// "vượt chỉ tiêu 12,23 điểm phần trăm"; "chưa có số liệu để so sánh" with a target and no
    /// rate; "" without a target.
    public var gapSentence: String
    /// "6/9 quận, huyện đạt"; nil without a target.
    public var childrenMetText: String?
    /// "1 quận, huyện chưa có số liệu"; nil when all reported.
    public var notReportedText: String?
    public var basisText: String
    /// The level the basis counts: "xã, phường, thị trấn".
    public var basisLevelName: String
    public var source: String
    public var chart: BarChartSpec
    /// The level of `rows`: "quận, huyện" in text, "Quận, huyện" as a column title.
    public var rowLevelName: String
    public var rowLevelTitle: String
    /// The report unit's own row.
    public var total: PresentedRow
    /// The units one level below, by rank.
    public var rows: [PresentedRow]
    /// The units one level below that miss the target, by rank.
    public var belowTarget: [PresentedRow]
}
