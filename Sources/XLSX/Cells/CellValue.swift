/// What a cell holds, typed the way Excel shows it.
///
/// A number whose number format is a date or time becomes `.date`; `.empty` is a cell that
/// is present but has no value, typically a formula saved without its cached result (the
/// next stage reports that as an issue, never as zero).
///
///     switch cell.value {
///     case .number(let n): total += n
///     case .string(let s) where s == "x": missing += 1
///     default: break
///     }
public enum CellValue: Sendable, Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case date(ExcelDateTime)
    /// An error value as Excel shows it: "#DIV/0!", "#N/A", "#REF!", ...
    case error(String)
    case empty

    /// The JSON type name of the corpus format ("number", "string", "bool", "date", "error", "empty").
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .string: return "string"
        case .bool: return "bool"
        case .date: return "date"
        case .error: return "error"
        case .empty: return "empty"
        }
    }
}
