import Core

/// Facts grouped into rows: one row per unit as it reported at one level (a commune's line of
/// "Cấp xã", a district's line of "Cấp huyện"), attached to the report unit whose totals it
/// counts in. Values are kept in flat arrays indexed by row × field, built in one pass, so the
/// aggregation reads integers, never dictionaries.
///
/// In the report year a row is attached to its own unit. In a review, a row of an earlier year
/// is attached to the unit that succeeded it (`reexpressed`), or, for a commune that was split,
/// to the nearest unit holding all of its pieces.
struct FactRows: Sendable {
    let width: Int
    private(set) var unit: [Int] = []
    private(set) var level: [UnitLevel] = []
    private(set) var reexpressed: [Bool] = []
    /// width values per row; `present` says which are set.
    private(set) var values: [Int64] = []
    private(set) var present: [Bool] = []
    /// The index of the fact each value came from (into the facts the rows were built from),
    /// -1 when absent or not traced.
    private(set) var factIndex: [Int32] = []

    var count: Int { unit.count }

    init(width: Int) { self.width = width }

    /// Appends an empty row and returns its index.
    mutating func appendRow(unit u: Int, level l: UnitLevel, reexpressed r: Bool) -> Int {
        unit.append(u)
        level.append(l)
        reexpressed.append(r)
        values.append(contentsOf: repeatElement(0, count: width))
        present.append(contentsOf: repeatElement(false, count: width))
        factIndex.append(contentsOf: repeatElement(-1, count: width))
        return unit.count - 1
    }

    /// Sets a value unless the row already has one for the field (the first fact wins; the
    /// validator reports duplicates). Returns false when it was already set.
    @discardableResult
    mutating func set(row: Int, field: Int, value: Int64, fact: Int) -> Bool {
        let k = row * width + field
        if present[k] { return false }
        present[k] = true
        values[k] = value
        factIndex[k] = Int32(truncatingIfNeeded: fact)
        return true
    }

    @inline(__always)
    func value(row: Int, field: Int) -> Int64? {
        let k = row * width + field
        return present[k] ? values[k] : nil
    }

    @inline(__always)
    func fact(row: Int, field: Int) -> Int? {
        let i = factIndex[row * width + field]
        return i >= 0 ? Int(i) : nil
    }
}

extension FactRows {
    /// The report year's rows: every fact whose unit is in the hierarchy and whose field some
    /// indicator reads, grouped by unit and by the level of the field's sheet (a unit's own level
    /// when the field's level is unknown). Facts of other years are ignored.
    ///
    /// - Returns: the rows, and the codes of units not in the hierarchy that had facts, sorted.
    static func build(facts: [Fact], year: Int, hierarchy: ReportHierarchy, catalogue: CompiledCatalogue)
        -> (rows: FactRows, outside: [String]) {
        var rows = FactRows(width: catalogue.fieldCount)
        var rowIndex: [Int: Int] = [:]
        var outside: Set<String> = []
        // Facts arrive grouped by unit: the previous unit and row are checked before hashing.
        var lastUnit: (code: String, index: Int)? = nil
        var lastRow: (key: Int, row: Int)? = nil
        for (i, fact) in facts.enumerated() where fact.year == year {
            let u: Int
            if let last = lastUnit, last.code == fact.unitCode { u = last.index } else {
                guard let found = hierarchy.index[fact.unitCode] else { outside.insert(fact.unitCode); continue }
                u = found
                lastUnit = (fact.unitCode, u)
            }
            guard let f = catalogue.fieldIndex[fact.field], let v = fact.value.integer else { continue }
            let level = catalogue.fieldLevel[f] ?? hierarchy.levels[u]
            let key = u &* 8 &+ level.depthIndex
            let r: Int
            if let last = lastRow, last.key == key { r = last.row }
            else if let existing = rowIndex[key] { r = existing } else {
                r = rows.appendRow(unit: u, level: level, reexpressed: false)
                rowIndex[key] = r
            }
            lastRow = (key, r)
            rows.set(row: r, field: f, value: v, fact: i)
        }
        return (rows, outside.sorted())
    }
}

extension UnitLevel {
    /// 0 for the nation … 3 for a commune.
    var depthIndex: Int {
        switch self {
        case .nation: 0
        case .province: 1
        case .district: 2
        case .commune: 3
        }
    }
}
