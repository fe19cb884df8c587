import Core

/// What validation hands to the store: the unit rows that passed, without their rejected
/// values, and every finding of the run (the submissions' own normalize issues first, in
/// submission order, then validation's).
///
///     result.records          // accepted rows, in submission and row order
///     result.facts            // the same values as facts of `year` (built on demand)
///     result.factCount        // how many, without building them
public struct ValidationResult: Sendable, Hashable {
    /// The report year the facts belong to.
    public var year: Int
    /// Accepted rows, one per unit, in submission and row order. Rows are kept whole (their
    /// values in slots) rather than as one `Fact` per value: the store packs a row at a time.
    public var records: [NormalizedRecord]
    public var issues: [Issue]

    public init(year: Int = 0, records: [NormalizedRecord] = [], issues: [Issue] = []) {
        self.year = year
        self.records = records
        self.issues = issues
    }

    /// Accepted facts, one per unit, field and year, in submission and row order (each row's by field id).
    public var facts: [Fact] {
        var out: [Fact] = []
        out.reserveCapacity(factCount)
        for record in records { record.appendFacts(year: year, to: &out) }
        return out
    }

    /// The number of accepted values.
    public var factCount: Int { records.reduce(0) { $0 + $1.valueCount } }

    /// The issues of one rule, for tests and summaries.
    public func issues(_ rule: RuleID) -> [Issue] { issues.filter { $0.rule == rule.rawValue } }
}
