import Core
import Model

extension ReportPresenter {
    func trends() -> [PresentedTrend] {
        guard let section = model.trends else { return [] }
        return section.indicators.enumerated().map { i, trend in self.trend(trend, years: section.years, number: i + 1) }
    }

    /// The trend table and chart of one indicator: the root and its children (the districts);
    /// deeper units are in the model and report.json but would drown the report.
    func trend(_ trend: IndicatorTrend, years: [Int], number: Int) -> PresentedTrend {
        let shown = trend.rows.filter { $0.depth <= 1 }
        let rows = shown.map { row in
            PresentedTrend.Row(
                name: name(row.unitName),
                flagText: row.flagged ? "có năm không quy đổi được do đơn vị cũ bị chia tách" : nil,
                cells: row.points.map { p in
                    PresentedTrend.Cell(rate: .percent(p.rate, percent, missing: p.flagged ? "không quy đổi được" : "—"),
                                        reexpressed: p.reexpressed, met: p.met, source: trendSource(p))
                },
                change: PresentedCell(text: row.change.map { percent.points($0) } ?? "—", value: row.change, kind: .points),
                firstMetText: row.firstYearMet.map(String.init) ?? (row.neverMet ? "chưa đạt" : "—"),
                isTotal: row.depth == 0)
        }
        var targets: [Int: Fraction] = [:]
        for (year, target) in zip(years, trend.targets) { if let target { targets[year] = target } }
        let series = shown.map { row in
            LineChartSpec.Series(name: name(row.unitName), points: row.points.map {
                LineChartSpec.Point(year: $0.year, value: $0.rate, valueText: $0.rate.map { percent.percent($0) } ?? "—", reexpressed: $0.reexpressed)
            }, emphasized: row.depth == 0)
        }
        var summary: String?
        if let rootRow = shown.first, let change = rootRow.change, let from = rootRow.changeFrom, let to = rootRow.changeTo,
           let a = rootRow.points.first(where: { $0.year == from })?.rate, let b = rootRow.points.first(where: { $0.year == to })?.rate {
            summary = "\(name(rootRow.unitName)): từ \(percent.percent(a)) (\(from)) đến \(percent.percent(b)) (\(to)), thay đổi \(percent.points(change))."
        }
        let neverMet = trend.neverMet.compactMap { code in shown.contains { $0.unitCode == code && $0.depth == 1 } ? unitsByCode[code].map { name($0.name) } : nil }
        var chart = LineChartSpec(
            title: "\(name(trend.name)) qua các năm",
            description: summary ?? "Tỷ lệ qua các năm \(years.first ?? 0)-\(years.last ?? 0).",
            years: years, series: series, targets: targets, targetText: "Chỉ tiêu")
        // The target line says what it is where it ends: the last year's target, with its year
        // when the plan changed it during the phase.
        if let last = years.last(where: { targets[$0] != nil }), let value = targets[last] {
            chart.targetLabel = Set(targets.values).count > 1 ? "Chỉ tiêu \(last): \(percent.percentTarget(value))"
                : "Chỉ tiêu \(percent.percentTarget(value))"
        }
        // A target is a plan's figure, never a result: printed as the indicator table prints it.
        let targetCells = trend.targets.map { target in
            PresentedCell(text: target.map { percent.percentTarget($0) } ?? "—", value: target, kind: .percent)
        }
        return PresentedTrend(number: number, id: trend.indicatorID, name: name(trend.name), summaryText: summary, years: years,
                              targets: targetCells, rows: rows, chart: chart, neverMetNames: neverMet,
                              reexpressedNames: shown.filter(\.reexpressed).map { name($0.unitName) },
                              flaggedNames: shown.filter(\.flagged).map { name($0.unitName) })
    }

    /// "2023: 9.735/11.160 (87,23%) (quy đổi theo đơn vị hành chính hiện nay)".
    func trendSource(_ p: TrendPoint) -> String {
        var s = "\(p.year): "
        if let n = p.numerator, let d = p.denominator { s += percent.countAndRate(n, d) } else { s += "chưa có số liệu" }
        if p.reexpressed { s += " (quy đổi theo đơn vị hành chính hiện nay)" }
        if p.flagged { s += " (không quy đổi được: đơn vị cũ bị chia tách)" }
        return s
    }
}
