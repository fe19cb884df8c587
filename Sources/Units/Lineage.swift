/// Units over time: the chain of reorganisations between dated unit lists
/// (registry at date A -> step -> registry at date B -> step -> ...), walked to re-express a
/// year's facts in the units of a later year.
///
/// A year's facts are taken to be in the units in force at the end of that year
/// (`referenceDate(of:)`: reports are sent in November/December), so every step effective after
/// 31 December of the fact's year and on or before 31 December of the report year applies.
///
///     let lineage = UnitLineage(steps: [step2025])
///     lineage.resolve("00007", fromYear: 2024, toYear: 2025)
///     // LineageResolution(codes: ["00008", "00097"], split: true, changed: true)
///     lineage.resolve("00001", fromYear: 2024, toYear: 2025).codes   // ["00097"]
///     lineage.resolve("00001", fromYear: 2025, toYear: 2025).codes   // ["00001"]: no step applies
public struct UnitLineage: Sendable, Hashable, Codable {
    /// Steps by effective date (stable for equal dates: in the order given).
    public private(set) var steps: [LineageStep]

    public init(steps: [LineageStep] = []) {
        self.steps = steps.enumerated().sorted { ($0.element.effective, $0.offset) < ($1.element.effective, $1.offset) }
            .map(\.element)
    }

    /// The date a year's facts are expressed at: 31 December of the year ("2024-12-31").
    public static func referenceDate(of year: Int) -> String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-12-31"
    }

    /// The steps that apply between two years (effective after the first year's reference date,
    /// on or before the second's).
    public func steps(fromYear: Int, toYear: Int) -> [LineageStep] {
        let from = Self.referenceDate(of: fromYear), to = Self.referenceDate(of: toYear)
        return steps.filter { $0.effective > from && $0.effective <= to }
    }

    /// Where a unit of `fromYear` is in `toYear`: walks every step between, unit by unit.
    public func resolve(_ code: String, fromYear: Int, toYear: Int) -> LineageResolution {
        var current = [code]
        var split = false
        for step in steps(fromYear: fromYear, toYear: toYear) {
            var next = Set<String>()
            for c in current {
                let s = step.successors(of: c)
                if s.count > 1 { split = true }
                next.formUnion(s)
            }
            current = next.sorted()
        }
        return LineageResolution(codes: current, split: split, changed: current != [code])
    }
}

/// Where an earlier unit is in later units.
public struct LineageResolution: Sendable, Hashable, Codable {
    /// The later units it became, sorted; empty when it was abolished without successor.
    public var codes: [String]
    /// Some step on the way split it: its facts cannot be given to any one of `codes`.
    public var split: Bool
    /// The result differs from the unit itself (a merger, a new code or a split).
    public var changed: Bool

    public init(codes: [String], split: Bool, changed: Bool) {
        self.codes = codes
        self.split = split
        self.changed = changed
    }
}
