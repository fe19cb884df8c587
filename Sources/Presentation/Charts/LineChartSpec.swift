import Core
import Model

/// What a line chart of rates over the years of a review phase shows, without how it is drawn:
/// one series per unit (the report unit emphasized), the target in force each year (it may
/// change), points re-expressed in today's units marked, the value axis and the texts.
///
///     let chart = LineChartSpec(
///         title: "Tỷ lệ gia đình học tập qua các năm",
///         description: "Toàn tỉnh: từ 70,00% (2023) đến 80,00% (2025), thay đổi +10,00 điểm %.",
///         years: [2023, 2024, 2025],
///         series: [.init(name: "Toàn tỉnh", points: [
///             .init(year: 2023, value: Fraction(7, 10), valueText: "70,00%"),
///             .init(year: 2024, value: Fraction(3, 4), valueText: "75,00%", reexpressed: true),
///             .init(year: 2025, value: Fraction(4, 5), valueText: "80,00%")], emphasized: true)],
///         targets: [2023: Fraction(3, 4)])
///     chart.shownSeries.count   // 1 (at most `maximumSeries`)
///     chart.scaleMax            // 1.0: the 0-based scale (the Word chart's)
///     chart.axis                // 60%-90% every 5%: fitted to the values and targets (the page's)
///
/// A year without a value has no point: a drawing breaks the line there rather than drawing
/// through it.
public struct LineChartSpec: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var year: Int
        /// The rate as a fraction of one; nil: no point that year.
        public var value: Fraction?
        /// "75,00%", "—".
        public var valueText: String
        /// True when the value was re-expressed in the report year's units (merged units).
        public var reexpressed: Bool

        public init(year: Int, value: Fraction?, valueText: String, reexpressed: Bool = false) {
            self.year = year
            self.value = value
            self.valueText = valueText
            self.reexpressed = reexpressed
        }
    }

    public struct Series: Sendable, Hashable {
        /// The unit's name, in full.
        public var name: String
        public var points: [Point]
        /// The report's own unit: drawn thicker.
        public var emphasized: Bool

        public init(name: String, points: [Point], emphasized: Bool = false) {
            self.name = name
            self.points = points
            self.emphasized = emphasized
        }
    }

    /// At most this many series get a line; the table beside the chart has every unit.
    public static let maximumSeries = 10

    public var title: String
    public var description: String
    /// The years on the axis, ascending.
    public var years: [Int]
    public var series: [Series]
    /// The target in force each year (fractions of one); years without one have no target.
    public var targets: [Int: Fraction]
    /// The target's name in the legend: "Chỉ tiêu".
    public var targetText: String
    /// The legend's words for a re-expressed point, and what a point's tooltip adds.
    public var reexpressedLegend = "Số liệu quy đổi"
    public var reexpressedNote = "số liệu quy đổi theo đơn vị hành chính hiện nay"
    /// The words written at the end of the target line: "Chỉ tiêu 2025: 80%"; nil: none.
    public var targetLabel: String?

    public init(title: String, description: String, years: [Int], series: [Series], targets: [Int: Fraction], targetText: String = "Chỉ tiêu") {
        self.title = title
        self.description = description
        self.years = years.sorted()
        self.series = series
        self.targets = targets
        self.targetText = targetText
    }

    /// The series that are drawn: the first `maximumSeries`.
    public var shownSeries: [Series] { Array(series.prefix(Self.maximumSeries)) }

    /// The (year, target) pairs in year order, for the years that have a target.
    public var targetPoints: [(year: Int, target: Fraction)] {
        years.compactMap { year in targets[year].map { (year, $0) } }
    }

    /// The top of the value axis, a fraction of one: 100% unless a shown value or a target goes
    /// beyond it. Beyond 100% the scale follows the largest shown value (not the target), as it
    /// always has: the page's bytes depend on it.
    public var scaleMax: Double {
        let largest = shownSeries.flatMap { $0.points.compactMap { $0.value?.doubleValue } }.max() ?? 0
        let withTargets = max(largest, targets.values.map(\.doubleValue).max() ?? 0)
        return withTargets <= 1 ? 1.0 : (largest * 10).rounded(.up) / 10
    }

    /// The gridlines and their labels, every quarter of `scaleMax`.
    public var ticks: [ChartTick] { ChartTick.quarters(of: scaleMax) }

    /// The value axis fitted to the shown values and the targets (`ValueAxis.fitted`): rates
    /// that crowd between 85% and 95% on `scaleMax`'s 0-100% axis spread over the plot. Every
    /// shown value and every target lies within it.
    public var axis: ValueAxis {
        let values = shownSeries.flatMap { $0.points.compactMap { $0.value?.doubleValue } }
        return ValueAxis.fitted(values + targets.values.map(\.doubleValue))
    }
}
