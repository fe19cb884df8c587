import Core

/// Where a sheet's table is: the header rows, the identity columns and the column of each field.
public struct HeaderLayout: Sendable, Hashable, Codable {
    /// The header's rows, 1-based and inclusive (one to three rows).
    public var firstRow: Int
    public var lastRow: Int
    public var ordinalColumn: Int?
    public var codeColumn: Int?
    public var nameColumn: Int?
    /// Field index (in the sheet definition) -> column.
    public var fieldColumns: [Int: Int]
    /// Columns that matched a field already mapped to another column: ignored, and reported.
    public var duplicates: [Duplicate] = []
    /// How well the header matched: 2 per full-path field, 1 per child-only field, 2 per identity column.
    public var score: Int

    public struct Duplicate: Sendable, Hashable, Codable {
        public var column: Int
        /// The field index in the sheet definition.
        public var field: Int
    }

    public var dataStartRow: Int { lastRow + 1 }
}

/// Finds a sheet's header: anywhere in the first 30 rows, under merged title rows, one to three
/// rows high with merged parent cells spanning their children.
///
/// Every candidate (start row, height) is scored by the columns it maps and the best wins; on a
/// tie the shorter header, then the higher one, so that a title row merged across the table never
/// becomes a header "parent" (it adds nothing to the score).
///
///     HeaderDetector.detect(sheet, for: compiled)   // HeaderLayout(firstRow: 5, lastRow: 6, ...)
enum HeaderDetector {
    static let searchRows = 30
    static let maxHeight = 3

    /// The header keys of the top of a sheet, with each merged cell's text spread over its range.
    struct Grid {
        var keys: [CellPosition: String] = [:]
        var maxColumn: Int
        var maxRow: Int

        init(_ sheet: RawSheet, rows: Int = HeaderDetector.searchRows + HeaderDetector.maxHeight) {
            maxRow = min(sheet.maxRow, rows)
            maxColumn = sheet.maxColumn
            for entry in sheet.cells(inRows: 0...max(0, maxRow)) {
                let p = entry.position, cell = entry.cell
                if case .text(let t) = cell.value {
                    let k = HeaderKey.make(t)
                    if !k.isEmpty { keys[p] = k }
                } else if case .number = cell.value, let t = cell.text {
                    keys[p] = t
                }
            }
            // Each cell takes the text of the first merged range over it, and is written once:
            // ranges overlap only in a broken or hostile file, where 100,000 ranges each spanning
            // the whole width would otherwise mean billions of writes. Per row, `next` skips the
            // columns already written (a union-find with path halving), so the work is bounded by
            // the cells of the top rows plus the ranges, whatever the ranges are.
            var next: [Int: [Int32]] = [:]
            func firstFree(_ row: inout [Int32], from column: Int) -> Int {
                var c = column
                while c < row.count, Int(row[c]) != c {
                    row[c] = row[Int(row[c])]
                    c = Int(row[c])
                }
                return c
            }
            for range in sheet.mergedRanges where range.first.row <= maxRow {
                guard let k = keys[range.first] else { continue }
                let lastColumn = min(range.last.column, max(maxColumn, range.first.column))
                for r in range.first.row...min(range.last.row, maxRow) {
                    var row = next.removeValue(forKey: r) ?? []
                    if row.count < lastColumn + 2 { row += (row.count...(lastColumn + 1)).map { Int32($0) } }
                    var c = firstFree(&row, from: range.first.column)
                    while c <= lastColumn {
                        let p = CellPosition(row: r, column: c)
                        keys[p] = k
                        row[c] = Int32(c + 1)
                        c = firstFree(&row, from: c + 1)
                    }
                    next[r] = row
                }
            }
        }

        /// The header path of a column over rows `rows`: empty parts dropped, and a part equal to
        /// the one above dropped (a cell merged down repeats its text).
        func path(column: Int, rows: ClosedRange<Int>) -> [String] {
            var out: [String] = []
            for r in rows {
                guard let k = keys[CellPosition(row: r, column: column)], k != out.last else { continue }
                out.append(k)
            }
            return out
        }
    }

    static func detect(_ sheet: RawSheet, for compiled: CompiledSheet) -> HeaderLayout? {
        let grid = Grid(sheet)
        return detect(grid, for: compiled)
    }

    static func detect(_ grid: Grid, for compiled: CompiledSheet) -> HeaderLayout? {
        guard grid.maxRow > 0, grid.maxColumn > 0 else { return nil }
        var best: HeaderLayout?
        for height in 1...maxHeight {
            for first in 1...min(searchRows, grid.maxRow) {
                let last = first + height - 1
                guard last <= grid.maxRow else { break }
                guard let layout = layout(grid, rows: first...last, compiled) else { continue }
                // Strictly better only: shorter and higher headers were tried first.
                if layout.score > (best?.score ?? 0) { best = layout }
            }
        }
        return best
    }

    private static func layout(_ grid: Grid, rows: ClosedRange<Int>, _ compiled: CompiledSheet) -> HeaderLayout? {
        var layout = HeaderLayout(firstRow: rows.lowerBound, lastRow: rows.upperBound, fieldColumns: [:], score: 0)
        var quality: [Int: Int] = [:]
        for column in 1...grid.maxColumn {
            let path = grid.path(column: column, rows: rows)
            guard !path.isEmpty, let match = compiled.match(path) else { continue }
            switch match {
            case .ordinal: if layout.ordinalColumn == nil { layout.ordinalColumn = column }
            case .code: if layout.codeColumn == nil { layout.codeColumn = column }
            case .name: if layout.nameColumn == nil { layout.nameColumn = column }
            case .field(let f, let q):
                if let existing = quality[f] {
                    // A better match takes the field over (a full path beats a bare child).
                    if q > existing, let old = layout.fieldColumns[f] {
                        layout.duplicates.append(.init(column: old, field: f))
                        layout.fieldColumns[f] = column
                        quality[f] = q
                    } else {
                        layout.duplicates.append(.init(column: column, field: f))
                    }
                } else {
                    layout.fieldColumns[f] = column
                    quality[f] = q
                }
            }
        }
        guard layout.codeColumn != nil || layout.nameColumn != nil, !layout.fieldColumns.isEmpty else { return nil }
        layout.score = quality.values.reduce(0, +)
            + 2 * [layout.ordinalColumn, layout.codeColumn, layout.nameColumn].compactMap { $0 }.count
        return layout
    }
}
