import Core
import Model

extension ReportPresenter {
    /// One indicator: the root's result, the rows of its children by rank, those below target,
    /// and the bar chart (the root first, then the children).
    func indicator(_ indicator: IndicatorReport, number: Int) -> PresentedIndicator {
        let total = indicator.total
        let childLevel = indicator.breakdown.first?.level ?? total.children?.level ?? .district
        let rows = indicator.breakdown.map { row($0, isTotal: false) }
        let byCode = Dictionary(indicator.breakdown.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
        let below = indicator.belowTarget.compactMap { byCode[$0] }.map { row($0, isTotal: false) }
        let targetText = indicator.target.map { percent.percentTarget($0) } ?? "—"
        let chartTitle = "\(name(indicator.name)) theo \(LevelWords.plural(childLevel))"
        var description = "Biểu đồ thanh ngang: tỷ lệ của \(name(model.root.name)) và từng \(LevelWords.plural(childLevel))"
        if indicator.target != nil, let c = total.children {
            description += "; đường nét đứt là chỉ tiêu \(targetText); \(c.met)/\(c.withRate) \(LevelWords.plural(c.level)) đạt."
        } else {
            description += "."
        }
        let bars = ([total] + indicator.breakdown).enumerated().map { i, r in
            BarChartSpec.Bar(label: name(r.unitName), value: r.rate, valueText: r.rate.map { percent.percent($0) } ?? "chưa có số liệu",
                             met: indicator.target == nil ? nil : r.met, note: resultText(r), emphasized: i == 0)
        }
        var notReported: String?
        if let c = total.children, c.notReported > 0 {
            notReported = "\(c.notReported) \(LevelWords.plural(c.level)) chưa có số liệu"
        }
        return PresentedIndicator(
            number: number,
            id: indicator.id,
            name: name(indicator.name),
            target: PresentedCell(text: targetText, value: indicator.target, kind: .percent),
            targetSource: indicator.target == nil ? "Chưa đặt chỉ tiêu cho năm \(model.metadata.year) trong pipeline.yml"
                : "Chỉ tiêu năm \(model.metadata.year) theo kế hoạch (pipeline.yml, chỉ tiêu \(indicator.id))",
            resultText: resultText(total),
            rate: .percent(total.rate, percent),
            status: total.status,
            statusText: StatusWords.text(total.status),
            gapText: total.gap.map { GapPhrase.short($0, percent) } ?? "",
            gapSentence: total.gap.map { GapPhrase.sentence($0, percent) } ?? (indicator.target == nil ? "" : "chưa có số liệu để so sánh"),
            childrenMetText: childrenMetText(total.children, hasTarget: indicator.target != nil),
            notReportedText: notReported,
            basisText: basisSentence(total.basis),
            basisLevelName: LevelWords.plural(total.basis.level),
            source: sourceText(total),
            chart: BarChartSpec(title: chartTitle, description: description, bars: bars, target: indicator.target,
                                targetText: "Chỉ tiêu \(targetText)"),
            rowLevelName: LevelWords.plural(childLevel),
            rowLevelTitle: LevelWords.title(childLevel),
            total: row(total, isTotal: true),
            rows: rows,
            belowTarget: below)
    }

    /// One unit's result as a row; the report unit's own row has no rank.
    func row(_ r: IndicatorResult, isTotal: Bool) -> PresentedRow {
        PresentedRow(
            code: r.unitCode,
            name: name(r.unitName),
            parentName: r.parentCode.flatMap { unitsByCode[$0] }.map { name($0.name) } ?? "",
            numerator: .count(r.numerator),
            denominator: .count(r.denominator),
            rate: .percent(r.rate, percent),
            resultText: resultText(r),
            status: r.status,
            statusText: StatusWords.text(r.status),
            met: r.met,
            gapText: r.gap.map { GapPhrase.short($0, percent) } ?? "",
            rank: isTotal ? PresentedCell(text: "", value: nil, kind: .rank)
                : PresentedCell(text: r.rank.map(String.init) ?? "—", value: r.rank.map { Fraction(Int64($0), 1) }, kind: .rank),
            childrenMetText: childrenMetText(r.children, hasTarget: r.target != nil),
            basis: PresentedCell(text: BasisPhrase.cell(r.basis, ownLevel: r.level), value: Fraction(Int64(r.basis.counted), 1), kind: .count),
            basisSentence: basisSentence(r.basis),
            source: sourceText(r),
            isTotal: isTotal)
    }
}
