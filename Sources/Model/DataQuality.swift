import Core

/// The data-quality appendix: counts for the summary, counts per unit and rule, and the
/// findings to list, with file, sheet and cell: at most `listedPerGroup` of each file, rule and
/// severity (a group), the rest counted in `omitted`. One workbook with 200,000 junk rows
/// lists 20 of its `unit-unknown` errors and says "and 199,980 more of the same kind in this
/// file"; issues.csv, written from the run's full list, keeps every row.
///
///     quality.errors                 // 200,003: every error of the run
///     quality.issues.count           // 23: what the HTML appendix and report.json list
///     quality.omitted                // [OmittedIssues(file: "huyen-a.xlsx", rule: "unit-unknown", severity: .error, count: 199,980)]
///
/// Issues are sorted by severity (errors first), then file, sheet, cell (cells in sheet order:
/// row then column, so "B10" follows "B9"), unit, field, rule, message; a group's listed
/// findings are its first ones in that order.
public struct DataQuality: Sendable, Codable, Hashable {
    /// How many findings of one file, rule and severity are listed; a documented constant of
    /// the report (docs/html-report.md), large enough to show what a problem looks like and
    /// where it starts, small enough that no file can fill the report.
    public static let listedPerGroup = 20

    /// Counts of every finding, listed or not.
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Facts accepted for the report year.
    public var factsAccepted: Int
    /// Input files that contributed at least one fact, sorted.
    public var files: [String]
    /// Issue counts per unit of the report (by code), sorted by key; findings about a whole
    /// file, or about a row whose unit is not in the report (an unknown name or code) are
    /// counted under "": one key per unit, however many unknown names a file holds.
    public var byUnit: [IssueCount]
    /// Issue counts per rule, sorted by rule.
    public var byRule: [IssueCount]
    /// The findings listed: the first `listedPerGroup` of each group, in the order above.
    public var issues: [Issue]
    /// The groups with more findings than listed, and how many were left out, in the order of
    /// their first listed finding.
    public var omitted: [OmittedIssues]

    /// Every finding, listed or not.
    public var total: Int { errors + warnings + infos }

    public init(errors: Int, warnings: Int, infos: Int, factsAccepted: Int, files: [String], byUnit: [IssueCount],
                byRule: [IssueCount], issues: [Issue], omitted: [OmittedIssues] = []) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.factsAccepted = factsAccepted
        self.files = files
        self.byUnit = byUnit
        self.byRule = byRule
        self.issues = issues
        self.omitted = omitted
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
