import Core

/// One indicator for one unit in one year: the exact numbers, the comparison with the target,
/// the rank among its siblings and how its children stand.
///
/// A ratio sums numerators and denominators of the rows under the unit (never averages
/// percentages); a share counts the units at the indicator's level that meet the condition.
/// Missing data is never zero: a row with a missing field is left out (of numerator and
/// denominator both) and counted in `unitsNotReported`; `basis` says which units of the
/// indicator's level the result rests on and which are missing. When nothing under the unit reported, numerator, denominator and rate
/// are nil and the status is `.notReported`.
///
///     // 5 of the 9 districts meet the condition, target 55,55%
///     result.numerator == 5; result.denominator == 9
///     result.rate == Fraction(5, 9); result.met == true
///     result.gap == Fraction(5, 9) - Fraction(5555, 10000)   // 5/90000 of one = 0,00555… points
public struct IndicatorResult: Sendable, Codable, Hashable {
    public var indicatorID: String
    public var unitCode: String
    public var unitName: String
    public var level: UnitLevel
    /// The unit above in the report (nil for the root).
    public var parentCode: String?
    /// Σ numerators (ratio) or the count of units meeting the condition (share); nil when
    /// nothing was reported.
    public var numerator: Int64?
    /// Σ denominators (ratio) or the count of units counted (share); nil when nothing was reported.
    public var denominator: Int64?
    /// numerator / denominator as a fraction of one; nil when not reported or the denominator is 0.
    public var rate: Fraction?
    /// The year's target as a fraction of one (55,55% = 5555/10000); nil without a target.
    public var target: Fraction?
    public var status: IndicatorStatus
    /// rate >= target, exactly; nil without a rate or a target.
    public var met: Bool?
    /// rate − target in the SAME unit as rate and target (a fraction of one): multiply by 100
    /// for percentage points (`gapPoints`). Positive above the target. nil without rate or target.
    public var gap: Fraction?
    /// 1-based rank among the siblings that have a rate: rate descending; equal rates share a
    /// rank (1, 2, 2, 4); siblings with equal rates are listed by code. nil without a rate, and
    /// for the root.
    public var rank: Int?
    /// How many siblings (this unit included) have a rank: "3/9".
    public var rankedSiblings: Int
    /// Rows summed (ratio) or units counted (share) under and at this unit.
    public var unitsCounted: Int
    /// Rows or units under and at this unit left out because a field was missing.
    public var unitsNotReported: Int
    /// The units of the indicator's level the result rests on: "81/83 xã; thiếu: ...".
    public var basis: IndicatorBasis
    /// How the unit's children stand; nil when no child has a result for this indicator.
    public var children: ChildrenSummary?
    /// True when some of the numbers were re-expressed from earlier units (history of merged
    /// units; always false in the report year's own results).
    public var reexpressed: Bool
    public var sources: SourceTrace

    public init(indicatorID: String, unitCode: String, unitName: String, level: UnitLevel, parentCode: String?,
                numerator: Int64?, denominator: Int64?, rate: Fraction?, target: Fraction?, status: IndicatorStatus,
                met: Bool?, gap: Fraction?, rank: Int?, rankedSiblings: Int, unitsCounted: Int, unitsNotReported: Int,
                basis: IndicatorBasis, children: ChildrenSummary?, reexpressed: Bool, sources: SourceTrace) {
        self.indicatorID = indicatorID
        self.unitCode = unitCode
        self.unitName = unitName
        self.level = level
        self.parentCode = parentCode
        self.numerator = numerator
        self.denominator = denominator
        self.rate = rate
        self.target = target
        self.status = status
        self.met = met
        self.gap = gap
        self.rank = rank
        self.rankedSiblings = rankedSiblings
        self.unitsCounted = unitsCounted
        self.unitsNotReported = unitsNotReported
        self.basis = basis
        self.children = children
        self.reexpressed = reexpressed
        self.sources = sources
    }

    /// The gap in percentage points, exact (gap × 100): 0,0235 of one -> 2,35 points.
    public var gapPoints: Fraction? { gap.flatMap { $0.multiplied(by: 100) } }

    /// The rate as an exact percentage (rate × 100): 5/9 -> 500/9 = 55,5555…
    public var ratePercent: Fraction? { rate.flatMap { $0.multiplied(by: 100) } }
}
