/// The data-quality appendix: counts for the summary, counts per unit and rule, and every
/// issue with its file, sheet and cell.
///
/// Issues are sorted by severity (errors first), then file, sheet, cell (cells in sheet order:
/// row then column, so "B10" follows "B9"), unit, field, rule, message.
public struct DataQuality: Sendable, Codable, Hashable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Facts accepted for the report year.
    public var factsAccepted: Int
    /// Input files that contributed at least one fact, sorted.
    public var files: [String]
    /// Issue counts per unit ("" for findings about a whole file), sorted by unit.
    public var byUnit: [IssueCount]
    /// Issue counts per rule, sorted by rule.
    public var byRule: [IssueCount]
    public var issues: [Issue]

    public init(errors: Int, warnings: Int, infos: Int, factsAccepted: Int, files: [String], byUnit: [IssueCount],
                byRule: [IssueCount], issues: [Issue]) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.factsAccepted = factsAccepted
        self.files = files
        self.byUnit = byUnit
        self.byRule = byRule
        self.issues = issues
    }
}

/// Issue counts under one key (a unit code or a rule id).
public struct IssueCount: Sendable, Codable, Hashable {
    public var key: String
    public var errors: Int
    public var warnings: Int
    public var infos: Int

    public init(key: String, errors: Int, warnings: Int, infos: Int) {
        self.key = key
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }
}
