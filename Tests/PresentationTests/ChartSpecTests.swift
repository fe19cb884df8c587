import Testing
import Core
import Model
@testable import Presentation

@Suite("Chart specifications: scale, ticks, series, target")
struct ChartSpecTests {
    @Test("the axis goes to 100% unless a value or the target goes beyond, then to the next tenth")
    func barScale() {
        let within = BarChartSpec(title: "t", description: "d", bars: [.init(label: "A", value: Fraction(1, 2), valueText: "50,00%", met: nil)],
                                  target: Fraction(4, 5), targetText: "Chỉ tiêu 80%")
        #expect(within.scaleMax == 1)
        #expect(within.ticks.map(\.value) == [0, 0.25, 0.5, 0.75, 1])
        let beyond = BarChartSpec(title: "t", description: "d", bars: [.init(label: "A", value: Fraction(21, 20), valueText: "105,00%", met: nil)],
                                  target: nil, targetText: "")
        #expect(beyond.scaleMax == 1.1)
        #expect(beyond.ticks.map(\.label) == ["0%", "27,5%", "55%", "82,5%", "110%"])
        let targetBeyond = BarChartSpec(title: "t", description: "d", bars: [], target: Fraction(6, 5), targetText: "")
        #expect(targetBeyond.scaleMax == 1.2)
    }

    @Test("a line chart draws at most ten series, years ascending, the target where one is set")
    func lineSeries() {
        let series = (0..<12).map { i in
            LineChartSpec.Series(name: "Đơn vị \(i)", points: [.init(year: 2024, value: Fraction(Int64(i), 20), valueText: "")], emphasized: i == 0)
        }
        let chart = LineChartSpec(title: "t", description: "d", years: [2025, 2023, 2024], series: series,
                                  targets: [2025: Fraction(4, 5), 2023: Fraction(3, 4)])
        #expect(chart.years == [2023, 2024, 2025])
        #expect(chart.shownSeries.count == LineChartSpec.maximumSeries)
        #expect(chart.shownSeries.first?.emphasized == true)
        #expect(chart.targetPoints.map(\.year) == [2023, 2025])
        #expect(chart.targetPoints.map(\.target) == [Fraction(3, 4), Fraction(4, 5)])
        #expect(chart.scaleMax == 1)
        #expect(chart.targetText == "Chỉ tiêu" && chart.reexpressedLegend == "Số liệu quy đổi")
    }

    @Test("a shown value beyond 100% sets the line chart's scale")
    func lineScaleBeyond() {
        let chart = LineChartSpec(title: "t", description: "d", years: [2024],
                                  series: [.init(name: "A", points: [.init(year: 2024, value: Fraction(23, 20), valueText: "115,00%")])],
                                  targets: [:])
        #expect(chart.scaleMax == 1.2)
        #expect(chart.ticks.last?.label == "120%")
    }

    @Test("long names are shortened with an ellipsis, short ones kept")
    func shorten() {
        #expect(ChartText.shorten("Thành phố Ngã Bảy, tỉnh Hậu Giang", to: 26) == "Thành phố Ngã Bảy, tỉnh H…")
        #expect(ChartText.shorten("Quận Ninh Kiều", to: 30) == "Quận Ninh Kiều")
    }
}
