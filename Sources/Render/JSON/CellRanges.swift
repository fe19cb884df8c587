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
        // A national report.json names 100,000+ cells: the references are kept as written (no
        // column name made again), and one cell is itself.
        if cells.count == 1 { return cells[0] }
        var positions: [(position: CellPosition, text: String)] = []
        var other: [String] = []
        for cell in cells {
            if let position = CellPosition(a1: cell) { positions.append((position, cell)) } else { other.append(cell) }
        }
        positions.sort { ($0.position.row, $0.position.column) < ($1.position.row, $1.position.column) }
        var ranges: [String] = []
        var i = 0
        while i < positions.count {
            var j = i
            while j + 1 < positions.count, positions[j + 1].position.row == positions[i].position.row,
                  positions[j + 1].position.column <= positions[j].position.column + 1 { j += 1 }
            let first = positions[i], last = positions[j]
            ranges.append(last.position == first.position ? first.text : "\(first.text):\(last.text)")
            i = j + 1
        }
        return (ranges + other).joined(separator: " ")
    }
}
