import Core

import Presentation

/// Draws a `LineChartSpec` as inline SVG: one line per shown series (the emphasized one
/// thicker and drawn on top, the others lighter), the target as a dashed line (a polyline when
/// it changes from year to year) labelled at its end, re-expressed points hollow, and a legend.
/// The value axis is the spec's fitted one (`LineChartSpec.axis`), not 0-100%.
///
///     let svg = LineChartSVG(spec: trend.chart).svg()
///
/// A year without a value breaks the line rather than drawing through it. What is on the chart
/// is the spec's; only the layout and the colours are decided here. Deterministic and escaped
/// like `BarChartSVG`.
public struct LineChartSVG: Sendable, Hashable {
    public var spec: LineChartSpec

    public init(spec: LineChartSpec) {
        self.spec = spec
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
    public func svg() -> String {
        let f = SVGNumber.format
        let shown = spec.shownSeries
        let years = spec.years
        let axis = spec.axis
        let span = Self.plotRight - Self.plotLeft
        func x(_ year: Int) -> Double {
            guard years.count > 1, let i = years.firstIndex(of: year) else { return Self.plotLeft + span / 2 }
            return Self.plotLeft + span * Double(i) / Double(years.count - 1)
        }
        let range = axis.max - axis.min
        func y(_ v: Double) -> Double {
            Self.plotBottom - min(max((v - axis.min) / range, 0), 1) * (Self.plotBottom - Self.plotTop)
        }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\" viewBox=\"0 0 \(f(Self.width)) \(f(Self.height))\""
        out += " width=\"\(f(Self.width))\" height=\"\(f(Self.height))\" role=\"img\" aria-label=\"\(Markup.escape(spec.title))\">"
        out += "<title>\(Markup.escape(spec.title))</title><desc>\(Markup.escape(spec.description))</desc>"
        out += "<g font-family=\"'Times New Roman', 'Liberation Serif', serif\" font-size=\"12\">"
        for tick in axis.ticks {
            let gy = f(y(tick.value))
            out += "<line x1=\"\(f(Self.plotLeft))\" y1=\"\(gy)\" x2=\"\(f(Self.plotRight))\" y2=\"\(gy)\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(f(Self.plotLeft - 6))\" y=\"\(f(y(tick.value) + 4))\" text-anchor=\"end\" fill=\"#555555\">\(Markup.escape(tick.label))</text>"
        }
        for year in years {
            out += "<text x=\"\(f(x(year)))\" y=\"\(f(Self.plotBottom + 18))\" text-anchor=\"middle\">\(year)</text>"
        }

        // Target: a dashed line through the years that have one.
        let targetPoints = spec.targetPoints
        if !targetPoints.isEmpty {
            out += "<g><title>\(Markup.escape(spec.targetText))</title>"
            if targetPoints.count == 1 {
                let ty = f(y(targetPoints[0].1.doubleValue))
                out += "<line x1=\"\(f(Self.plotLeft))\" y1=\"\(ty)\" x2=\"\(f(Self.plotRight))\" y2=\"\(ty)\" stroke=\"\(BarChartSVG.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            } else {
                let pts = targetPoints.map { "\(f(x($0.0))),\(f(y($0.1.doubleValue)))" }.joined(separator: " ")
                out += "<polyline points=\"\(pts)\" fill=\"none\" stroke=\"\(BarChartSVG.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            }
            // A white halo keeps the label legible where a unit's line crosses it.
            if let label = spec.targetLabel, let last = targetPoints.last {
                out += "<text x=\"\(f(x(last.0) - 2))\" y=\"\(f(y(last.1.doubleValue) - 5))\" text-anchor=\"end\" fill=\"\(BarChartSVG.targetColour)\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Markup.escape(label))</text>"
            }
            out += "</g>"
        }

        var anyReexpressed = false
        // The report unit's line is drawn last, on top of the others; colours keep the legend's order.
        let order = shown.indices.filter { !shown[$0].emphasized } + shown.indices.filter { shown[$0].emphasized }
        for i in order {
            let s = shown[i]
            let colour = Self.palette[i % Self.palette.count]
            let strokeWidth = s.emphasized ? "3" : "1.5"
            out += s.emphasized ? "<g><title>" : "<g opacity=\"0.8\"><title>"
            out += "\(Markup.escape(s.name))</title>"
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
                let note = "\(s.name), \(year): \(p.valueText)" + (p.reexpressed ? " (\(spec.reexpressedNote))" : "")
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
            out += "<line x1=\"\(f(Self.legendX))\" y1=\"\(f(ly))\" x2=\"\(f(Self.legendX + 18))\" y2=\"\(f(ly))\" stroke=\"\(BarChartSVG.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text x=\"\(f(Self.legendX + 24))\" y=\"\(f(ly + 4))\">\(Markup.escape(spec.targetText))</text>"
            ly += 18
        }
        if anyReexpressed {
            out += "<circle cx=\"\(f(Self.legendX + 9))\" cy=\"\(f(ly))\" r=\"4.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>"
            out += "<text x=\"\(f(Self.legendX + 24))\" y=\"\(f(ly + 4))\">\(Markup.escape(spec.reexpressedLegend))</text>"
        }
        out += "</g></svg>"
        return out
    }
}
