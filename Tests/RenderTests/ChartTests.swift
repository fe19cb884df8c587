import Core
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Presentation
@testable import Render
import Testing

/// Collects elements and attributes of an SVG document; fails on anything not well-formed.
final class SVGProbe: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    var elements: [Element] = []
    private var stack: [Int] = []

    static func parse(_ svg: String) throws -> SVGProbe {
        let probe = SVGProbe()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = probe
        guard parser.parse() else {
            throw NSError(domain: "SVGProbe", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "parse error") at line \(parser.lineNumber)"])
        }
        return probe
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: ""))
        stack.append(elements.count - 1)
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = stack.last { elements[i].text += string }
    }
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

@Suite("SVG charts drawn from their specifications")
struct ChartTests {
    static func sampleBars() -> BarChartSVG {
        BarChartSVG(spec: BarChartSpec(
            title: "Tỷ lệ gia đình học tập theo huyện",
            description: "2/3 huyện đạt chỉ tiêu 80%.",
            bars: [
                .init(label: "Toàn thành phố", value: Fraction(17, 20), valueText: "85,00%", met: true, note: "17/20", emphasized: true),
                .init(label: "Ninh Kiều", value: Fraction(1, 2), valueText: "50,00%", met: false, note: "1/2 — nguồn: ninh-kieu.xlsx, Cấp xã!E7"),
                .init(label: "<script>alert(1)</script>", value: Fraction(9, 10), valueText: "90,00%", met: true),
                .init(label: "Cờ Đỏ", value: nil, valueText: "chưa báo cáo", met: nil),
            ],
            target: Fraction(4, 5), targetText: "Chỉ tiêu 80%"))
    }

    @Test("bar chart: well-formed, accessible, escaped")
    func barChartAccessible() throws {
        let svg = Self.sampleBars().svg()
        let probe = try SVGProbe.parse(svg)
        let root = try #require(probe.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-label"] == "Tỷ lệ gia đình học tập theo huyện")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(probe.elements[1].name == "title" && probe.elements[1].text == "Tỷ lệ gia đình học tập theo huyện")
        #expect(probe.elements[2].name == "desc" && probe.elements[2].text == "2/3 huyện đạt chỉ tiêu 80%.")
        // The hostile name is text, never an element.
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(probe.all("script").isEmpty)
        #expect(probe.all("text").contains { $0.text == "<script>alert(1)</script>" })
        // Source notes are in the bars' tooltips.
        #expect(probe.all("title").contains { $0.text == "Ninh Kiều: 1/2 — nguồn: ninh-kieu.xlsx, Cấp xã!E7" })
    }

    @Test("bar chart: geometry follows the values and the target")
    func barGeometry() throws {
        let probe = try SVGProbe.parse(Self.sampleBars().svg())
        let rects = probe.all("rect")
        // Three bars with data, none for the unit that did not report.
        #expect(rects.count == 3)
        let widths = rects.compactMap { $0.attributes["width"].flatMap(Double.init) }
        let plot = BarChartSVG.plotWidth
        #expect(widths == [plot * 0.85, plot * 0.5, plot * 0.9])
        #expect(rects.map { $0.attributes["fill"] } == [BarChartSVG.metColour, BarChartSVG.missedColour, BarChartSVG.metColour])
        // The target line stands at 80% of the plot.
        let targetLine = try #require(probe.all("line").first { $0.attributes["stroke"] == BarChartSVG.targetColour })
        #expect(targetLine.attributes["x1"] == SVGNumber.format(BarChartSVG.plotLeft + plot * 0.8))
        #expect(probe.all("text").contains { $0.text == "chưa báo cáo" })
        #expect(probe.all("text").contains { $0.text == "Chỉ tiêu 80%" })
        // Height grows with the rows.
        let height = try #require(probe.elements[0].attributes["height"].flatMap(Double.init))
        #expect(height == BarChartSVG.top + 4 * BarChartSVG.rowHeight + BarChartSVG.bottom)
    }

    @Test("bar chart: deterministic, coordinates with one fixed decimal")
    func deterministic() throws {
        let a = Self.sampleBars().svg(), b = Self.sampleBars().svg()
        #expect(a == b)
        let probe = try SVGProbe.parse(a)
        let coordinateNames: Set = ["x", "y", "x1", "x2", "y1", "y2", "width", "height", "cx", "cy"]
        for element in probe.elements {
            for (name, value) in element.attributes where coordinateNames.contains(name) {
                #expect(value.wholeMatch(of: /-?[0-9]+\.[0-9]/) != nil, "\(element.name) \(name)=\(value)")
            }
        }
        #expect(SVGNumber.format(212.25) == "212.3")
        #expect(SVGNumber.format(-0.04) == "0.0")
        #expect(SVGNumber.format(7) == "7.0")
        #expect(SVGNumber.format(-3.25) == "-3.3")
    }

    @Test("bar chart: long names are shortened on the chart, whole in the tooltip")
    func longNames() throws {
        let name = "Thành phố Ngã Bảy thuộc tỉnh Hậu Giang cũ, nay thuộc Cần Thơ"
        let chart = BarChartSVG(spec: BarChartSpec(title: "t", description: "d", bars: [.init(label: name, value: Fraction(1, 3), valueText: "33,33%", met: nil)], target: nil, targetText: ""))
        let probe = try SVGProbe.parse(chart.svg())
        #expect(probe.all("title").contains { $0.text == name })
        let label = try #require(probe.all("text").first { $0.text.hasPrefix("Thành phố Ngã Bảy") })
        #expect(label.text.count == 30 && label.text.hasSuffix("…"))
        // No target: no dashed line.
        #expect(!probe.all("line").contains { $0.attributes["stroke"] == BarChartSVG.targetColour })
    }

    static func sampleLines() -> LineChartSVG {
        LineChartSVG(spec: LineChartSpec(
            title: "Tỷ lệ gia đình học tập 2023-2025",
            description: "Toàn tỉnh tăng từ 70,00% lên 80,00%.",
            years: [2025, 2023, 2024],
            series: [
                .init(name: "Toàn tỉnh", points: [
                    .init(year: 2023, value: Fraction(7, 10), valueText: "70,00%"),
                    .init(year: 2024, value: Fraction(3, 4), valueText: "75,00%"),
                    .init(year: 2025, value: Fraction(4, 5), valueText: "80,00%"),
                ], emphasized: true),
                .init(name: "Phường <b>Tân An</b>", points: [
                    .init(year: 2023, value: Fraction(1, 2), valueText: "50,00%", reexpressed: true),
                    .init(year: 2024, value: nil, valueText: ""),
                    .init(year: 2025, value: Fraction(9, 10), valueText: "90,00%"),
                ]),
            ],
            targets: [2023: Fraction(3, 4), 2024: Fraction(3, 4), 2025: Fraction(4, 5)]))
    }

    @Test("line chart: lines break at missing years; re-expressed points are hollow and explained")
    func lineChart() throws {
        let svg = Self.sampleLines().svg()
        let probe = try SVGProbe.parse(svg)
        #expect(probe.elements[0].attributes["role"] == "img")
        #expect(probe.elements[0].attributes["aria-label"] == "Tỷ lệ gia đình học tập 2023-2025")
        #expect(probe.elements[2].text == "Toàn tỉnh tăng từ 70,00% lên 80,00%.")
        let polylines = probe.all("polyline")
        // The target (dashed) plus one line for the first series; the second has no two consecutive years.
        #expect(polylines.filter { $0.attributes["stroke-dasharray"] != nil }.count == 1)
        #expect(polylines.filter { $0.attributes["stroke-dasharray"] == nil }.count == 1)
        let circles = probe.all("circle")
        #expect(circles.count == 5 + 1)  // five points and the legend's hollow marker
        let hollow = circles.filter { $0.attributes["fill"] == "#ffffff" }
        #expect(hollow.count == 2)
        #expect(probe.all("title").contains { $0.text.contains("2023: 50,00% (số liệu quy đổi") })
        #expect(probe.all("text").contains { $0.text == "Số liệu quy đổi" })
        // Years on the axis in order, escaped names.
        #expect(probe.all("text").map(\.text).filter { ["2023", "2024", "2025"].contains($0) } == ["2023", "2024", "2025"])
        #expect(!svg.contains("<b>"))
        #expect(svg == Self.sampleLines().svg())
    }

    @Test("line chart: a value at the top of the scale sits on the top of the plot")
    func lineScale() throws {
        let chart = LineChartSVG(spec: LineChartSpec(title: "t", description: "d", years: [2023, 2024],
                              series: [.init(name: "A", points: [.init(year: 2023, value: Fraction(0, 1), valueText: "0%"),
                                                                 .init(year: 2024, value: Fraction(1, 1), valueText: "100%")])],
                              targets: [:]))
        let circles = try SVGProbe.parse(chart.svg()).all("circle")
        #expect(circles.map { $0.attributes["cy"] } == [SVGNumber.format(LineChartSVG.plotBottom), SVGNumber.format(LineChartSVG.plotTop)])
        #expect(circles.map { $0.attributes["cx"] } == [SVGNumber.format(LineChartSVG.plotLeft), SVGNumber.format(LineChartSVG.plotRight)])
    }

    @Test("line chart: crowded rates spread over the plot on the fitted axis; the target labelled; the report unit on top")
    func lineFittedAxis() throws {
        var spec = LineChartSpec(title: "t", description: "d", years: [2023, 2024], series: [
            .init(name: "Toàn tỉnh", points: [.init(year: 2023, value: Fraction(86, 100), valueText: ""),
                                              .init(year: 2024, value: Fraction(94, 100), valueText: "")], emphasized: true),
            .init(name: "Huyện A", points: [.init(year: 2023, value: Fraction(88, 100), valueText: ""),
                                            .init(year: 2024, value: Fraction(90, 100), valueText: "")]),
        ], targets: [2023: Fraction(9, 10), 2024: Fraction(9, 10)])
        spec.targetLabel = "Chỉ tiêu 90%"
        let probe = try SVGProbe.parse(LineChartSVG(spec: spec).svg())
        let ys = probe.all("circle").compactMap { $0.attributes["cy"].flatMap(Double.init) }
        let plot = LineChartSVG.plotBottom - LineChartSVG.plotTop
        // 86% to 94% fill more than half the plot's height (on 0-100% they took 8%).
        #expect((ys.max() ?? 0) - (ys.min() ?? 0) > plot / 2)
        #expect(ys.allSatisfy { $0 > LineChartSVG.plotTop && $0 < LineChartSVG.plotBottom })
        let texts = probe.all("text").map(\.text)
        #expect(texts.contains("Chỉ tiêu 90%"))
        #expect(texts.contains("84%") && texts.contains("96%") && !texts.contains("0%"))
        // The emphasized series is drawn last (on top).
        #expect(probe.all("title").map(\.text).filter { ["Toàn tỉnh", "Huyện A"].contains($0) } == ["Huyện A", "Toàn tỉnh"])
    }
}
