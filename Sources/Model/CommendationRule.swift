/// pipeline.yml's `commendation`: how many units a review proposes for commendation and how it
/// ranks them. The plan sets the quota (Long An: 5 collectives at the sơ kết, 10 at the tổng kết).
///
///     commendation:
///       quota: 5
///       criteria: [metEveryYear, mostImproved]
///
/// Only a review (sơ kết, tổng kết) proposes; an annual report ignores it, so one pipeline.yml
/// serves every year.
public struct CommendationRule: Sendable, Codable, Hashable {
    /// 1 to 100 units.
    public var quota: Int
    /// At least one, no repeats; the first decides, the next break ties.
    public var criteria: [CommendationCriterion]

    public static let quotas = 1...100

    public init(quota: Int, criteria: [CommendationCriterion]) {
        self.quota = quota
        self.criteria = criteria
    }
}
