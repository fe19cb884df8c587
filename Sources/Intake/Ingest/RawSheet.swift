import Core

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
///
/// The cells are kept in one array sorted by row, then column: the order a worksheet's XML
/// lists them in, so reading a sheet appends, and normalize walks the rows in order without
/// laying the cells out again. A hash table keyed by position cost 110 M instructions for
/// 190,000 cells to fill and as much again to lay out row by row (Benchmarks/Pipeline).
public struct RawSheet: Sendable, Hashable {
    /// The workbook's file name (not a path): it goes into every provenance.
    public var file: String
    public var name: String
    /// The sheet's position in the workbook, 0-based.
    public var index: Int
    /// A hidden or very hidden sheet: kept, so nothing is lost, but normalize prefers visible ones.
    public var isHidden: Bool
    /// Every non-blank cell once, sorted by position (row, then column).
    public private(set) var cells: [Entry]
    public var mergedRanges: [CellRange]
    public private(set) var maxRow: Int
    public private(set) var maxColumn: Int

    /// A cell and where it is.
    public struct Entry: Sendable, Hashable {
        public var position: CellPosition
        public var cell: RawCell
    }

    public init(file: String, name: String, index: Int = 0, isHidden: Bool = false,
                cells: [CellPosition: RawCell] = [:], mergedRanges: [CellRange] = []) {
        self.file = file
        self.name = name
        self.index = index
        self.isHidden = isHidden
        self.cells = []
        self.mergedRanges = mergedRanges
        self.maxRow = 0
        self.maxColumn = 0
        self.cells.reserveCapacity(cells.count)
        for (p, c) in cells.sorted(by: { $0.key < $1.key }) { set(c, at: p) }
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

    /// Stores a cell, replacing the one at `position`; a blank one (no value, no formula) is not
    /// stored and removes what was there. A cell after the last one (the order of a worksheet)
    /// is appended; one out of order is put in its place. A sheet whose cells all come out of
    /// order (a hostile file) is better built with `Builder`, which sorts once.
    public mutating func set(_ cell: RawCell, at position: CellPosition) {
        if let last = cells.last, last.position < position {
            if !cell.isBlank { append(cell, at: position) }
            return
        }
        let i = firstIndex(atOrAfter: position)
        let exists = i < cells.count && cells[i].position == position
        if cell.isBlank {
            if exists { cells.remove(at: i) }
            return
        }
        if exists {
            cells[i].cell = cell
        } else {
            cells.insert(Entry(position: position, cell: cell), at: i)
        }
        maxRow = max(maxRow, position.row)
        maxColumn = max(maxColumn, position.column)
    }

    private mutating func append(_ cell: RawCell, at position: CellPosition) {
        cells.append(Entry(position: position, cell: cell))
        maxRow = max(maxRow, position.row)
        maxColumn = max(maxColumn, position.column)
    }

    /// The index of the first cell at or after `position` (`cells.count` when there is none).
    func firstIndex(atOrAfter position: CellPosition) -> Int {
        var low = 0, high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if cells[mid].position < position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The cells of rows `rows`, in order.
    public func cells(inRows rows: ClosedRange<Int>) -> ArraySlice<Entry> {
        let start = firstIndex(atOrAfter: CellPosition(row: rows.lowerBound, column: Int.min))
        let end = rows.upperBound == Int.max ? cells.count : firstIndex(atOrAfter: CellPosition(row: rows.upperBound + 1, column: Int.min))
        return cells[start..<max(start, end)]
    }

    public subscript(row: Int, column: Int) -> RawCell? {
        self[CellPosition(row: row, column: column)]
    }

    public subscript(position: CellPosition) -> RawCell? {
        // Not a conditional expression: its `nil` would be a RawCell (ExpressibleByNilLiteral).
        let i = firstIndex(atOrAfter: position)
        guard i < cells.count, cells[i].position == position else { return nil }
        return cells[i].cell
    }

    /// Collects the cells of a sheet in any order and sorts them once at the end: a worksheet
    /// lists its cells in order, but a hostile one need not, and putting each in its place as it
    /// comes would move the whole array every time.
    public struct Builder {
        private var sheet: RawSheet
        private var entries: [Entry] = []
        private var isSorted = true

        public init(file: String, name: String, index: Int = 0, isHidden: Bool = false) {
            sheet = RawSheet(file: file, name: name, index: index, isHidden: isHidden)
        }

        /// Adds a cell; a later cell at the same position replaces an earlier one, and a blank
        /// one removes it.
        public mutating func set(_ cell: RawCell, at position: CellPosition) {
            if isSorted, let last = entries.last, !(last.position < position) { isSorted = false }
            // In order, a blank cell has nothing earlier at its position to remove.
            if cell.isBlank && isSorted { return }
            entries.append(Entry(position: position, cell: cell))
        }

        public consuming func build(mergedRanges: [CellRange]) -> RawSheet {
            if !isSorted {
                // Stable, so that of two cells at one position the later stays last.
                entries = entries.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
            }
            sheet.cells.reserveCapacity(entries.count)
            for (i, entry) in entries.enumerated() {
                // Of several cells at one position, the last is the one kept.
                if i + 1 < entries.count, entries[i + 1].position == entry.position { continue }
                if !entry.cell.isBlank { sheet.append(entry.cell, at: entry.position) }
            }
            sheet.mergedRanges = mergedRanges
            return sheet
        }
    }
}
