import Core
import Model

/// What a horizontal bar chart of units' rates shows, without how it is drawn: one bar per unit
/// (its exact value, the value as printed, whether it meets the target), the target line, the
/// value axis (scale and ticks) and the texts. An SVG, a DrawingML chart or a spreadsheet chart
/// each draw it their way; none of them decides what is on it.
///
///     let chart = BarChartSpec(
///         title: "Tỷ lệ gia đình học tập theo quận, huyện",
///         description: "6/9 quận, huyện đạt chỉ tiêu 75%.",
///         bars: [.init(label: "Quận Ninh Kiều", value: Fraction(5, 9), valueText: "55,56%", met: false, note: "5/9 (55,56%)")],
///         target: Fraction(75, 100), targetText: "Chỉ tiêu 75%")
///     chart.scaleMax          // 1.0 (the axis goes to 100%)
///     chart.ticks.map(\.label)   // ["0%", "25%", "50%", "75%", "100%"]
public struct BarChartSpec: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        /// The unit's name, in full (a drawing may shorten it, see `ChartText`).
        public var label: String
        /// The rate as a fraction of one; nil: no bar, `valueText` says why.
        public var value: Fraction?
        /// The value as printed ("55,56%"), or why there is none ("chưa có số liệu").
        public var valueText: String
        /// Whether the unit meets the target; nil when there is no target.
        public var met: Bool?
        /// More about the bar for a tooltip: "5/9 (55,56%)".
        public var note: String
        /// The report unit's own total, drawn bolder.
        public var emphasized: Bool

        public init(label: String, value: Fraction?, valueText: String, met: Bool?, note: String = "", emphasized: Bool = false) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.met = met
            self.note = note
            self.emphasized = emphasized
        }
    }

    /// The chart's name: "Tỷ lệ hộ gia đình ... theo quận, huyện".
    public var title: String
    /// The text alternative: what the chart shows, in words.
    public var description: String
    public var bars: [Bar]
    /// The target as a fraction of one; nil: no target line.
    public var target: Fraction?
    /// The target line's label: "Chỉ tiêu 80%".
    public var targetText: String

    public init(title: String, description: String, bars: [Bar], target: Fraction?, targetText: String) {
        self.title = title
        self.description = description
        self.bars = bars
        self.target = target
        self.targetText = targetText
    }

    /// The top of the value axis, a fraction of one: 100% unless a bar or the target goes beyond.
    public var scaleMax: Double {
        let largest = bars.compactMap { $0.value?.doubleValue }.max() ?? 0
        return ChartTick.scale(largest: max(largest, target?.doubleValue ?? 0))
    }

    /// The gridlines and their labels, every quarter of `scaleMax`.
    public var ticks: [ChartTick] { ChartTick.quarters(of: scaleMax) }
}
