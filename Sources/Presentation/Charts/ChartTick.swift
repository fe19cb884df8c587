/// One gridline of a chart's value axis: where it sits (a fraction of one, as the values) and
/// its label, vi-VN.
///
///     ChartTick.quarters(of: 1)     // 0%, 25%, 50%, 75%, 100%
///     ChartTick.quarters(of: 1.1)   // 0%, 27,5%, 55%, 82,5%, 110%
public struct ChartTick: Sendable, Hashable {
    /// The position on the value axis, as a fraction of one (0.25 is 25%).
    public var value: Double
    /// "25%", "27,5%".
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }

    /// Five ticks, every quarter of `scale` from 0: the grid every chart of the report draws.
    public static func quarters(of scale: Double) -> [ChartTick] {
        (0...4).map { step in
            let v = scale * Double(step) / 4
            return ChartTick(value: v, label: label(v))
        }
    }

    /// "0%", "25%", "100%", and one decimal when needed ("27,5%"): axis labels are a guide,
    /// never a result, so they are not rounded by the report's setting.
    public static func label(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    /// The top of the value axis: 100% unless a value goes beyond it, then the next tenth up
    /// (a ratio of 104% gets an axis to 110%).
    public static func scale(largest: Double) -> Double {
        largest <= 1 ? 1 : (largest * 10).rounded(.up) / 10
    }
}
