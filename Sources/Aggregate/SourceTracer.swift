import Core
import Model

/// Builds the `SourceTrace` of each result: the cells of a unit's own usable rows, and the files
/// of every row summed under it. Only the facts the rows hold are looked at; file names are
/// interned once, and each indicator's file lists are merged bottom-up as sorted arrays of
/// small integers (one pass over the units, children before parents).
struct SourceTracer {
    let facts: [Fact]
    let rows: FactRows
    /// File names sorted; `rowFiles[r]` holds indexes into it.
    let files: [String]
    /// The files of each row's facts, sorted, without duplicates.
    let rowFiles: [[Int32]]

    init(facts: [Fact], rows: FactRows) {
        var id: [String: Int32] = [:]
        var names: [String] = []
        var perRow: [[Int32]] = []
        perRow.reserveCapacity(rows.count)
        for r in 0..<rows.count {
            var ids: [Int32] = []
            var last: (String, Int32)? = nil
            for f in 0..<rows.width {
                guard let i = rows.fact(row: r, field: f) else { continue }
                let name = facts[i].provenance.file
                let fid: Int32
                if let last, last.0 == name { fid = last.1 } else if let known = id[name] { fid = known } else {
                    fid = Int32(names.count)
                    id[name] = fid
                    names.append(name)
                }
                last = (name, fid)
                if !ids.contains(fid) { ids.append(fid) }
            }
            perRow.append(ids)
        }
        // Renumber so that ids follow the sorted names (merging then keeps names sorted).
        let order = names.indices.sorted { names[$0] < names[$1] }
        var rank = [Int32](repeating: 0, count: names.count)
        for (newID, old) in order.enumerated() { rank[old] = Int32(newID) }
        self.facts = facts
        self.rows = rows
        self.files = order.map { names[$0] }
        self.rowFiles = perRow.map { $0.map { rank[Int($0)] }.sorted() }
    }

    /// Every unit's trace for one indicator, indexed like the hierarchy.
    func traces(indicator: CompiledIndicator, totals: IndicatorTotals, hierarchy: ReportHierarchy) -> [SourceTrace] {
        let n = hierarchy.count
        var fileIDs = [[Int32]](repeating: [], count: n)
        for u in 0..<n {
            for r in totals.ownRows[u] { fileIDs[u] = Self.merge(fileIDs[u], rowFiles[r]) }
        }
        for u in stride(from: n - 1, through: 1, by: -1) where !fileIDs[u].isEmpty {
            let p = hierarchy.parent[u]
            fileIDs[p] = Self.merge(fileIDs[p], fileIDs[u])
        }
        var out: [SourceTrace] = []
        out.reserveCapacity(n)
        for u in 0..<n {
            var cells: [Provenance] = []
            for r in totals.ownRows[u] {
                for f in indicator.fieldsRead(at: rows.level[r]) {
                    if let i = rows.fact(row: r, field: f) { cells.append(facts[i].provenance) }
                }
            }
            if cells.count > 1 { cells.sort(by: ProvenanceOrder.less) }
            out.append(SourceTrace(files: fileIDs[u].map { files[Int($0)] }, cells: cells))
        }
        return out
    }

    /// The sorted union of two sorted arrays without duplicates.
    static func merge(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        if a.isEmpty { return b }
        if b.isEmpty || a == b { return a }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let x: Int32
            if j == b.count || (i < a.count && a[i] < b[j]) { x = a[i]; i += 1 }
            else if i == a.count || b[j] < a[i] { x = b[j]; j += 1 }
            else { x = a[i]; i += 1; j += 1 }
            if out.last != x { out.append(x) }
        }
        return out
    }
}
