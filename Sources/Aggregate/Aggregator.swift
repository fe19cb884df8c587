import Core
import Model
import Config

/// Computes every indicator of the catalogue for every unit of a report's hierarchy in one year:
/// exact sums up the hierarchy, the comparison with the year's target, ranks among siblings,
/// children meeting the target and where each number came from.
///
///     let hierarchy = try ReportHierarchy(registry: registry, rootCode: "92")
///     let year = Aggregator.aggregate(year: 2024, facts: facts, hierarchy: hierarchy,
///                                     indicators: config.indicators,
///                                     fieldLevels: config.fieldLevels)
///     year.results[0][0]            // the first indicator at the province
///
/// Pure: a function of its arguments, no files, same inputs give the same value. Cost: one pass
/// over the facts to build rows, then per indicator one pass over the rows and one over the units.
public enum Aggregator {
    /// Every indicator for every unit with a result, for the facts of `year` (facts of other
    /// years are ignored).
    ///
    /// - Parameter traceSources: fill `IndicatorResult.sources` (the files of every aggregate and
    ///   the cells of every unit's own row); off saves time when nobody reads them.
    public static func aggregate(year: Int, facts: [Fact], hierarchy: ReportHierarchy, indicators: [IndicatorDefinition],
                                 fieldLevels: [String: UnitLevel], traceSources: Bool = true) -> YearAggregation {
        let catalogue = CompiledCatalogue(indicators: indicators, fieldLevels: fieldLevels)
        let (rows, outside) = FactRows.build(facts: facts, year: year, hierarchy: hierarchy, catalogue: catalogue)
        let tracer = traceSources ? SourceTracer(facts: facts, rows: rows) : nil
        var results: [[IndicatorResult]] = []
        for indicator in catalogue.indicators {
            let totals = IndicatorTotals(indicator: indicator, rows: rows, hierarchy: hierarchy)
            let target = indicator.definition.target(for: year)
            let figures = (0..<hierarchy.count).map { totals.figures($0, target: target) }
            let traces = tracer?.traces(indicator: indicator, totals: totals, hierarchy: hierarchy)
            results.append(makeResults(indicator: indicator, totals: totals, figures: figures, target: target,
                                       hierarchy: hierarchy, sources: traces))
        }
        return YearAggregation(year: year, hierarchy: hierarchy, indicators: indicators, results: results,
                               unitsOutsideHierarchy: outside)
    }

    /// Results for the units that have one, in hierarchy order, with ranks and children summaries.
    static func makeResults(indicator: CompiledIndicator, totals: IndicatorTotals, figures: [Figures], target: Fraction?,
                            hierarchy: ReportHierarchy, sources: [SourceTrace]?) -> [IndicatorResult] {
        let n = hierarchy.count
        let has = (0..<n).map { indicator.hasResult(at: hierarchy.levels[$0]) }
        let basis = totals.basis(hierarchy: hierarchy, level: indicator.deepestLevel)
        // Ranks among siblings.
        var rank = [Int?](repeating: nil, count: n)
        var ranked = [Int](repeating: 0, count: n)
        for p in 0..<n {
            let kids = hierarchy.children[p].filter { has[$0] }
            guard !kids.isEmpty else { continue }
            let ranks = SiblingRanking.ranks(kids.map { figures[$0].rate })
            let rankedCount = ranks.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            for (k, r) in zip(kids, ranks) {
                rank[k] = r
                ranked[k] = rankedCount
            }
        }
        var out: [IndicatorResult] = []
        out.reserveCapacity(n)
        for u in 0..<n where has[u] {
            let f = figures[u]
            let kids = hierarchy.children[u].filter { has[$0] }
            var children: ChildrenSummary? = nil
            if let first = kids.first {
                var withRate = 0, met = 0, notReported = 0
                for k in kids {
                    if figures[k].rate != nil { withRate += 1 }
                    if figures[k].met == true { met += 1 }
                    if figures[k].status == .notReported { notReported += 1 }
                }
                children = ChildrenSummary(level: hierarchy.levels[first], count: kids.count, withRate: withRate,
                                           met: met, notReported: notReported)
            }
            let p = hierarchy.parent[u]
            out.append(IndicatorResult(
                indicatorID: indicator.definition.id, unitCode: hierarchy.codes[u], unitName: hierarchy.names[u],
                level: hierarchy.levels[u], parentCode: p >= 0 ? hierarchy.codes[p] : nil,
                numerator: f.numerator, denominator: f.denominator, rate: f.rate, target: target, status: f.status,
                met: f.met, gap: f.gap, rank: rank[u], rankedSiblings: ranked[u],
                unitsCounted: indicator.definition.kind == .share ? Int(clamping: totals.denominator[u]) : totals.rowsUsed[u],
                unitsNotReported: totals.notReported[u], basis: basis[u], children: children, reexpressed: totals.reexpressed[u],
                sources: sources?[u] ?? SourceTrace()))
        }
        return out
    }
}

/// One year's results for a hierarchy.
public struct YearAggregation: Sendable, Hashable {
    public let year: Int
    public let hierarchy: ReportHierarchy
    public let indicators: [IndicatorDefinition]
    /// `results[i]`: indicator i (catalogue order) for every unit that has a result, in hierarchy
    /// pre-order (root first).
    public let results: [[IndicatorResult]]
    /// Codes that had facts in the year but are not under the report's root, sorted.
    public let unitsOutsideHierarchy: [String]

    public init(year: Int, hierarchy: ReportHierarchy, indicators: [IndicatorDefinition], results: [[IndicatorResult]],
                unitsOutsideHierarchy: [String]) {
        self.year = year
        self.hierarchy = hierarchy
        self.indicators = indicators
        self.results = results
        self.unitsOutsideHierarchy = unitsOutsideHierarchy
    }
}
