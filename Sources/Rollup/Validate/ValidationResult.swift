/// What validation hands to the store: the facts that passed, and every finding of the run
/// (the submissions' own normalize issues first, in submission order, then validation's).
public struct ValidationResult: Sendable, Hashable {
    /// Accepted facts, one per unit, field and year, in submission and row order.
    public var facts: [Fact]
    public var issues: [Issue]

    public init(facts: [Fact] = [], issues: [Issue] = []) {
        self.facts = facts
        self.issues = issues
    }

    /// The issues of one rule, for tests and summaries.
    public func issues(_ rule: RuleID) -> [Issue] { issues.filter { $0.rule == rule.rawValue } }
}
