import Core

/// A horizontal bar chart of units' rates against a target line, as inline SVG: one bar per unit
/// (green when it meets the target, red when it does not, grey without data), the value written
/// at the end of each bar in vi-VN, and a dashed vertical line at the target.
///
///     let chart = BarChart(
///         title: "Tỷ lệ gia đình học tập theo huyện",
///         description: "6/9 huyện đạt chỉ tiêu 75%.",
///         bars: [.init(label: "Ninh Kiều", value: Fraction(5, 9), valueText: "55,56%", met: false, note: "5/9 (55,56%)")],
///         target: Fraction(75, 100), targetText: "Chỉ tiêu 75%")
///     let svg = chart.svg()   // "<svg xmlns=... role=\"img\" aria-label=...><title>...</title><desc>...</desc>..."
///
/// The output is deterministic (coordinates with one fixed decimal, no random ids) and every
/// piece of text is escaped. It needs no script and no stylesheet: colours are attributes, so
/// the chart prints and survives being copied into an e-mail.
public struct BarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        /// The unit's name; shortened on the chart if long, in full in the bar's tooltip.
        public var label: String
        /// The rate as a fraction of one; nil draws no bar ("chưa báo cáo").
        public var value: Fraction?
        /// The value as shown ("55,56%").
        public var valueText: String
        /// Whether the unit meets the target: colours the bar; nil when there is no target.
        public var met: Bool?
        /// The bar's tooltip after the name: "5/9 (55,56%) — nguồn: ninh-kieu.xlsx, Cấp xã!E7".
        public var note: String
        /// A bar drawn bolder, for the total of the report's unit.
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

    /// The accessible name (`aria-label` and `<title>`).
    public var title: String
    /// The longer text alternative (`<desc>`): say what the chart shows in words.
    public var description: String
    public var bars: [Bar]
    public var target: Fraction?
    /// The target's label over its line: "Chỉ tiêu 80%".
    public var targetText: String

    public init(title: String, description: String, bars: [Bar], target: Fraction?, targetText: String) {
        self.title = title
        self.description = description
        self.bars = bars
        self.target = target
        self.targetText = targetText
    }

    // Layout in SVG user units (CSS pixels at 100%).
    static let width = 680.0
    static let labelRight = 204.0
    static let plotLeft = 212.0
    static let plotWidth = 360.0
    static let top = 34.0
    static let rowHeight = 22.0
    static let barHeight = 14.0
    static let bottom = 10.0

    static let metColour = "#1b7a3a"
    static let missedColour = "#b3261e"
    static let unknownColour = "#8a8a8a"
    static let targetColour = "#1f3a93"

    /// The largest value on the axis, as a fraction of one: 100% unless a value goes beyond it.
    var scaleMax: Double {
        let largest = bars.compactMap { $0.value?.doubleValue }.max() ?? 0
        let withTarget = max(largest, target?.doubleValue ?? 0)
        return withTarget <= 1 ? 1 : (withTarget * 10).rounded(.up) / 10
    }

    public func svg() -> String {
        let f = SVGNumber.format
        let height = Self.top + Double(bars.count) * Self.rowHeight + Self.bottom
        let scale = scaleMax
        func x(_ value: Double) -> Double { Self.plotLeft + min(max(value / scale, 0), 1) * Self.plotWidth }

        var out = ""
        out.reserveCapacity(400 + bars.count * 420)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" viewBox=\"0 0 \(f(Self.width)) \(f(height))\""
        out += " width=\"\(f(Self.width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\">"
        out += "<title>\(Markup.escape(title))</title><desc>\(Markup.escape(description))</desc>"
        out += "<g font-family=\"'Times New Roman', 'Liberation Serif', serif\" font-size=\"12\">"

        // Grid and axis labels every quarter of the scale.
        let plotBottom = height - Self.bottom
        for step in 0...4 {
            let v = scale * Double(step) / 4
            let gx = f(x(v))
            out += "<line x1=\"\(gx)\" y1=\"\(f(Self.top - 4))\" x2=\"\(gx)\" y2=\"\(f(plotBottom))\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(gx)\" y=\"\(f(Self.top - 8))\" text-anchor=\"middle\" fill=\"#555555\">\(Self.axisLabel(v))</text>"
        }

        for (i, bar) in bars.enumerated() {
            let rowTop = Self.top + Double(i) * Self.rowHeight
            let barY = rowTop + (Self.rowHeight - Self.barHeight) / 2
            let textY = f(rowTop + Self.rowHeight / 2 + 4)
            let tooltip = bar.note.isEmpty ? bar.label : "\(bar.label): \(bar.note)"
            out += "<g><title>\(Markup.escape(tooltip))</title>"
            out += "<text x=\"\(f(Self.labelRight))\" y=\"\(textY)\" text-anchor=\"end\"\(bar.emphasized ? " font-weight=\"bold\"" : "")>"
            out += Markup.escape(ChartText.shorten(bar.label, to: 30)) + "</text>"
            if let value = bar.value {
                let colour = bar.met.map { $0 ? Self.metColour : Self.missedColour } ?? Self.unknownColour
                let end = x(value.doubleValue)
                let w = max(end - Self.plotLeft, value.numerator > 0 ? 1 : 0)
                out += "<rect x=\"\(f(Self.plotLeft))\" y=\"\(f(barY))\" width=\"\(f(w))\" height=\"\(f(Self.barHeight))\" fill=\"\(colour)\""
                out += bar.emphasized ? " stroke=\"#000000\" stroke-width=\"1\"/>" : "/>"
                out += "<text x=\"\(f(Self.plotLeft + Self.plotWidth + 6))\" y=\"\(textY)\"\(bar.emphasized ? " font-weight=\"bold\"" : "")>"
                out += Markup.escape(bar.valueText) + "</text>"
            } else {
                out += "<text x=\"\(f(Self.plotLeft + 4))\" y=\"\(textY)\" fill=\"#555555\" font-style=\"italic\">"
                out += Markup.escape(bar.valueText.isEmpty ? "chưa báo cáo" : bar.valueText) + "</text>"
            }
            out += "</g>"
        }

        if let target {
            let tx = f(x(target.doubleValue))
            out += "<g><title>\(Markup.escape(targetText))</title>"
            out += "<line x1=\"\(tx)\" y1=\"\(f(Self.top - 2))\" x2=\"\(tx)\" y2=\"\(f(plotBottom))\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text x=\"\(tx)\" y=\"\(f(12))\" text-anchor=\"middle\" fill=\"\(Self.targetColour)\" font-weight=\"bold\">\(Markup.escape(targetText))</text>"
            out += "</g>"
        }
        out += "</g></svg>"
        return out
    }

    /// "0%", "25%", "50%", "75%", "100%" (and "27,5%" for a scale beyond 100%).
    static func axisLabel(_ value: Double) -> String {
        let tenths = Int((value * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }
}
