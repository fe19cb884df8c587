import Core

/// The units a review proposes to the emulation council (Hội đồng Thi đua - Khen thưởng) for
/// commendation: the units one level below the report unit (districts; communes after 1 July
/// 2025), ranked by the rule's criteria, with the numbers behind each. A proposal, never a
/// decision: the council decides.
///
///     CommendationSection(quota: 5, criteria: [.metEveryYear, .mostImproved], indicatorCount: 4,
///         candidates: [.init(rank: 1, unitCode: "916", unitName: "Quận Ninh Kiều",
///                            metEveryYear: ["gia_dinh", "pc_thcs_3"], metInReportYear: [...],
///                            averageChange: 1/25, indicatorsWithChange: 4), ...])
public struct CommendationSection: Sendable, Codable, Hashable {
    public struct Candidate: Sendable, Codable, Hashable {
        /// 1 first.
        public var rank: Int
        public var unitCode: String
        public var unitName: String
        /// Indicators (ids, catalogue order) met in every year of the phase that had a target.
        public var metEveryYear: [String]
        /// Indicators (ids, catalogue order) met in the report year.
        public var metInReportYear: [String]
        /// The mean change over the indicators with one (a fraction of one; × 100 for points);
        /// nil when no indicator has two years with a rate.
        public var averageChange: Fraction?
        /// How many indicators `averageChange` is the mean of.
        public var indicatorsWithChange: Int
        /// Some year of some indicator could not be re-expressed (a split): not counted as met.
        public var flagged: Bool

        public init(rank: Int, unitCode: String, unitName: String, metEveryYear: [String], metInReportYear: [String],
                    averageChange: Fraction?, indicatorsWithChange: Int, flagged: Bool) {
            self.rank = rank
            self.unitCode = unitCode
            self.unitName = unitName
            self.metEveryYear = metEveryYear
            self.metInReportYear = metInReportYear
            self.averageChange = averageChange
            self.indicatorsWithChange = indicatorsWithChange
            self.flagged = flagged
        }
    }

    public var quota: Int
    public var criteria: [CommendationCriterion]
    /// How many indicators with a target the units were measured on.
    public var indicatorCount: Int
    /// How many units competed (the units one level below the report unit).
    public var unitsConsidered: Int
    /// At most `quota`, rank order.
    public var candidates: [Candidate]

    public init(quota: Int, criteria: [CommendationCriterion], indicatorCount: Int, unitsConsidered: Int, candidates: [Candidate]) {
        self.quota = quota
        self.criteria = criteria
        self.indicatorCount = indicatorCount
        self.unitsConsidered = unitsConsidered
        self.candidates = candidates
    }
}
