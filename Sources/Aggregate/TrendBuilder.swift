import Core
import Units
import Model
import Config

/// The trend tables of a review: every indicator for every unit of the report year in every
/// year of the phase, earlier years re-expressed through the lineage chain (`HistoryRows`),
/// with the change over the phase, the first year the target was met and the units that never
/// met it.
///
///     let trends = TrendBuilder.build(years: 2023...2025, reportYear: 2025, facts: history,
///                                     hierarchy: h, indicators: config.indicators,
///                                     fieldLevels: levels, lineage: lineage)
///     trends.section.indicators[0].rows[0].change   // the province's change, a fraction of one
public enum TrendBuilder {
    public struct Output: Sendable, Hashable {
        public var section: TrendSection
        /// Rows of each year that could not be placed in the report's units (year -> count).
        public var unplacedRows: [Int: Int]
        /// Units of each year gone without a known successor, counted through their year's
        /// registry in the report unit above them.
        public var vanishedUnits: [Vanished] = []

        public struct Vanished: Sendable, Hashable {
            public var year: Int
            /// As the year's registry had it.
            public var unit: AdministrativeUnit
            /// The report unit its numbers count in (its district, else its province).
            public var countedIn: String
        }
    }

    /// - Parameters:
    ///   - maxDepth: the deepest level of units given a row (0 = the root only); nil for all.
    ///   - yearRegistries: each earlier year's units as its import's registry had them (the
    ///     store keeps them): a unit gone without a known successor still counts, through them,
    ///     in its district and province (`HistoryRows`). A year without one leaves such rows unplaced.
    public static func build(years: ClosedRange<Int>, reportYear: Int, facts: [Fact], hierarchy: ReportHierarchy,
                             indicators: [IndicatorDefinition], fieldLevels: [String: UnitLevel], lineage: UnitLineage,
                             yearRegistries: [Int: UnitRegistry] = [:], maxDepth: Int? = nil) -> Output {
        let catalogue = CompiledCatalogue(indicators: indicators, fieldLevels: fieldLevels)
        let yearList = Array(years)
        var indexesByYear: [Int: [Int]] = [:]
        for (i, fact) in facts.enumerated() where years.contains(fact.year) { indexesByYear[fact.year, default: []].append(i) }
        let byYear = indexesByYear
        // Years, then indicators, are independent: both cores share the work.
        let history = ParallelMap.map(yearList) {
            HistoryRows(facts: facts, indexes: byYear[$0] ?? [], year: $0, reportYear: reportYear, hierarchy: hierarchy,
                        catalogue: catalogue, lineage: lineage, yearRegistry: yearRegistries[$0])
        }
        let trends = ParallelMap.map(catalogue.indicators) { indicator -> IndicatorTrend in
            // figures[y][u]
            var figures: [[Figures]] = []
            var reexpressed: [[Bool]] = []
            var notReported: [[Int]] = []
            var flags: [[Bool]] = []
            let targets = yearList.map { indicator.definition.target(for: $0) }
            for (y, h) in history.enumerated() {
                let totals = IndicatorTotals(indicator: indicator, rows: h.rows, hierarchy: hierarchy, keepRows: false)
                var f: [Figures] = [], fl: [Bool] = []
                for u in 0..<hierarchy.count {
                    let isFlagged = h.isFlagged(u, indicator: indicator, level: hierarchy.levels[u])
                    fl.append(isFlagged)
                    f.append(isFlagged ? .flagged : totals.figures(u, target: targets[y]))
                }
                figures.append(f)
                flags.append(fl)
                reexpressed.append(totals.reexpressed)
                notReported.append(totals.notReported)
            }
            var rows: [TrendRow] = []
            for u in 0..<hierarchy.count where indicator.hasResult(at: hierarchy.levels[u]) {
                if let maxDepth, hierarchy.depth[u] > maxDepth { continue }
                var points: [TrendPoint] = []
                points.reserveCapacity(yearList.count)
                var firstMet: Int? = nil
                var firstRate: (year: Int, rate: Fraction)? = nil, lastRate: (year: Int, rate: Fraction)? = nil
                var anyTargetAndRate = false
                for (y, year) in yearList.enumerated() {
                    let f = figures[y][u]
                    points.append(TrendPoint(year: year, numerator: f.numerator, denominator: f.denominator, rate: f.rate,
                                             target: targets[y], status: f.status, met: f.met,
                                             unitsNotReported: notReported[y][u],
                                             reexpressed: reexpressed[y][u] && !flags[y][u], flagged: flags[y][u]))
                    if f.met != nil { anyTargetAndRate = true }
                    if f.met == true && firstMet == nil { firstMet = year }
                    if let rate = f.rate {
                        if firstRate == nil { firstRate = (year, rate) } else { lastRate = (year, rate) }
                    }
                }
                var change: Fraction? = nil
                if let a = firstRate, let b = lastRate { change = b.rate.subtracting(a.rate) }
                let p = hierarchy.parent[u]
                rows.append(TrendRow(unitCode: hierarchy.codes[u], unitName: hierarchy.names[u], level: hierarchy.levels[u],
                                     parentCode: p >= 0 ? hierarchy.codes[p] : nil, depth: hierarchy.depth[u], points: points,
                                     change: change, changeFrom: change == nil ? nil : firstRate?.year,
                                     changeTo: change == nil ? nil : lastRate?.year, firstYearMet: firstMet,
                                     neverMet: anyTargetAndRate && firstMet == nil,
                                     reexpressed: points.contains { $0.reexpressed }, flagged: points.contains { $0.flagged }))
            }
            return IndicatorTrend(indicatorID: indicator.definition.id, name: indicator.definition.name,
                                  targets: targets, rows: rows,
                                  neverMet: rows.filter(\.neverMet).map(\.unitCode).sorted(),
                                  reexpressedUnits: rows.filter(\.reexpressed).map(\.unitCode).sorted(),
                                  flaggedUnits: rows.filter(\.flagged).map(\.unitCode).sorted())
        }
        let notes = history.flatMap(\.notes).sorted { ($0.unitCode, $0.year) < ($1.unitCode, $1.year) }
        var unplaced: [Int: Int] = [:]
        for (y, h) in history.enumerated() where h.unplaced > 0 { unplaced[yearList[y]] = h.unplaced }
        let vanished = history.enumerated().flatMap { y, h in h.vanished.map { Output.Vanished(year: yearList[y], unit: $0.unit, countedIn: $0.countedIn) } }
        return Output(section: TrendSection(years: yearList, indicators: trends, lineage: notes), unplacedRows: unplaced,
                      vanishedUnits: vanished)
    }
}
