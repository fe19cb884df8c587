/// A value axis fitted to the values a chart shows, so that rates crowded between 85% and 95%
/// spread over the plot instead of a band of a 0-100% axis.
///
///     ValueAxis.fitted([0.86, 0.91, 0.94, 0.90])
///     // min 0.84, max 0.96, ticks 84%, 86%, ..., 96% (a step of 2%)
///     ValueAxis.fitted([0.12, 0.95])     // min 0, max 1, ticks every 20%
///     ValueAxis.fitted([])               // 0-100%, every quarter
///
/// The rules, in whole basis points (1/10,000) so that every tick is exact:
/// - the ticks are at a round step (1, 2, 2,5, 5, 10, 20, 25, 50 or 100 points, the smallest
///   that needs at most `maximumIntervals` intervals);
/// - the axis never spans less than 10 points: a change of a few tenths of a point is not blown
///   up into a slope the reader would take for a trend;
/// - a value on a round step gets one more step of room, so no point sits on the frame;
/// - the axis stays within 0-100% while every value does (the same axis as the bar charts
///   beyond it).
public struct ValueAxis: Sendable, Hashable {
    /// The bottom and top of the axis, fractions of one.
    public var min: Double
    public var max: Double
    /// The gridlines, bottom to top, labelled vi-VN ("84%", "87,5%").
    public var ticks: [ChartTick]

    public init(min: Double, max: Double, ticks: [ChartTick]) {
        self.min = min
        self.max = max
        self.ticks = ticks
    }

    public static let maximumIntervals = 6
    /// The narrowest span, in basis points (10 percentage points).
    static let minimumSpan = 1_000
    static let steps = [100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000]

    /// The axis for `values` (fractions of one: the series' values and the targets).
    public static func fitted(_ values: [Double]) -> ValueAxis {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else {
            return ValueAxis(min: 0, max: 1, ticks: ChartTick.quarters(of: 1))
        }
        var low = Swift.max(0, Int((lo * 10_000).rounded(.down)))
        var high = Swift.max(low, Int((hi * 10_000).rounded(.up)))
        let cap = high <= 10_000 ? 10_000 : Int.max
        if high - low < minimumSpan {
            let centre = (low + high) / 2
            low = Swift.max(0, centre - minimumSpan / 2)
            high = Swift.min(cap, low + minimumSpan)
            low = Swift.max(0, high - minimumSpan)
        }
        for step in steps {
            var bottom = low / step * step
            if bottom == low && bottom > 0 { bottom -= step }
            var top = (high + step - 1) / step * step
            if top == high && top < cap { top += step }
            top = Swift.min(top, cap)
            guard (top - bottom) / step <= maximumIntervals else { continue }
            let ticks = stride(from: bottom, through: top, by: step).map { bp in
                ChartTick(value: Double(bp) / 10_000, label: ChartTick.label(Double(bp) / 10_000))
            }
            return ValueAxis(min: Double(bottom) / 10_000, max: Double(top) / 10_000, ticks: ticks)
        }
        // Beyond every step (a rate of thousands of percent): the bar charts' scale from 0.
        let scale = ChartTick.scale(largest: hi)
        return ValueAxis(min: 0, max: scale, ticks: ChartTick.quarters(of: scale))
    }
}
