/// Builds the `SourceTrace` of each result: the cells of a unit's own usable rows, and the files
/// of every row summed under it. Files are interned once and merged bottom-up as sorted arrays
/// of small integers.
struct SourceTracer {
    let facts: [Fact]
    let rows: FactRows
    /// File names sorted; `fileOfFact[i]` is an index into it.
    let files: [String]
    let fileOfFact: [Int32]

    init(facts: [Fact], rows: FactRows) {
        let names = Set(facts.map(\.provenance.file)).sorted()
        var id: [String: Int32] = [:]
        for (i, name) in names.enumerated() { id[name] = Int32(i) }
        self.facts = facts
        self.rows = rows
        self.files = names
        self.fileOfFact = facts.map { id[$0.provenance.file] ?? -1 }
    }

    /// The unit's trace for one indicator. Files of descendants are gathered by walking the
    /// subtree; the report's hierarchy is shallow (3 levels), and the walk is done per unit only
    /// when tracing is asked for.
    func trace(unit u: Int, indicator: CompiledIndicator, totals: IndicatorTotals, hierarchy: ReportHierarchy) -> SourceTrace {
        var cells: [Provenance] = []
        for r in totals.ownRows[u] {
            for f in indicator.fieldsRead(at: rows.level[r]) {
                if let i = rows.fact(row: r, field: f) { cells.append(facts[i].provenance) }
            }
        }
        cells.sort(by: ProvenanceOrder.less)
        var fileIDs = Set<Int32>()
        var stack = [u]
        while let v = stack.popLast() {
            for r in totals.ownRows[v] {
                for f in indicator.fieldsRead(at: rows.level[r]) {
                    if let i = rows.fact(row: r, field: f) { fileIDs.insert(fileOfFact[i]) }
                }
            }
            if totals.rowsUsed[v] > totals.ownRows[v].count { stack.append(contentsOf: hierarchy.children[v]) }
        }
        return SourceTrace(files: fileIDs.sorted().compactMap { $0 >= 0 ? files[Int($0)] : nil }, cells: cells)
    }
}

/// The order of provenance in the model: file, sheet, then cell in sheet order (row, then
/// column: "B9" before "B10" before "C9").
public enum ProvenanceOrder {
    public static func less(_ a: Provenance, _ b: Provenance) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.sheet != b.sheet { return a.sheet < b.sheet }
        let ka = cellKey(a.cell), kb = cellKey(b.cell)
        if ka != kb { return ka < kb }
        return a.cell < b.cell
    }

    /// (row, column) of an A1 reference; (0, 0) when it is not one ("" sorts first).
    static func cellKey(_ cell: String) -> (Int, Int) {
        var column = 0, row = 0
        for ch in cell.unicodeScalars {
            switch ch.value {
            case 65...90: column = column * 26 + Int(ch.value - 64)
            case 97...122: column = column * 26 + Int(ch.value - 96)
            case 48...57: row = row * 10 + Int(ch.value - 48)
            case 36: continue  // "$A$1"
            default: return (0, 0)
            }
            if row > 10_000_000 || column > 100_000 { return (0, 0) }
        }
        return (row, column)
    }
}
