/// A cell's place in a sheet, 1-based, with its A1 name for messages and provenance.
///
///     CellPosition(row: 7, column: 5).a1          // "E7"
///     CellPosition(a1: "AB12")                    // row 12, column 28
///
/// Normalize works on these rather than on the XLSX reader's own reference type, so that it can
/// be tested on sheets built by hand and stays independent of how a workbook was read.
public struct CellPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "E7" or "$E$7"; nil for anything else.
    public init?(a1: String) {
        var letters = 0, digits = 0, seenDigit = false
        for scalar in a1.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 65...90, 97...122:
                guard !seenDigit else { return nil }
                letters = letters * 26 + Int((scalar.value | 0x20) - 96)
                guard letters <= 16_384 else { return nil }
            case 48...57:
                seenDigit = true
                digits = digits * 10 + Int(scalar.value - 48)
                guard digits <= 1_048_576 else { return nil }
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        self.init(row: digits, column: letters)
    }

    /// The column's letters: 1 -> "A", 27 -> "AA".
    public static func columnName(_ column: Int) -> String {
        var n = max(column, 1)
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    public var a1: String { CellPosition.a1(letters: CellPosition.columnName(column), row: row) }

    /// "E" and 7 -> "E7", written in one piece: `letters + String(row)` made the row's text
    /// first, ~450 instructions a cell, and normalize makes one per row.
    public static func a1(letters: String, row: Int) -> String {
        guard row >= 0, letters.utf8.count <= 16 else { return letters + String(row) }
        var digits = 1, rest = row
        while rest >= 10 { rest /= 10; digits += 1 }
        let count = letters.utf8.count + digits
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for byte in letters.utf8 { buffer[at] = byte; at += 1 }
            var n = row
            for i in stride(from: count - 1, through: at, by: -1) {
                buffer[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: n % 10)
                n /= 10
            }
            return count
        }
    }

    /// One combine instead of two: sheets are dictionaries of positions, hashed on every look-up.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(row << 24 | column)
    }
    public var description: String { a1 }

    /// Row-major order: the order a person reads a sheet.
    public static func < (lhs: CellPosition, rhs: CellPosition) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A rectangle of merged cells: the value sits in `first` (its top-left cell).
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var first: CellPosition
    public var last: CellPosition

    public init(first: CellPosition, last: CellPosition) {
        self.first = CellPosition(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellPosition(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses "A1:F1"; a single "B3" is a one-cell range.
    public init?(a1: String) {
        let parts = a1.split(separator: ":")
        guard (1...2).contains(parts.count), let a = CellPosition(a1: String(parts[0])),
              let b = CellPosition(a1: String(parts[parts.count - 1])) else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ p: CellPosition) -> Bool {
        (first.row...last.row).contains(p.row) && (first.column...last.column).contains(p.column)
    }

    public var description: String { first.a1 + ":" + last.a1 }
}
