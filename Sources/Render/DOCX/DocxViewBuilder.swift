import Presentation

/// Maps the presented report to the Word template's view (`DocxView`). It only picks and
/// renames: no sentence, number or rounding is written here, so the DOCX prints exactly what
/// the HTML page prints.
///
///     let view = try DocxViewBuilder(report: ReportPresenter(model: model).present()).build()
///     view.indicators[0].rows[0].resultText   // "1.110/1.998 (55,56%)"
struct DocxViewBuilder {
    let report: PresentedReport

    /// - Throws: `ContainerError` when a chart's workbook cannot be zipped (libzip in memory).
    func build() throws -> DocxView {
        let r = report
        return DocxView(
            year: String(r.year),
            periodText: r.periodText,
            rootName: r.rootName,
            header: HeaderView(r.header),
            documentKind: r.documentKind,
            title: r.title,
            isReview: r.isReview,
            summary: SummaryView(r.summary),
            indicators: try r.indicators.map(indicatorView),
            trends: try r.trends.map(trendView),
            hasTrends: !r.trends.isEmpty,
            hasReexpressed: r.hasReexpressed,
            commendation: r.commendation.map(CommendationView.init),
            closing: ClosingView(r.closing),
            unitTable: r.unitTable.map(PageBuilder(report: r).unitTableView),
            quality: PageBuilder(report: r).qualityView(r.quality),
            roundingNote: r.roundingNote,
            generatedNote: r.generatedNote)
    }

    func indicatorView(_ i: PresentedIndicator) throws -> DocxIndicatorView {
        try DocxIndicatorView(
            number: String(i.number), id: i.id, name: i.name,
            hasTarget: i.target.value != nil, targetText: i.target.text, targetSource: i.targetSource,
            resultText: i.resultText, rateText: i.rate.text, statusText: i.statusText,
            gapText: i.gapText, gapSentence: i.gapSentence,
            childrenMetText: i.childrenMetText, notReportedText: i.notReportedText,
            basisText: i.basisText, basisLevelName: i.basisLevelName, source: i.source,
            chartTitle: i.chart.title, chart: DocxBarChart(spec: i.chart, id: "chi-tieu-\(i.number)").wordChart(),
            rowLevelName: i.rowLevelName, rowLevelTitle: i.rowLevelTitle,
            total: rowView(i.total), rows: i.rows.map(rowView), hasRows: !i.rows.isEmpty,
            belowTarget: i.belowTarget.map(rowView), hasBelowTarget: !i.belowTarget.isEmpty,
            belowTargetCount: String(i.belowTarget.count))
    }

    func trendView(_ t: PresentedTrend) throws -> DocxTrendView {
        try DocxTrendView(
            number: String(t.number), id: t.id, name: t.name, summaryText: t.summaryText,
            years: t.years.map(String.init), targets: t.targets.map(\.text), rows: PageBuilder.trendRows(t),
            hasNeverMet: !t.neverMetNames.isEmpty, neverMetText: t.neverMetNames.joined(separator: ", "),
            hasReexpressedUnits: !t.reexpressedNames.isEmpty, reexpressedUnitsText: t.reexpressedNames.joined(separator: ", "),
            hasFlaggedUnits: !t.flaggedNames.isEmpty, flaggedUnitsText: t.flaggedNames.joined(separator: ", "),
            chart: DocxLineChart(spec: t.chart, id: "qua-cac-nam-\(t.number)").wordChart())
    }

    func rowView(_ r: PresentedRow) -> DocxRowView {
        DocxRowView(
            code: r.code, name: r.name, parentName: r.parentName,
            numeratorText: r.numerator.text, denominatorText: r.denominator.text, rateText: r.rate.text,
            resultText: r.resultText, statusText: r.statusText, gapText: r.gapText, rankText: r.rank.text,
            childrenMetText: r.childrenMetText, basisText: r.basis.text, basisTitle: r.basisSentence,
            source: r.source, isTotal: r.isTotal)
    }
}
