import Presentation
import Core
import Foundation
import Model

/// Maps the presented report (`PresentedReport`, the words and numbers every format shares) to
/// the templates' view (`PageView`, the keys of Templates/README.md): adds what only a web page
/// needs (CSS classes, `data-sort` keys, anchors, the hover hint) and draws the charts as SVG
/// from their specifications. No sentence, number or rounding is written here.
///
///     let page = PageBuilder(report: ReportPresenter(model: model).present()).build()
///     page.indicators[0].statusClass   // "vuot"
///     page.indicators[0].rateSortKey   // "87.2312"
///     page.indicators[0].chart         // "<svg ...>"
struct PageBuilder {
    let report: PresentedReport

    func build() -> PageView {
        let r = report
        let trends = r.trends.map(trendView)
        return PageView(
            documentTitle: r.documentTitle,
            year: String(r.year),
            periodText: r.periodText,
            rootName: r.rootName,
            header: HeaderView(r.header),
            documentKind: r.documentKind,
            title: r.title,
            isReview: r.isReview,
            summary: SummaryView(r.summary),
            indicators: r.indicators.map(indicatorView),
            unitTable: r.unitTable.map(unitTableView),
            trends: trends,
            hasTrends: !trends.isEmpty,
            commendation: r.commendation.map(CommendationView.init),
            hasReexpressed: r.hasReexpressed,
            quality: qualityView(r.quality),
            closing: ClosingView(r.closing),
            roundingNote: r.roundingNote,
            // Only a screen can hover: the hint belongs to the page, not to the report.
            generatedNote: r.generatedNote + " Rê chuột lên một số liệu để xem tệp, trang tính và ô nguồn.")
    }

    // MARK: indicators

    func indicatorView(_ i: PresentedIndicator) -> IndicatorView {
        IndicatorView(
            number: String(i.number),
            id: i.id,
            anchor: "chi-tieu-\(Self.slug(i.id))",
            name: i.name,
            hasTarget: i.target.value != nil,
            targetText: i.target.text,
            targetSortKey: Self.sortKey(i.target),
            targetSource: i.targetSource,
            resultText: i.resultText,
            rateText: i.rate.text,
            rateSortKey: Self.sortKey(i.rate),
            statusText: i.statusText,
            statusClass: Self.statusClass(i.status),
            gapText: i.gapText,
            gapSentence: i.gapSentence,
            childrenMetText: i.childrenMetText,
            notReportedText: i.notReportedText,
            basisText: i.basisText,
            basisLevelName: i.basisLevelName,
            source: i.source,
            chart: BarChartSVG(spec: i.chart).svg(),
            chartTitle: i.chart.title,
            rowLevelName: i.rowLevelName,
            rowLevelTitle: i.rowLevelTitle,
            total: rowView(i.total),
            rows: i.rows.map(rowView),
            hasRows: !i.rows.isEmpty,
            belowTarget: i.belowTarget.map(rowView),
            hasBelowTarget: !i.belowTarget.isEmpty,
            belowTargetCount: String(i.belowTarget.count))
    }

    func rowView(_ r: PresentedRow) -> UnitRowView {
        UnitRowView(
            code: r.code,
            name: r.name,
            parentName: r.parentName,
            numeratorText: r.numerator.text,
            numeratorSortKey: Self.sortKey(r.numerator),
            denominatorText: r.denominator.text,
            denominatorSortKey: Self.sortKey(r.denominator),
            rateText: r.rate.text,
            rateSortKey: Self.sortKey(r.rate),
            resultText: r.resultText,
            statusText: r.statusText,
            statusClass: Self.statusClass(r.status),
            gapText: r.gapText,
            rankText: r.rank.text,
            // The total sorts first in its own <tbody>.
            rankSortKey: r.isTotal ? "0" : Self.sortKey(r.rank),
            childrenMetText: r.childrenMetText,
            basisText: r.basis.text,
            basisSortKey: Self.sortKey(r.basis),
            basisTitle: r.basisSentence,
            source: r.source,
            isTotal: r.isTotal)
    }

    // MARK: appendix matrix

    func unitTableView(_ t: PresentedUnitTable) -> UnitTableView {
        UnitTableView(
            title: t.title,
            levelTitle: t.levelTitle,
            parentLevelTitle: t.parentLevelTitle,
            columns: t.columns.map { UnitTableColumnView(number: String($0.number), id: $0.id, name: $0.name, targetText: $0.targetText) },
            rows: t.rows.map { row in
                UnitTableRowView(code: row.code, name: row.name, parentName: row.parentName, cells: row.cells.map { cell in
                    UnitTableCellView(text: cell.rate.text, statusClass: Self.metClass(cell.met), met: cell.met == true,
                                      missed: cell.met == false, source: cell.source)
                })
            },
            countText: t.countText,
            note: t.note)
    }

    // MARK: trends

    func trendView(_ t: PresentedTrend) -> TrendView {
        TrendView(
            number: String(t.number), id: t.id, anchor: "xu-huong-\(Self.slug(t.id))", name: t.name,
            summaryText: t.summaryText, years: t.years.map(String.init), targets: t.targets.map(\.text), rows: Self.trendRows(t),
            chart: LineChartSVG(spec: t.chart).svg(),
            hasNeverMet: !t.neverMetNames.isEmpty, neverMetText: t.neverMetNames.joined(separator: ", "),
            hasReexpressedUnits: !t.reexpressedNames.isEmpty, reexpressedUnitsText: t.reexpressedNames.joined(separator: ", "),
            hasFlaggedUnits: !t.flaggedNames.isEmpty, flaggedUnitsText: t.flaggedNames.joined(separator: ", "))
    }

    /// A trend's rows under the page's keys; the Word report prints the same rows.
    static func trendRows(_ t: PresentedTrend) -> [TrendRowView] {
        t.rows.map { row in
            TrendRowView(
                name: row.name,
                flagText: row.flagText,
                cells: row.cells.map { c in
                    TrendCellView(text: c.rate.text, sortKey: Self.sortKey(c.rate), reexpressed: c.reexpressed,
                                  statusClass: Self.metClass(c.met), source: c.source)
                },
                changeText: row.change.text,
                changeSortKey: Self.sortKey(row.change),
                firstMetText: row.firstMetText,
                isTotal: row.isTotal)
        }
    }

    // MARK: quality

    func qualityView(_ q: PresentedQuality) -> QualityView {
        let issues = q.issues.map { issue in
            IssueView(
                number: String(issue.number),
                severityText: issue.severityText,
                severityClass: issue.severity.rawValue,
                severityRank: issue.severity == .error ? "0" : (issue.severity == .warning ? "1" : "2"),
                file: issue.file, sheet: issue.sheet, cell: issue.cell,
                unit: issue.unit, field: issue.field, message: issue.message)
        }
        return QualityView(countsText: q.countsText, errorCount: String(q.errorCount), warningCount: String(q.warningCount),
                           infoCount: String(q.infoCount), hasIssues: q.errorCount + q.warningCount + q.infoCount > 0,
                           issues: issues, hasOmitted: !q.omitted.isEmpty, omitted: q.omitted,
                           letters: q.letters.map(LetterSummaryView.init))
    }

    // MARK: what only the page needs

    /// The `data-sort` key of a cell: integers as digits ("1500"), rates and points as a dot
    /// decimal with 4 places ("87.2312"); "" without a value.
    static func sortKey(_ cell: PresentedCell) -> String {
        guard let value = cell.value else { return "" }
        switch cell.kind {
        case .count, .rank: return String(value.numerator)
        case .percent, .points: return PercentFormatter.sortKey(value)
        }
    }

    /// The CSS class of a status (Templates/html/partials/style.mustache).
    static func statusClass(_ status: IndicatorStatus) -> String {
        switch status {
        case .exceeded: "vuot"
        case .met: "dat"
        case .missed: "chua-dat"
        case .noTarget, .noRate, .notReported: "khong-ro"
        }
    }

    /// "dat" / "chua-dat" against the target, "" without a comparison.
    static func metClass(_ met: Bool?) -> String {
        met.map { $0 ? "dat" : "chua-dat" } ?? ""
    }

    /// Letters, digits, "-" and "_" only: safe in an id and a URL fragment.
    static func slug(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")) ? Character(s) : "-"
        })
    }
}
