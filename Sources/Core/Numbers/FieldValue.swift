/// A parsed value of one field for one unit, in the type the field declares in pipeline.yml.
/// Missing data has no case here: a blank, "-" or "x" in a count column is the absence of a
/// `Fact`, never `.count(0)`.
public enum FieldValue: Sendable, Hashable, Codable {
    /// A count of households, people, units... Exact integers, never floating point.
    case count(Int64)
    /// A recognition or universalisation level: 0 (not recognised / not met) up to the field's maximum.
    case level(Int)
    /// Có / Không, Đạt / Chưa đạt, x / blank in a yes-no column.
    case yesNo(Bool)
    case text(String)

    /// The value as an integer for arithmetic: counts and levels as they are, yes = 1, no = 0.
    public var integer: Int64? {
        switch self {
        case .count(let n): n
        case .level(let n): Int64(n)
        case .yesNo(let b): b ? 1 : 0
        case .text: nil
        }
    }
}
