/// A fact's cell as a chunk stores it: a column text, kept once in the chunk's descriptor, and a
/// row, kept once per unit row; the cell is the column followed by the row's digits, or the
/// column alone when the row is 0.
///
///     PackedCell("E7")          // column "E", row 7
///     PackedCell("Sheet!E7")    // column "Sheet!E", row 7
///     PackedCell("E07")         // column "E07", row 0: "7" would not give back the "0"
///     PackedCell("")            // column "", row 0
///
/// The row is the cell's trailing ASCII digits when there are 1 to 9 of them (9: a row of a
/// spreadsheet has at most 7) and the first is not '0'; any other cell (no trailing digit, a
/// leading zero, a longer run) is all column, row 0. So every string comes back byte for byte.
///
/// Since 2024-v7 facts are rows of `fact_rows` (`FactRowWriter`); this is kept only for the migration
/// 2024-v5, which a store still at 2024-v4 goes through before 2024-v7 turns its chunks into rows.
struct PackedCell {
    let column: Substring
    let row: Int

    /// The most digits a row takes.
    static let rowDigits = 9

    init(_ cell: String) {
        let utf8 = cell.utf8
        var start = utf8.endIndex, row = 0, scale = 1, digits = 0
        while start > utf8.startIndex, digits <= Self.rowDigits {
            let before = utf8.index(before: start)
            let byte = utf8[before]
            guard byte.isASCIIDigit else { break }
            row += Int(byte &- UInt8(ascii: "0")) * scale
            scale *= 10
            digits += 1
            start = before
        }
        // Stopped at a non-digit or the start, unless the run is longer than a row.
        if digits > 0, digits <= Self.rowDigits, utf8[start] != UInt8(ascii: "0") {
            self.row = row
            column = Substring(utf8[..<start])  // before an ASCII byte: a scalar boundary
        } else {
            self.row = 0
            column = cell[...]
        }
    }
}
