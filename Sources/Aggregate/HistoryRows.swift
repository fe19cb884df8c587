import Core
import Units
import Model

/// An earlier year's facts re-expressed in the report year's units by walking the lineage
/// chain (`UnitLineage`), as fact rows attached to today's units.
///
/// - A row of a unit that continues unchanged is attached to it.
/// - A row of a unit that was merged or renumbered is attached to its successor and marked
///   `reexpressed`: counts of merged units sum (ratios stay sums over sums).
/// - A row of a unit that was split (anywhere on the chain) is NOT shared out: it is attached to
///   the nearest unit holding all of its pieces (usually the province), so totals above stay
///   whole, and every unit from each piece up to (not including) that unit is flagged for the
///   year: it gets no number.
/// - A row of a unit that no longer exists and has no known successor (no step lists it, or
///   one lists it with none: a ward merged by a resolution the lineage lacks, a district
///   after July 2025) is attached, through the registry of its own year (`yearRegistry`, kept
///   by the store), to the nearest unit above it that is in the report once re-expressed (its
///   district, else its province): it counts in every total above, only its own row is gone,
///   and it is listed in `vanished` so the report names it.
/// - A row that still cannot be placed (its successors outside the report, units outside the
///   root, a vanished unit with no registry of its year) is left out and counted in `unplaced`.
///
/// Level and yes-no fields are never summed: a share counts rows, so a province's share in 2023
/// counts the communes as they were in 2023. For one of today's units that merged several
/// earlier units, its own share result in such a year is flagged (`mergedShareUnits`): a
/// merged commune has no single "level" for the years before the merger.
struct HistoryRows {
    var rows: FactRows
    /// Units with no number in the year (split predecessors), for every indicator.
    var flagged: Set<Int>
    /// Units that have several earlier rows of one level attached (a merger): their own share
    /// results are flagged.
    var mergedUnits: [UnitLevel: Set<Int>]
    var notes: [LineageNote]
    /// Rows that could not be placed in the report's units.
    var unplaced: Int
    /// Units of the year gone without a known successor whose rows were attached to a unit
    /// above them: (the unit as its year's registry had it, the unit of the report it counts in).
    var vanished: [(unit: AdministrativeUnit, countedIn: String)]

    /// - Parameter indexes: the indexes into `facts` of the year's facts.
    init(facts: [Fact], indexes: [Int], year: Int, reportYear: Int, hierarchy: ReportHierarchy,
         catalogue: CompiledCatalogue, lineage: UnitLineage, yearRegistry: UnitRegistry? = nil) {
        // Group the year's facts into rows of the units as they were: (old code, level).
        struct OldRow { var code: String; var level: UnitLevel; var values: [(Int, Int64, Int)] }
        var codeIndex: [String: Int] = [:]
        var lastCode: (code: String, index: Int)? = nil
        var lastRow: (key: Int, row: Int)? = nil
        var index: [Int: Int] = [:]
        var old: [OldRow] = []
        for i in indexes {
            let fact = facts[i]
            guard let f = catalogue.fieldIndex[fact.field], let v = fact.value.integer else { continue }
            let level = catalogue.fieldLevel[f] ?? hierarchy.index[fact.unitCode].map { hierarchy.levels[$0] } ?? .commune
            // Facts arrive grouped by unit: compare with the previous code before hashing.
            let c: Int
            if let last = lastCode, last.code == fact.unitCode { c = last.index }
            else if let existing = codeIndex[fact.unitCode] { c = existing }
            else { c = codeIndex.count; codeIndex[fact.unitCode] = c }
            lastCode = (fact.unitCode, c)
            let key = c &* 8 &+ level.depthIndex
            let r: Int
            if let last = lastRow, last.key == key { r = last.row }
            else if let existing = index[key] { r = existing } else {
                r = old.count
                index[key] = r
                old.append(OldRow(code: fact.unitCode, level: level, values: []))
            }
            lastRow = (key, r)
            old[r].values.append((f, v, i))
        }
        // Attach each old row.
        var rows = FactRows(width: catalogue.fieldCount)
        var flagged = Set<Int>()
        var predecessors: [Int: (kind: LineageNote.Kind, codes: Set<String>)] = [:]
        var perUnitLevel: [Int: [UnitLevel: Int]] = [:]
        var continuing = Set<Int>()  // units with a row of their own (same code)
        var unplaced = 0
        var resolved: [String: LineageResolution] = [:]
        var vanished: [String: (unit: AdministrativeUnit, countedIn: Int)] = [:]
        /// For a unit gone without successor: the nearest unit above it, in its year's registry,
        /// that lands whole on one unit of the report.
        func survivingAncestor(of code: String) -> Int? {
            guard let yearRegistry else { return nil }
            for ancestor in yearRegistry.ancestors(of: code) {
                let r = lineage.resolve(ancestor.code, fromYear: year, toYear: reportYear)
                if !r.split, r.codes.count == 1, let t = hierarchy.index[r.codes[0]] { return t }
            }
            return nil
        }
        let orderedRows = old.indices.sorted { (old[$0].code, old[$0].level) < (old[$1].code, old[$1].level) }
        for r in orderedRows {
            let row = old[r]
            let resolution = resolved[row.code] ?? lineage.resolve(row.code, fromYear: year, toYear: reportYear)
            resolved[row.code] = resolution
            let targets = resolution.codes.compactMap { hierarchy.index[$0] }
            var attach: Int? = nil
            var goneTo: Int? = nil
            if !resolution.split {
                if resolution.codes.count == 1, let t = targets.first {
                    attach = t
                } else if targets.isEmpty, resolution.codes.isEmpty || resolution.codes == [row.code],
                          let unit = yearRegistry?.unit(code: row.code), let a = survivingAncestor(of: row.code) {
                    attach = a
                    goneTo = a
                    vanished[row.code] = (unit, a)
                }
            } else if targets.count == resolution.codes.count, let a = hierarchy.commonAncestor(targets) {
                attach = a
                for t in targets {
                    var u = t
                    while u != a && u >= 0 { flagged.insert(u); u = hierarchy.parent[u] }
                    predecessors[t, default: (.split, [])].codes.insert(row.code)
                    predecessors[t]?.kind = .split
                }
            } else {
                // Pieces outside the report: nothing above them is whole either.
                for t in targets {
                    var u = t
                    while u >= 0 { flagged.insert(u); u = hierarchy.parent[u] }
                    predecessors[t, default: (.split, [])].codes.insert(row.code)
                    predecessors[t]?.kind = .split
                }
            }
            guard let a = attach else { unplaced += 1; continue }
            // A vanished unit's row counts in the unit above it: re-expressed, never its own.
            let reexpressed = resolution.changed || goneTo != nil
            if goneTo != nil {
                // Named in `vanished`, not a predecessor: the unit above did not merge it.
            } else if !resolution.split && reexpressed {
                predecessors[a, default: (.merged, [])].codes.insert(row.code)
            } else if !reexpressed {
                continuing.insert(a)
            }
            perUnitLevel[a, default: [:]][row.level, default: 0] += 1
            let n = rows.appendRow(unit: a, level: row.level, reexpressed: reexpressed)
            for (f, v, i) in row.values { rows.set(row: n, field: f, value: v, fact: i) }
        }
        var merged: [UnitLevel: Set<Int>] = [:]
        for (u, levels) in perUnitLevel {
            for (level, count) in levels where count > 1 && hierarchy.levels[u] == level { merged[level, default: []].insert(u) }
        }
        self.rows = rows
        self.flagged = flagged
        self.mergedUnits = merged
        // A merged unit that kept the seat's code lists itself among its predecessors.
        self.notes = predecessors.map { u, p in
            let codes = p.kind == .merged && continuing.contains(u) ? p.codes.union([hierarchy.codes[u]]) : p.codes
            return LineageNote(unitCode: hierarchy.codes[u], year: year, kind: p.kind, predecessors: codes.sorted())
        }
            .sorted { ($0.unitCode, $0.year) < ($1.unitCode, $1.year) }
        self.unplaced = unplaced
        self.vanished = vanished.values.map { ($0.unit, hierarchy.codes[$0.countedIn]) }.sorted { $0.unit.code < $1.unit.code }
    }

    /// Whether unit `u` has a number for `indicator` this year.
    func isFlagged(_ u: Int, indicator: CompiledIndicator, level: UnitLevel) -> Bool {
        if flagged.contains(u) { return true }
        if indicator.definition.kind == .share, mergedUnits[indicator.definition.level]?.contains(u) == true { return true }
        return false
    }
}
