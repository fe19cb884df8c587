import Core
import Model

/// One indicator over the years of a review phase (sơ kết, tổng kết): a table of the report
/// unit and the units one level below, year by year, and the line chart.
///
///     trend.summaryText     // "Toàn thành phố: từ 70,00% (2023) đến 80,00% (2025), thay đổi +10,00 điểm %."
///     trend.rows[0].cells[1].rate   // "75,00%", reexpressed true: re-expressed in today's units
///     trend.rows[0].change          // "+10,00 điểm %" (value 1/10)
///     trend.neverMetNames           // ["Huyện Cờ Đỏ"]
///     trend.targets[0].text         // "75%": the target of 2023, as that year's plan set it
public struct PresentedTrend: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// The year's rate; "không quy đổi được" (no value) for a split unit's past, "—" without data.
        public var rate: PresentedCell
        /// Re-expressed in the report year's units (a renderer marks it, the page with "*").
        public var reexpressed: Bool
        /// Against that year's target; nil without a rate or a target.
        public var met: Bool?
        /// "2023: 9.735/11.160 (87,23%) (quy đổi theo đơn vị hành chính hiện nay)".
        public var source: String
    }

    public struct Row: Sendable, Hashable {
        public var name: String
        /// "có năm không quy đổi được do đơn vị cũ bị chia tách"; nil otherwise.
        public var flagText: String?
        /// One per year of the phase.
        public var cells: [Cell]
        /// First to last year with a rate, in points: "+10,00 điểm %"; "—" (no value) otherwise.
        public var change: PresentedCell
        /// "2024", "chưa đạt", "—".
        public var firstMetText: String
        public var isTotal: Bool
    }

    public var number: Int
    public var id: String
    public var name: String
    /// The report unit's change in words; nil without two years of data.
    public var summaryText: String?
    public var years: [Int]
    /// The target in force each year, same order as `years` (the plan may raise it): "75%",
    /// "—" (no value) for a year without one.
    public var targets: [PresentedCell]
    /// The report unit first, then the units one level below.
    public var rows: [Row]
    public var chart: LineChartSpec
    /// Units one level below that never met the target in the phase.
    public var neverMetNames: [String]
    /// Units of the table with a year re-expressed from earlier units (mergers), table order.
    public var reexpressedNames: [String]
    /// Units of the table with a year that could not be re-expressed (a split), table order.
    public var flaggedNames: [String]
}
