import Core

/// A line chart of rates over the years of a review phase, as inline SVG: one line per unit, the
/// target as a dashed line (it may change from year to year), and points re-expressed in the
/// report year's units drawn hollow, as the legend explains.
///
///     let chart = LineChart(
///         title: "Tỷ lệ gia đình học tập 2023-2025",
///         description: "Toàn tỉnh tăng từ 70,00% lên 80,00%.",
///         years: [2023, 2024, 2025],
///         series: [.init(name: "Toàn tỉnh", points: [
///             .init(year: 2023, value: Fraction(7, 10), valueText: "70,00%"),
///             .init(year: 2024, value: Fraction(3, 4), valueText: "75,00%", reexpressed: true),
///             .init(year: 2025, value: Fraction(4, 5), valueText: "80,00%")], emphasized: true)],
///         targets: [2023: Fraction(3, 4)], targetText: "Chỉ tiêu")
///     chart.svg()
///
/// A year without a value breaks the line rather than drawing through it. Deterministic and
/// escaped like `BarChart`.
public struct LineChart: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var year: Int
        public var value: Fraction?
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
        public var name: String
        public var points: [Point]
        /// Drawn thicker: the report's own unit.
        public var emphasized: Bool

        public init(name: String, points: [Point], emphasized: Bool = false) {
            self.name = name
            self.points = points
            self.emphasized = emphasized
        }
    }

    public var title: String
    public var description: String
    public var years: [Int]
    public var series: [Series]
    /// The target in force each year (fractions of one); years without one draw no target.
    public var targets: [Int: Fraction]
    /// The legend's word for the target line: "Chỉ tiêu".
    public var targetText: String

    public init(title: String, description: String, years: [Int], series: [Series], targets: [Int: Fraction], targetText: String = "Chỉ tiêu") {
        self.title = title
        self.description = description
        self.years = years.sorted()
        self.series = series
        self.targets = targets
        self.targetText = targetText
    }

    static let width = 680.0
    static let plotLeft = 52.0
    static let plotRight = 480.0
    static let plotTop = 16.0
    static let plotBottom = 236.0
    static let height = 266.0
    static let legendX = 496.0
    /// Colour-blind-safe (Okabe-Ito) series colours, in order.
    static let palette = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F6000", "#4B0082", "#8B0000"]
    /// At most this many series get a line; the table beside the chart has every unit.
    public static let maximumSeries = 10

    public func svg() -> String {
        let f = SVGNumber.format
        let shown = Array(series.prefix(Self.maximumSeries))
        let maxValue = shown.flatMap { $0.points.compactMap { $0.value?.doubleValue } }.max() ?? 0
        let scale = max(maxValue, targets.values.map(\.doubleValue).max() ?? 0) <= 1 ? 1.0 : (maxValue * 10).rounded(.up) / 10
        let span = Self.plotRight - Self.plotLeft
        func x(_ year: Int) -> Double {
            guard years.count > 1, let i = years.firstIndex(of: year) else { return Self.plotLeft + span / 2 }
            return Self.plotLeft + span * Double(i) / Double(years.count - 1)
        }
        func y(_ v: Double) -> Double { Self.plotBottom - min(max(v / scale, 0), 1) * (Self.plotBottom - Self.plotTop) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 \(f(Self.width)) \(f(Self.height))\""
        out += " width=\"\(f(Self.width))\" height=\"\(f(Self.height))\" role=\"img\" aria-label=\"\(Markup.escape(title))\">"
        out += "<title>\(Markup.escape(title))</title><desc>\(Markup.escape(description))</desc>"
        out += "<g font-family=\"'Times New Roman', 'Liberation Serif', serif\" font-size=\"12\">"
        for step in 0...4 {
            let v = scale * Double(step) / 4
            let gy = f(y(v))
            out += "<line x1=\"\(f(Self.plotLeft))\" y1=\"\(gy)\" x2=\"\(f(Self.plotRight))\" y2=\"\(gy)\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(f(Self.plotLeft - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\" fill=\"#555555\">\(BarChart.axisLabel(v))</text>"
        }
        for year in years {
            out += "<text x=\"\(f(x(year)))\" y=\"\(f(Self.plotBottom + 18))\" text-anchor=\"middle\">\(year)</text>"
        }

        // Target: a dashed line through the years that have one.
        let targetPoints = years.compactMap { year in targets[year].map { (year, $0) } }
        if !targetPoints.isEmpty {
            out += "<g><title>\(Markup.escape(targetText))</title>"
            if targetPoints.count == 1 {
                let ty = f(y(targetPoints[0].1.doubleValue))
                out += "<line x1=\"\(f(Self.plotLeft))\" y1=\"\(ty)\" x2=\"\(f(Self.plotRight))\" y2=\"\(ty)\" stroke=\"\(BarChart.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            } else {
                let pts = targetPoints.map { "\(f(x($0.0))),\(f(y($0.1.doubleValue)))" }.joined(separator: " ")
                out += "<polyline points=\"\(pts)\" fill=\"none\" stroke=\"\(BarChart.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            }
            out += "</g>"
        }

        var anyReexpressed = false
        for (i, s) in shown.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            let strokeWidth = s.emphasized ? "3" : "1.5"
            out += "<g><title>\(Markup.escape(s.name))</title>"
            // Consecutive years with values form one segment.
            var segment: [String] = []
            func flush() {
                if segment.count > 1 {
                    out += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(strokeWidth)\"/>"
                }
                segment = []
            }
            let byYear = Dictionary(s.points.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
            for year in years {
                if let p = byYear[year], let v = p.value { segment.append("\(f(x(year))),\(f(y(v.doubleValue)))") } else { flush() }
            }
            flush()
            for year in years {
                guard let p = byYear[year], let v = p.value else { continue }
                anyReexpressed = anyReexpressed || p.reexpressed
                let note = "\(s.name), \(year): \(p.valueText)" + (p.reexpressed ? " (số liệu quy đổi theo đơn vị hành chính hiện nay)" : "")
                out += "<circle cx=\"\(f(x(year)))\" cy=\"\(f(y(v.doubleValue)))\" r=\"\(p.reexpressed ? "4.5" : "3.5")\""
                out += p.reexpressed ? " fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"2\">" : " fill=\"\(colour)\">"
                out += "<title>\(Markup.escape(note))</title></circle>"
            }
            out += "</g>"
        }

        // Legend: series, the target, and the hollow marker when used.
        var ly = Self.plotTop + 4
        for (i, s) in shown.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            out += "<line x1=\"\(f(Self.legendX))\" y1=\"\(f(ly))\" x2=\"\(f(Self.legendX + 18))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"\(s.emphasized ? "3" : "1.5")\"/>"
            out += "<text x=\"\(f(Self.legendX + 24))\" y=\"\(f(ly + 4))\">\(Markup.escape(ChartText.shorten(s.name, to: 22)))</text>"
            ly += 18
        }
        if !targetPoints.isEmpty {
            out += "<line x1=\"\(f(Self.legendX))\" y1=\"\(f(ly))\" x2=\"\(f(Self.legendX + 18))\" y2=\"\(f(ly))\" stroke=\"\(BarChart.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text x=\"\(f(Self.legendX + 24))\" y=\"\(f(ly + 4))\">\(Markup.escape(targetText))</text>"
            ly += 18
        }
        if anyReexpressed {
            out += "<circle cx=\"\(f(Self.legendX + 9))\" cy=\"\(f(ly))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>"
            out += "<text x=\"\(f(Self.legendX + 24))\" y=\"\(f(ly + 4))\">Số liệu quy đổi</text>"
        }
        out += "</g></svg>"
        return out
    }
}
