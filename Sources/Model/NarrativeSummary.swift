import Core

/// The facts the summary paragraph is written from, so that a template only picks words:
/// "8/14 chỉ tiêu đạt; tỷ lệ Đơn vị học tập 57,14%, vượt 1,59 điểm %, 6/9 huyện đạt".
///
///     model.narrative.met + model.narrative.exceeded   // indicators reaching their target
public struct NarrativeSummary: Sendable, Codable, Hashable {
    public var indicatorCount: Int
    /// Root results exactly on target.
    public var met: Int
    /// Root results above target.
    public var exceeded: Int
    public var missed: Int
    public var noTarget: Int
    /// No rate at the root (nothing reported, or a zero denominator).
    public var noData: Int
    /// One fact per indicator, in catalogue order.
    public var facts: [NarrativeFact]

    public init(indicatorCount: Int, met: Int, exceeded: Int, missed: Int, noTarget: Int, noData: Int, facts: [NarrativeFact]) {
        self.indicatorCount = indicatorCount
        self.met = met
        self.exceeded = exceeded
        self.missed = missed
        self.noTarget = noTarget
        self.noData = noData
        self.facts = facts
    }
}

/// How one indicator stands at the root, and by how much: met / exceeded / missed, the gap, the
/// children meeting the target, the best and worst children.
///
///     NarrativeFact(indicatorID: "dvht", status: .exceeded, gap: 1/90000, childrenMet: 6,
///                   childrenCounted: 9, childLevel: .district, best: ["916"], worst: ["925"], ...)
public struct NarrativeFact: Sendable, Codable, Hashable {
    public var indicatorID: String
    public var name: String
    public var status: IndicatorStatus
    public var numerator: Int64?
    public var denominator: Int64?
    public var rate: Fraction?
    public var target: Fraction?
    /// rate − target, a fraction of one (× 100 for percentage points).
    public var gap: Fraction?
    /// The level of the children counted ("huyện"); nil when the root has no children with a result.
    public var childLevel: UnitLevel?
    public var childrenMet: Int
    public var childrenCounted: Int
    public var childrenNotReported: Int
    /// Codes of the children ranked first (several when tied), and of those ranked last.
    public var best: [String]
    public var worst: [String]

    public init(indicatorID: String, name: String, status: IndicatorStatus, numerator: Int64?, denominator: Int64?,
                rate: Fraction?, target: Fraction?, gap: Fraction?, childLevel: UnitLevel?, childrenMet: Int,
                childrenCounted: Int, childrenNotReported: Int, best: [String], worst: [String]) {
        self.indicatorID = indicatorID
        self.name = name
        self.status = status
        self.numerator = numerator
        self.denominator = denominator
        self.rate = rate
        self.target = target
        self.gap = gap
        self.childLevel = childLevel
        self.childrenMet = childrenMet
        self.childrenCounted = childrenCounted
        self.childrenNotReported = childrenNotReported
        self.best = best
        self.worst = worst
    }
}
