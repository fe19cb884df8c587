import Core

/// Findings of one file, rule and severity beyond those the report lists
/// (`DataQuality.listedPerGroup`): how many, so the report can say "và 199.980 lỗi cùng loại
/// khác trong tệp này; xem issues.csv", which lists them all.
///
///     OmittedIssues(file: "huyen-a.xlsx", rule: "unit-unknown", severity: .error, firstCell: "C24", count: 199_980)
public struct OmittedIssues: Sendable, Codable, Hashable {
    /// The file of the group ("" for findings about no file).
    public var file: String
    public var rule: String
    public var severity: Severity
    /// The cell of the group's first listed finding, to point the reader at it.
    public var firstCell: String
    /// How many of the group's findings are not listed.
    public var count: Int

    public init(file: String, rule: String, severity: Severity, firstCell: String, count: Int) {
        self.file = file
        self.rule = rule
        self.severity = severity
        self.firstCell = firstCell
        self.count = count
    }
}
