/// How much a finding matters. `error` keeps a value out of the indicators; `warning` keeps the
/// value but tells the user; `info` is a note (a registry unit that sent nothing, say).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error, warning, info

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about the input: which file, sheet and cell, which unit and field, and a
/// sentence in Vietnamese that tells the statistician what is wrong and what to do.
///
/// Issues are data: nothing the pipeline rejects disappears; it becomes an `Issue`, is kept in
/// the store and written to `Output/<year>/issues.csv`
/// (`severity,file,sheet,cell,unit,field,message`).
public struct Issue: Sendable, Hashable, Codable {
    public var severity: Severity
    /// A stable identifier of the rule that fired ("numerator-above-denominator"), for filtering
    /// and tests; not shown to the user.
    public var rule: String
    public var provenance: Provenance
    /// The unit's official code when known, else the name as written, else "".
    public var unit: String
    /// The canonical field id when the finding is about one field, else "".
    public var field: String
    public var message: String
    /// What the cell held, as the user typed it ("-5", "85,9%", "X. Mỹ Khánh A"), when the
    /// finding is about one value; "" otherwise. The letters back to each unit print it; it is
    /// not in issues.csv (whose columns are fixed) nor in report.json (`CodingKeys`).
    public var value: String = ""

    public init(severity: Severity, rule: String, provenance: Provenance, unit: String = "", field: String = "", message: String,
                value: String = "") {
        self.severity = severity
        self.rule = rule
        self.provenance = provenance
        self.unit = unit
        self.field = field
        self.message = message
        self.value = value
    }

    /// report.json's keys, unchanged since before `value`.
    enum CodingKeys: String, CodingKey {
        case severity, rule, provenance, unit, field, message
    }
}
