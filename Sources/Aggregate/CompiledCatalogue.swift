import Core
import Config

/// The indicator catalogue turned into array indexes once, so that the aggregation pass never
/// hashes a field name: every field an indicator reads gets a dense index, and each indicator
/// knows which fields it reads on a row of each level.
///
///     // dvht sums commune rows (dvht_xa_*) and district rows (dvht_huyen_*):
///     let c = CompiledCatalogue(indicators: config.indicators, fieldLevels: config.fieldLevels)
///     c.indicators[4].ratioFields[UnitLevel.district.depthIndex]   // dvht_huyen_dat / dvht_huyen_tong
struct CompiledCatalogue: Sendable {
    /// Field id -> dense index, for the fields some indicator reads.
    let fieldIndex: [String: Int]
    let fieldIDs: [String]
    /// The level of the rows carrying each field (its sheet's level), by index; nil when unknown.
    let fieldLevel: [UnitLevel?]
    let indicators: [CompiledIndicator]

    var fieldCount: Int { fieldIDs.count }

    init(indicators definitions: [IndicatorDefinition], fieldLevels: [String: UnitLevel]) {
        var ids: [String] = []
        var index: [String: Int] = [:]
        func intern(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        var compiled: [CompiledIndicator] = []
        for def in definitions {
            switch def.kind {
            case .ratio:
                // Group the fields by the level of the rows that carry them; a field of unknown
                // level is read on rows of the indicator's level.
                var byLevel: [UnitLevel: (numerator: [Int], denominator: [Int])] = [:]
                for f in def.numerator { byLevel[fieldLevels[f] ?? def.level, default: ([], [])].numerator.append(intern(f)) }
                for f in def.denominator { byLevel[fieldLevels[f] ?? def.level, default: ([], [])].denominator.append(intern(f)) }
                compiled.append(CompiledIndicator(definition: def, ratioFields: byLevel, condition: nil, among: nil,
                                                  expectedLevels: Set(byLevel.keys)))
            case .share:
                let condition = def.condition.map { (intern($0.field), $0) }
                let among = def.among.map { (intern($0.field), $0) }
                compiled.append(CompiledIndicator(definition: def, ratioFields: [:], condition: condition, among: among,
                                                  expectedLevels: [def.level]))
            }
        }
        self.fieldIndex = index
        self.fieldIDs = ids
        self.fieldLevel = ids.map { fieldLevels[$0] }
        self.indicators = compiled
    }
}

/// One indicator, with field indexes instead of names.
struct CompiledIndicator: Sendable {
    init(definition: IndicatorDefinition, ratioFields: [UnitLevel: (numerator: [Int], denominator: [Int])],
         condition: (field: Int, test: Condition)?, among: (field: Int, test: Condition)?, expectedLevels: Set<UnitLevel>) {
        var byDepth = [(numerator: [Int], denominator: [Int])?](repeating: nil, count: 4)
        for (level, fields) in ratioFields { byDepth[level.depthIndex] = fields }
        self.definition = definition
        self.ratioFields = byDepth
        self.condition = condition
        self.among = among
        self.expectedLevels = expectedLevels
    }

    let definition: IndicatorDefinition
    /// Ratio: for each row level (by `UnitLevel.depthIndex`), the fields summed above and below
    /// the line; nil where rows of that level do not carry the indicator.
    let ratioFields: [(numerator: [Int], denominator: [Int])?]
    /// Share: the condition and the optional `among` filter, with the field's index.
    let condition: (field: Int, test: Condition)?
    let among: (field: Int, test: Condition)?
    /// The levels whose units are expected to report it: a unit at one of them with no usable
    /// row counts as "not reported".
    let expectedLevels: Set<UnitLevel>

    /// The deepest expected level: units at it and above have a result.
    var deepestLevel: UnitLevel { expectedLevels.max() ?? definition.level }

    /// Whether a unit of this level gets a result (it is at or above the deepest expected level).
    func hasResult(at level: UnitLevel) -> Bool { level <= deepestLevel }
}

/// What one row gives one indicator.
enum RowContribution: Equatable {
    /// The row does not carry this indicator (a commune row for a district-level share).
    case notApplicable
    /// A field the indicator needs is missing on the row: left out, counted as not reported.
    case missing
    /// Reported; for a share, a unit outside `among` gives (0, 0).
    case value(numerator: Int64, denominator: Int64)
}

extension CompiledIndicator {
    /// Evaluates the indicator on one row: `value(r, f)` is the row's integer value of field
    /// index `f`, nil when missing.
    @inline(__always)
    func contribution(level: UnitLevel, value: (Int) -> Int64?) -> RowContribution {
        switch definition.kind {
        case .ratio:
            guard let fields = ratioFields[level.depthIndex] else { return .notApplicable }
            var n: Int64 = 0, d: Int64 = 0
            for f in fields.numerator {
                guard let v = value(f) else { return .missing }
                n = n.saturatingAdding(v)
            }
            for f in fields.denominator {
                guard let v = value(f) else { return .missing }
                d = d.saturatingAdding(v)
            }
            return .value(numerator: n, denominator: d)
        case .share:
            guard level == definition.level, let condition else { return .notApplicable }
            if let among {
                guard let v = value(among.field) else { return .missing }
                if among.test.evaluate(.count(v)) != true { return .value(numerator: 0, denominator: 0) }
            }
            guard let v = value(condition.field), let ok = condition.test.evaluate(.count(v)) else { return .missing }
            return .value(numerator: ok ? 1 : 0, denominator: 1)
        }
    }

    /// The field indexes a row of this level is read for (for provenance).
    func fieldsRead(at level: UnitLevel) -> [Int] {
        switch definition.kind {
        case .ratio:
            guard let f = ratioFields[level.depthIndex] else { return [] }
            return f.numerator + f.denominator
        case .share:
            guard level == definition.level else { return [] }
            return [among?.field, condition?.field].compactMap { $0 }
        }
    }
}

extension Int64 {
    /// Addition that stops at Int64.max / Int64.min instead of trapping: a hostile workbook with
    /// absurd counts must not stop the run (validation reports such values).
    @inline(__always)
    func saturatingAdding(_ other: Int64) -> Int64 {
        let (r, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : r
    }
}
