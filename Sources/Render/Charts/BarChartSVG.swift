import Core
import Model

import Presentation

/// Draws a `BarChartSpec` as inline SVG: one horizontal bar per unit (green when it meets the
/// target, red when it does not, grey without data), the value written at the end of each bar,
/// a dashed vertical line at the target, the grid at the spec's ticks.
///
///     let svg = BarChartSVG(spec: indicator.chart).svg()
///     // "<svg xmlns=... role=\"img\" aria-label=...><title>...</title><desc>...</desc>..."
///
/// What is on the chart (bars, values, texts, scale) is the spec's; only the layout and the
/// colours are decided here. The output is deterministic (coordinates with one fixed decimal, no
/// random ids) and every piece of text is escaped. It needs no script and no stylesheet:
/// colours are attributes, so the chart prints and survives being copied into an e-mail.
public struct BarChartSVG: Sendable, Hashable {
    public var spec: BarChartSpec

    public init(spec: BarChartSpec) {
        self.spec = spec
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

    public func svg() -> String {
        let f = SVGNumber.format
        let bars = spec.bars
        let height = Self.top + Double(bars.count) * Self.rowHeight + Self.bottom
        let scale = spec.scaleMax
        func x(_ value: Double) -> Double { Self.plotLeft + min(max(value / scale, 0), 1) * Self.plotWidth }

        var out = ""
        out.reserveCapacity(400 + bars.count * 420)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\" viewBox=\"0 0 \(f(Self.width)) \(f(height))\""
        out += " width=\"\(f(Self.width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(Markup.escape(spec.title))\">"
        out += "<title>\(Markup.escape(spec.title))</title><desc>\(Markup.escape(spec.description))</desc>"
        out += "<g font-family=\"'Times New Roman', 'Liberation Serif', serif\" font-size=\"12\">"

        // Grid and axis labels every quarter of the scale.
        let plotBottom = height - Self.bottom
        for tick in spec.ticks {
            let gx = f(x(tick.value))
            out += "<line x1=\"\(gx)\" y1=\"\(f(Self.top - 4))\" x2=\"\(gx)\" y2=\"\(f(plotBottom))\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>"
            out += "<text x=\"\(gx)\" y=\"\(f(Self.top - 8))\" text-anchor=\"middle\" fill=\"#555555\">\(Markup.escape(tick.label))</text>"
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

        if let target = spec.target {
            let tx = f(x(target.doubleValue))
            out += "<g><title>\(Markup.escape(spec.targetText))</title>"
            out += "<line x1=\"\(tx)\" y1=\"\(f(Self.top - 2))\" x2=\"\(tx)\" y2=\"\(f(plotBottom))\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text x=\"\(tx)\" y=\"\(f(12))\" text-anchor=\"middle\" fill=\"\(Self.targetColour)\" font-weight=\"bold\">\(Markup.escape(spec.targetText))</text>"
            out += "</g>"
        }
        out += "</g></svg>"
        return out
    }
}
