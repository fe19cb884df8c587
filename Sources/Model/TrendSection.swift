import Core

/// The trend tables of a review report (sơ kết 2023-2025, tổng kết 2023-2030): every indicator
/// for every unit of the REPORT YEAR's registry in every year of the phase, earlier years
/// re-expressed in today's units by walking the lineage chain (`UnitLineage`).
///
/// A merged unit's earlier years are the sums of its predecessors' rows and are marked
/// `reexpressed`; a unit that received part of a split commune is `flagged` for those years and
/// gets no number (never guessed); the split commune's rows count in the nearest unit that holds
/// all of its pieces (usually the province), so the province's history stays whole.
public struct TrendSection: Sendable, Codable, Hashable {
    /// The years of the phase, ascending.
    public var years: [Int]
    /// One per indicator, catalogue order.
    public var indicators: [IndicatorTrend]
    /// What the lineage chain did to each unit of the report year, by unit code then year.
    public var lineage: [LineageNote]

    public init(years: [Int], indicators: [IndicatorTrend], lineage: [LineageNote]) {
        self.years = years
        self.indicators = indicators
        self.lineage = lineage
    }
}

/// One indicator over the phase.
public struct IndicatorTrend: Sendable, Codable, Hashable {
    public var indicatorID: String
    public var name: String
    /// The target of each year of the phase (nil entries where a year has none), same order as
    /// `TrendSection.years`.
    public var targets: [Fraction?]
    /// One row per unit, root first, hierarchy pre-order with siblings by code.
    public var rows: [TrendRow]
    /// Codes of the units with a rate in some year that never reached the target, sorted.
    public var neverMet: [String]
    /// Codes of the units with at least one re-expressed year, sorted.
    public var reexpressedUnits: [String]
    /// Codes of the units with at least one flagged (not re-expressible) year, sorted.
    public var flaggedUnits: [String]

    public init(indicatorID: String, name: String, targets: [Fraction?], rows: [TrendRow], neverMet: [String],
                reexpressedUnits: [String], flaggedUnits: [String]) {
        self.indicatorID = indicatorID
        self.name = name
        self.targets = targets
        self.rows = rows
        self.neverMet = neverMet
        self.reexpressedUnits = reexpressedUnits
        self.flaggedUnits = flaggedUnits
    }
}

/// One unit's line of a trend table.
///
///     TrendRow(unitCode: "31117", points: [2023: 40%, 2024: 52%, 2025: 61%],
///              change: 21/100, firstYearMet: 2025, neverMet: false, ...)
public struct TrendRow: Sendable, Codable, Hashable {
    public var unitCode: String
    public var unitName: String
    public var level: UnitLevel
    public var parentCode: String?
    public var depth: Int
    /// One point per year of the phase, same order as `TrendSection.years`.
    public var points: [TrendPoint]
    /// Rate of the last year with a rate minus rate of the first year with one, a fraction of
    /// one (× 100 for percentage points); nil with fewer than two years with a rate.
    public var change: Fraction?
    /// The years `change` spans.
    public var changeFrom: Int?
    public var changeTo: Int?
    /// The first year the rate reached that year's target; nil if never.
    public var firstYearMet: Int?
    /// True when the unit has a rate and a target in some year and never reached it.
    public var neverMet: Bool
    /// Some year was re-expressed from earlier units.
    public var reexpressed: Bool
    /// Some year could not be re-expressed (a split predecessor) and has no number.
    public var flagged: Bool

    public init(unitCode: String, unitName: String, level: UnitLevel, parentCode: String?, depth: Int, points: [TrendPoint],
                change: Fraction?, changeFrom: Int?, changeTo: Int?, firstYearMet: Int?, neverMet: Bool,
                reexpressed: Bool, flagged: Bool) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.level = level
        self.parentCode = parentCode
        self.depth = depth
        self.points = points
        self.change = change
        self.changeFrom = changeFrom
        self.changeTo = changeTo
        self.firstYearMet = firstYearMet
        self.neverMet = neverMet
        self.reexpressed = reexpressed
        self.flagged = flagged
    }
}

/// One unit in one year of a trend.
public struct TrendPoint: Sendable, Codable, Hashable {
    public var year: Int
    public var numerator: Int64?
    public var denominator: Int64?
    public var rate: Fraction?
    public var target: Fraction?
    public var status: IndicatorStatus
    public var met: Bool?
    public var unitsNotReported: Int
    /// The numbers of this year were summed from earlier units (a merger).
    public var reexpressed: Bool
    /// This year cannot be re-expressed (part of a split commune): no number is given.
    public var flagged: Bool

    public init(year: Int, numerator: Int64?, denominator: Int64?, rate: Fraction?, target: Fraction?,
                status: IndicatorStatus, met: Bool?, unitsNotReported: Int, reexpressed: Bool, flagged: Bool) {
        self.year = year
        self.numerator = numerator
        self.denominator = denominator
        self.rate = rate
        self.target = target
        self.status = status
        self.met = met
        self.unitsNotReported = unitsNotReported
        self.reexpressed = reexpressed
        self.flagged = flagged
    }
}

/// What the lineage chain did to one report-year unit's history in one year.
///
///     LineageNote(unitCode: "31120", year: 2024, kind: .merged, predecessors: ["31117", "31118"])
public struct LineageNote: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// Several earlier units were summed into this one (or one unit got a new code).
        case merged
        /// Part of an earlier unit that was split: not re-expressible, flagged.
        case split
    }
    public var unitCode: String
    public var year: Int
    public var kind: Kind
    /// The earlier units' codes, sorted.
    public var predecessors: [String]

    public init(unitCode: String, year: Int, kind: Kind, predecessors: [String]) {
        self.unitCode = unitCode
        self.year = year
        self.kind = kind
        self.predecessors = predecessors
    }
}
