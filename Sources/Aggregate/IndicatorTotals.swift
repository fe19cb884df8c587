import Core
import Model

/// One indicator's sums for every unit of a hierarchy, computed in one bottom-up pass: each row
/// adds its numerator and denominator to the unit it is attached to, then every unit (children
/// before parents) adds its totals to its parent's. Ratios are sums of numerators over sums of
/// denominators, never averages; shares count units meeting the condition over units counted.
///
/// A row missing a field the indicator needs adds nothing and counts in `notReported`; a unit at
/// an expected level with no row at all counts once (missing is never zero).
struct IndicatorTotals: Sendable {
    var numerator: [Int64]
    var denominator: [Int64]
    /// Rows that gave a value (reported), under and at the unit.
    var rowsUsed: [Int]
    /// Units at expected levels, under and at the unit, with no usable row.
    var notReported: [Int]
    /// Some row summed under or at the unit was re-expressed from earlier units.
    var reexpressed: [Bool]
    /// Usable rows attached to the unit itself (not its descendants), for provenance; empty
    /// lists unless `keepRows` was asked for (trends do without: it saves an array per unit).
    var ownRows: [[Int]]
    /// The unit's own row at its own level gave a value, and no such row lacked one: the unit is
    /// counted in `basis` (a commune outside a share's `among` gives 0/0 and is counted).
    var complete: [Bool]

    init(indicator: CompiledIndicator, rows: FactRows, hierarchy: ReportHierarchy, keepRows: Bool = true) {
        let n = hierarchy.count
        var num = [Int64](repeating: 0, count: n)
        var den = [Int64](repeating: 0, count: n)
        var used = [Int](repeating: 0, count: n)
        var missing = [Int](repeating: 0, count: n)
        var reexp = [Bool](repeating: false, count: n)
        var own = [[Int]](repeating: [], count: keepRows ? n : 0)
        var ownCount = [Int](repeating: 0, count: n)
        var missingRows = [Int](repeating: 0, count: n)
        var ownValue = [Bool](repeating: false, count: n)
        var ownMissing = [Bool](repeating: false, count: n)
        for r in 0..<rows.count {
            let c = indicator.contribution(level: rows.level[r]) { rows.value(row: r, field: $0) }
            let u = rows.unit[r]
            let atOwnLevel = rows.level[r] == hierarchy.levels[u]
            if c == .missing {
                missingRows[u] += 1
                if atOwnLevel { ownMissing[u] = true }
            }
            guard case .value(let a, let b) = c else { continue }
            if atOwnLevel { ownValue[u] = true }
            num[u] = num[u].saturatingAdding(a)
            den[u] = den[u].saturatingAdding(b)
            used[u] += 1
            ownCount[u] += 1
            if keepRows { own[u].append(r) }
            if rows.reexpressed[r] { reexp[u] = true }
        }
        // A unit counts once when it has no usable row at all; a unit whose history merges
        // several earlier rows counts each row left out.
        for u in 0..<n {
            if missingRows[u] > 0 { missing[u] = missingRows[u] }
            else if ownCount[u] == 0 && indicator.expectedLevels.contains(hierarchy.levels[u]) { missing[u] = 1 }
        }
        for u in stride(from: n - 1, through: 1, by: -1) {
            let p = hierarchy.parent[u]
            num[p] = num[p].saturatingAdding(num[u])
            den[p] = den[p].saturatingAdding(den[u])
            used[p] += used[u]
            missing[p] += missing[u]
            if reexp[u] { reexp[p] = true }
        }
        self.numerator = num
        self.denominator = den
        self.rowsUsed = used
        self.notReported = missing
        self.reexpressed = reexp
        self.ownRows = own
        self.complete = (0..<n).map { ownValue[$0] && !ownMissing[$0] }
    }

    /// Every unit's basis at `level` (the indicator's deepest level): the units of that level at
    /// and under it, counted when `complete`, else listed as missing. Missing codes are appended
    /// to each ancestor in pre-order, so every list comes out in report order; the cost is one
    /// pass over the units plus one walk up per missing unit.
    func basis(hierarchy: ReportHierarchy, level: UnitLevel) -> [IndicatorBasis] {
        let n = hierarchy.count
        var counted = [Int](repeating: 0, count: n)
        var expected = [Int](repeating: 0, count: n)
        var missing = [[String]](repeating: [], count: n)
        for u in 0..<n where hierarchy.levels[u] == level {
            var a = u
            while a >= 0 {
                expected[a] += 1
                if complete[u] { counted[a] += 1 } else { missing[a].append(hierarchy.codes[u]) }
                a = hierarchy.parent[a]
            }
        }
        return (0..<n).map { IndicatorBasis(level: level, counted: counted[$0], expected: expected[$0], missing: missing[$0]) }
    }

    /// The unit's exact figures and how they stand against `target`.
    func figures(_ u: Int, target: Fraction?) -> Figures {
        guard rowsUsed[u] > 0 else {
            return Figures(numerator: nil, denominator: nil, rate: nil, status: .notReported, met: nil, gap: nil)
        }
        let n = numerator[u], d = denominator[u]
        guard d != 0 else {
            return Figures(numerator: n, denominator: d, rate: nil, status: .noRate, met: nil, gap: nil)
        }
        let rate = Fraction(n, d)
        guard let target else {
            return Figures(numerator: n, denominator: d, rate: rate, status: .noTarget, met: nil, gap: nil)
        }
        let status: IndicatorStatus = rate > target ? .exceeded : (rate == target ? .met : .missed)
        return Figures(numerator: n, denominator: d, rate: rate, status: status, met: rate >= target,
                       gap: rate.subtracting(target))
    }
}

/// A unit's numbers for one indicator and year.
struct Figures: Sendable, Hashable {
    var numerator: Int64?
    var denominator: Int64?
    var rate: Fraction?
    var status: IndicatorStatus
    var met: Bool?
    var gap: Fraction?

    static let flagged = Figures(numerator: nil, denominator: nil, rate: nil, status: .notReported, met: nil, gap: nil)
}
