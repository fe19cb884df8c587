import Core

/// The units one indicator's result rests on, at the level the indicator is computed: "tính trên
/// 81/83 xã; thiếu số liệu: Xã Trung Thạnh, Xã Thới Xuân".
///
/// `expected` counts the registry's units of `level` at and under the result's unit in the report
/// year (a commune's own result expects itself); `counted` those whose row gave the indicator every
/// value it reads; `missing` lists the others by code: a unit that sent no row, or whose row has a
/// blank or rejected value the indicator needs. A unit left out is out of the numerator and the
/// denominator both (its numerators are not summed over someone else's denominators).
///
/// A unit outside a share's `among` (a commune without a learning centre, for "centres using
/// IT") is counted: it answered, and gives 0/0.
///
///     // Cần Thơ, cdht_xa: Thới Xuân sent no row, Trung Thạnh wrote "-" as its level
///     IndicatorBasis(level: .commune, counted: 81, expected: 83, missing: ["31225", "31277"])
///     basis.counted + basis.missing.count == basis.expected   // always
public struct IndicatorBasis: Sendable, Codable, Hashable {
    /// The level whose units are counted: the indicator's deepest level (a commune for every
    /// commune indicator, `dvht` included: its districts' own rows are not units of the basis).
    public var level: UnitLevel
    public var counted: Int
    public var expected: Int
    /// Codes of the expected units not counted, in report order (hierarchy pre-order, siblings
    /// by code). Complete: renderers bound what they show.
    public var missing: [String]

    public init(level: UnitLevel, counted: Int, expected: Int, missing: [String]) {
        self.level = level
        self.counted = counted
        self.expected = expected
        self.missing = missing
    }

    /// Every expected unit was counted.
    public var isComplete: Bool { missing.isEmpty }
}
