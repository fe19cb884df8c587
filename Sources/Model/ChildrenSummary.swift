import Core

/// How a unit's children stand on one indicator: "6/9 huyện đạt, 1 huyện chưa báo cáo".
/// Children are the units directly under the unit that have a result for the indicator.
///
///     ChildrenSummary(level: .district, count: 9, withRate: 8, met: 6, notReported: 1)
public struct ChildrenSummary: Sendable, Codable, Hashable {
    /// The children's level.
    public var level: UnitLevel
    /// Children with a result for the indicator, reported or not (the "9" of "6/9").
    public var count: Int
    /// Children with a rate (reported, non-zero denominator).
    public var withRate: Int
    /// Children whose rate reaches the target (the "6" of "6/9"); 0 without a target.
    public var met: Int
    /// Children with no data at all for the indicator.
    public var notReported: Int

    public init(level: UnitLevel, count: Int, withRate: Int, met: Int, notReported: Int) {
        self.level = level
        self.count = count
        self.withRate = withRate
        self.met = met
        self.notReported = notReported
    }
}
