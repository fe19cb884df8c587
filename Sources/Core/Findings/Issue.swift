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
    /// finding is about one value; "" otherwise. The letters back to each unit print it. Not in
    /// issues.csv (whose columns are fixed); in JSON (report.json, a kept reading) only when
    /// not empty, so a finding without one encodes as it did before the key existed.
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

    enum CodingKeys: String, CodingKey {
        case severity, rule, provenance, unit, field, message, value
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(severity: try c.decode(Severity.self, forKey: .severity), rule: try c.decode(String.self, forKey: .rule),
                  provenance: try c.decode(Provenance.self, forKey: .provenance), unit: try c.decode(String.self, forKey: .unit),
                  field: try c.decode(String.self, forKey: .field), message: try c.decode(String.self, forKey: .message),
                  value: try c.decodeIfPresent(String.self, forKey: .value) ?? "")
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(provenance, forKey: .provenance)
        try c.encode(unit, forKey: .unit)
        try c.encode(field, forKey: .field)
        try c.encode(message, forKey: .message)
        if !value.isEmpty { try c.encode(value, forKey: .value) }
    }
}
