/// One worksheet as read: a sparse grid of cells with their positions, the merged ranges, and
/// where it came from. It is what ingest hands to normalize, and what tests build by hand:
///
///     let sheet = RawSheet(file: "ninh-kieu.xlsx", name: "Cấp xã", rows: [
///         ["BIỂU TỔNG HỢP"],                       // row 1
///         ["STT", "Tên đơn vị", "Tổng số hộ"],     // row 2
///         [1, "P. Cái Khế", "1.234"],              // row 3
///     ], merged: ["A1:C1"])
///     sheet[3, 3]?.value                           // .text("1.234")
///
/// Blank cells are not stored. Rows and columns are 1-based, as in the workbook.
public struct RawSheet: Sendable, Hashable {
    /// The workbook's file name (not a path): it goes into every provenance.
    public var file: String
    public var name: String
    /// The sheet's position in the workbook, 0-based.
    public var index: Int
    /// A hidden or very hidden sheet: kept, so nothing is lost, but normalize prefers visible ones.
    public var isHidden: Bool
    public private(set) var cells: [CellPosition: RawCell]
    public var mergedRanges: [CellRange]
    public private(set) var maxRow: Int
    public private(set) var maxColumn: Int

    public init(file: String, name: String, index: Int = 0, isHidden: Bool = false,
                cells: [CellPosition: RawCell] = [:], mergedRanges: [CellRange] = []) {
        self.file = file
        self.name = name
        self.index = index
        self.isHidden = isHidden
        self.cells = [:]
        self.mergedRanges = mergedRanges
        self.maxRow = 0
        self.maxColumn = 0
        self.cells.reserveCapacity(cells.count)
        for (p, c) in cells { set(c, at: p) }
    }

    /// Builds a sheet from rows of literals, row 1 first; `nil` leaves a cell blank. Merged
    /// ranges are A1 ranges ("A1:F1"); a malformed one is a programming error in a test.
    public init(file: String = "test.xlsx", name: String, index: Int = 0, isHidden: Bool = false,
                rows: [[RawCell]], merged: [String] = []) {
        self.init(file: file, name: name, index: index, isHidden: isHidden,
                  mergedRanges: merged.map { CellRange(a1: $0)! })
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { set(cell, at: CellPosition(row: r + 1, column: c + 1)) }
        }
    }

    /// Stores a cell; a blank one (no value, no formula) is not stored.
    public mutating func set(_ cell: RawCell, at position: CellPosition) {
        guard !cell.isBlank else {
            cells[position] = nil
            return
        }
        cells[position] = cell
        maxRow = max(maxRow, position.row)
        maxColumn = max(maxColumn, position.column)
    }

    public subscript(row: Int, column: Int) -> RawCell? {
        cells[CellPosition(row: row, column: column)]
    }

    public subscript(position: CellPosition) -> RawCell? {
        cells[position]
    }
}
