/// What ranks the units proposed for commendation in a review (pipeline.yml
/// `commendation.criteria`, in order: the first decides, the next breaks its ties).
///
///     criteria: [metEveryYear, mostImproved]
///     // most indicators met in every year of the phase first; among equals, the larger
///     // average change over the phase; then the unit code
public enum CommendationCriterion: String, Sendable, Codable, Hashable, CaseIterable {
    /// How many indicators the unit met in EVERY year of the phase that had a target: each such
    /// year has a rate (not missing, not flagged) that reaches that year's target.
    case metEveryYear
    /// The average, over the indicators with a change, of the change from the first to the last
    /// year with a rate (in points): the larger, the better.
    case mostImproved
    /// How many indicators the unit met in the report year.
    case metInReportYear
}
