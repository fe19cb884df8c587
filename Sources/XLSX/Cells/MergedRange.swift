/// A rectangle of merged cells ("A1:D2"): only `first` holds the value; header readers use
/// it to spread a parent header over its children.
///
///     let m = MergedRange("A1:D2")!
///     m.contains(CellReference("C2")!)   // true
public struct MergedRange: Sendable, Hashable, CustomStringConvertible {
    /// Top-left cell.
    public var first: CellReference
    /// Bottom-right cell.
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses "A1:D2" (or a single "A1").
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellReference(String(parts[0])),
              let b = parts.count == 2 ? CellReference(String(parts[1])) : a else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ reference: CellReference) -> Bool {
        reference.row >= first.row && reference.row <= last.row
            && reference.column >= first.column && reference.column <= last.column
    }

    public var description: String { "\(first.a1):\(last.a1)" }
}
