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

@Suite("A line chart's value axis fitted to its values")
struct ValueAxisTests {
    /// Ten units between 85% and 95% and a target of 90%: the tangle of a 0-100% axis.
    static func crowded() -> LineChartSpec {
        let series = (0..<10).map { (i: Int) -> LineChartSpec.Series in
            let first = LineChartSpec.Point(year: 2023, value: Fraction(Int64(850 + i * 7), 1000), valueText: "")
            let second = LineChartSpec.Point(year: 2024, value: Fraction(Int64(870 + i * 8), 1000), valueText: "")
            return LineChartSpec.Series(name: "Đơn vị \(i)", points: [first, second], emphasized: i == 0)
        }
        return LineChartSpec(title: "t", description: "d", years: [2023, 2024], series: series,
                             targets: [2023: Fraction(9, 10), 2024: Fraction(9, 10)])
    }

    /// A tick is round when it is a whole multiple of the step and the step one of the round ones.
    static func steps(_ axis: ValueAxis) -> Set<Int> {
        var steps: Set<Int> = []
        for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) {
            let gap: Double = (b.value - a.value) * 10_000
            steps.insert(Int(gap.rounded()))
        }
        return steps
    }

    @Test("values crowded between 85% and 95% get an axis around them, not 0-100%")
    func fitted() {
        let chart = Self.crowded()
        let axis = chart.axis
        #expect(axis.min == 0.84 && axis.max == 0.96)
        #expect(axis.ticks.map(\.label) == ["84%", "86%", "88%", "90%", "92%", "94%", "96%"])
        // The names the Word chart reads keep their meaning: the 0-based scale.
        #expect(chart.scaleMax == 1 && chart.ticks.map(\.value) == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test("every value and every target lies inside the axis, with room above and below")
    func inside() {
        for (values, target) in [([0.861, 0.912, 0.943], 0.9), ([0.5, 0.55], 0.8), ([0.97, 0.99], 0.95), ([0.2, 0.25], 0.1),
                                 ([1.04, 0.98], 1.0), ([0.0, 0.03], 0.05)] {
            let axis = ValueAxis.fitted(values + [target])
            for v in values + [target] { #expect(axis.min <= v && v <= axis.max, "\(v) outside \(axis.min)-\(axis.max)") }
            #expect(axis.ticks.first?.value == axis.min && axis.ticks.last?.value == axis.max)
            #expect(axis.ticks.count >= 2 && axis.ticks.count <= ValueAxis.maximumIntervals + 1)
            // Within 0-100% while the values are; never below 0.
            #expect(axis.min >= 0)
            if values.allSatisfy({ $0 <= 1 }) && target <= 1 { #expect(axis.max <= 1) }
        }
    }

    @Test("ticks sit at one round step")
    func round() {
        for values in [[0.861, 0.943], [0.12, 0.95], [0.33, 0.41], [0.5], [1.05, 1.3], [0.0, 1.0]] {
            let axis = ValueAxis.fitted(values)
            let steps = Self.steps(axis)
            #expect(steps.count == 1)
            let step = steps.first ?? 0
            #expect([100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000].contains(step))
            for tick in axis.ticks { #expect(Int((tick.value * 10_000).rounded()) % step == 0) }
        }
    }

    @Test("a change of a few tenths of a point is not blown up: the axis spans at least 10 points")
    func minimumSpan() {
        let axis = ValueAxis.fitted([0.851, 0.853, 0.854])
        #expect(axis.max - axis.min >= 0.1 - 1e-9)
        let nothing = ValueAxis.fitted([])
        #expect(nothing.min == 0 && nothing.max == 1 && nothing.ticks.count == 5)
    }
}
