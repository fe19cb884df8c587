import Core
import Model

/// The units a review proposes for commendation, from its trend tables: the units one level
/// below the report unit, ranked by the rule's criteria in order (the first decides, the next
/// break its ties, the unit code last so that the list never depends on input order), the first
/// `quota` kept.
///
///     let section = CommendationRanking.rank(trends, rule: CommendationRule(quota: 5,
///                                            criteria: [.metEveryYear, .mostImproved]), reportYear: 2025)
///     section.candidates[0].metEveryYear     // ["gia_dinh", "pc_thcs_3"]
///
/// Measured on the indicators with a target in some year of the phase. A year "met" is a rate
/// that reaches THAT year's target; a flagged year (part of a split unit, no number) is not met,
/// and a year with a target but no rate is not met either: a unit is proposed on its numbers.
public enum CommendationRanking {
    public static func rank(_ trends: TrendSection, rule: CommendationRule, reportYear: Int) -> CommendationSection {
        let measured = trends.indicators.filter { $0.targets.contains { $0 != nil } }
        var order: [String] = []
        var names: [String: String] = [:]
        var rowsByUnit: [String: [(indicator: String, row: TrendRow)]] = [:]
        for trend in measured {
            for row in trend.rows where row.depth == 1 {
                if rowsByUnit[row.unitCode] == nil { order.append(row.unitCode); names[row.unitCode] = row.unitName }
                rowsByUnit[row.unitCode, default: []].append((trend.indicatorID, row))
            }
        }
        var scored: [CommendationSection.Candidate] = order.map { code in
            let rows = rowsByUnit[code] ?? []
            var everyYear: [String] = [], thisYear: [String] = []
            var changeSum = Fraction(0, 1), changes = 0
            for (indicator, row) in rows {
                let withTarget = row.points.filter { $0.target != nil }
                if !withTarget.isEmpty && withTarget.allSatisfy({ $0.met == true && !$0.flagged }) { everyYear.append(indicator) }
                if row.points.contains(where: { $0.year == reportYear && $0.met == true }) { thisYear.append(indicator) }
                if let change = row.change { changeSum = changeSum.adding(change); changes += 1 }
            }
            let average = changes == 0 ? nil : Fraction.reduced(Int128(changeSum.numerator), Int128(changeSum.denominator) * Int128(changes)).value
            return CommendationSection.Candidate(rank: 0, unitCode: code, unitName: names[code] ?? code, metEveryYear: everyYear,
                                                 metInReportYear: thisYear, averageChange: average, indicatorsWithChange: changes,
                                                 flagged: rows.contains { $0.row.flagged })
        }
        scored.sort { a, b in
            for criterion in rule.criteria {
                let c = compare(a, b, on: criterion)
                if c != 0 { return c > 0 }
            }
            return a.unitCode < b.unitCode
        }
        let kept = scored.prefix(rule.quota).enumerated().map { i, c in
            var c = c
            c.rank = i + 1
            return c
        }
        return CommendationSection(quota: rule.quota, criteria: rule.criteria, indicatorCount: measured.count,
                                   unitsConsidered: order.count, candidates: Array(kept))
    }

    /// How `a` compares with `b` on one criterion: 1 when `a` is better, -1 when worse, 0 equal.
    static func compare(_ a: CommendationSection.Candidate, _ b: CommendationSection.Candidate,
                        on criterion: CommendationCriterion) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x == y ? 0 : (x > y ? 1 : -1) }
        switch criterion {
        case .metEveryYear: return order(a.metEveryYear.count, b.metEveryYear.count)
        case .metInReportYear: return order(a.metInReportYear.count, b.metInReportYear.count)
        case .mostImproved:
            // A unit without a change ranks below every unit with one.
            switch (a.averageChange, b.averageChange) {
            case let (x?, y?): return x == y ? 0 : (y < x ? 1 : -1)
            case (.some, nil): return 1
            case (nil, .some): return -1
            case (nil, nil): return 0
            }
        }
    }
}
