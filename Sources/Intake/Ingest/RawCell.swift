/// What one cell holds, as the workbook stored it, before any interpretation.
///
/// Tests write cells as literals: `"Tổng số hộ"`, `1234`, `12.5`, `true`, `nil` (no cell), and
/// `.formula(cached: 42)` / `.formula(cached: nil)` for a formula with or without a cached value.
public enum RawValue: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)
    /// A date cell, as ISO text ("2024-11-30" or "2024-11-30T08:00:00"): dates are never counts.
    case date(String)
    /// An error value of the sheet ("#DIV/0!", "#REF!").
    case error(String)
    /// No value: an absent cell, or a formula whose result was never saved.
    case empty
}

/// One cell: its value and whether a formula produced it.
public struct RawCell: Sendable, Hashable {
    public var value: RawValue
    /// True when the cell holds a formula; `value` is then its cached result (`.empty` when the
    /// workbook was saved by a program that does not compute formulas).
    public var hasFormula: Bool

    public init(_ value: RawValue, hasFormula: Bool = false) {
        self.value = value
        self.hasFormula = hasFormula
    }

    /// A formula cell with its cached result, or none (`nil`).
    public static func formula(cached: RawValue?) -> RawCell {
        RawCell(cached ?? .empty, hasFormula: true)
    }

    /// No value and no formula: nothing to read.
    public var isBlank: Bool { value == .empty && !hasFormula }

    /// The value as a person would read it, for names and codes: numbers without a needless
    /// ".0" ("31117", not "31117.0"); nil for an empty cell or an error.
    public var text: String? {
        switch value {
        case .text(let s): return s
        case .number(let d): return RawCell.format(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let s): return s
        case .error, .empty: return nil
        }
    }

    /// The value as shown in a message: what the user typed, quoted by the caller.
    public var display: String {
        switch value {
        case .text(let s): return s
        case .number(let d): return RawCell.format(d)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .date(let s): return s
        case .error(let e): return e
        case .empty: return ""
        }
    }

    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

extension RawCell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self.init(.text(value)) }
    public init(integerLiteral value: Int) { self.init(.number(Double(value))) }
    public init(floatLiteral value: Double) { self.init(.number(value)) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(nilLiteral: ()) { self.init(.empty) }
}

extension RawValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
}
