import Core

/// Cells written as a spreadsheet writes a selection: ranges separated by spaces, each run of
/// adjacent cells in one row as one range (the `sqref` of OOXML).
///
///     CellRanges.text(["E8", "F8", "H8"])     // "E8:F8 H8"
///     CellRanges.text(["D12"])                // "D12"
///
/// A unit's facts are the cells of its row, so report.json names them in a few characters
/// instead of one provenance object per fact. Cells are sorted by row, then column; a text that
/// is not an A1 reference is kept as it is, after the others.
enum CellRanges {
    static func text(_ cells: [String]) -> String {
        var positions: [CellPosition] = []
        var other: [String] = []
        for cell in cells {
            if let position = CellPosition(a1: cell) { positions.append(position) } else { other.append(cell) }
        }
        positions.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var ranges: [String] = []
        var i = 0
        while i < positions.count {
            var j = i
            while j + 1 < positions.count, positions[j + 1].row == positions[i].row,
                  positions[j + 1].column <= positions[j].column + 1 { j += 1 }
            ranges.append(j == i || positions[j] == positions[i] ? positions[i].a1 : "\(positions[i].a1):\(positions[j].a1)")
            i = j + 1
        }
        return (ranges + other).joined(separator: " ")
    }
}
