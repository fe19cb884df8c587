/// pipeline.yml's `letters`: the date by which a unit sends its corrected workbook again,
/// printed in every letter (`xhht run` with `letters` in `outputs`).
///
///     letters:
///       resendWithinDays: 7       # the document date + 7 days (the default)
///     letters:
///       resendBy: 2024-12-12      # one date for every letter
///
/// A number of days follows `--date` (the document date), so a letter written a week later
/// still gives a week; an absolute date is the statistician's own deadline.
public enum ResendDate: Sendable, Codable, Hashable {
    case withinDays(Int)
    /// ISO "YYYY-MM-DD".
    case on(String)

    /// Seven days: the time ND30 practice gives a lower level to answer an ordinary request.
    public static let standard = ResendDate.withinDays(7)
    /// Days `resendWithinDays` may give: at least one, at most a quarter of a year.
    public static let days = 1...90
}
