import Core

/// The outcome of reading one cell as a field's type.
public enum ParsedValue: Sendable, Hashable {
    case value(FieldValue)
    /// Blank, "-", "—", "x" (outside yes-no columns): no data, which is not zero.
    case missing
    /// The cell holds something that is not a value of the field's type. `reason` is a
    /// Vietnamese sentence saying what was found, what was expected and what to do; the caller
    /// prefixes the cell and the column.
    case rejected(RuleID, reason: String)
}
