import Core

/// One indicator of the catalogue in the report: its definition, the root's total, the
/// breakdown by the root's children in rank order, the children below target and every unit's
/// result.
///
///     let dvht = model.indicator(id: "dvht")!
///     dvht.total.rate                        // the province's rate
///     dvht.breakdown.map(\.unitCode)         // districts by rank, unranked ones last by code
///     dvht.belowTarget                       // codes of the districts missing the target
public struct IndicatorReport: Sendable, Codable, Hashable {
    public var id: String
    /// The Vietnamese name ("Tỷ lệ đơn vị được công nhận Đơn vị học tập").
    public var name: String
    public var kind: IndicatorKind
    /// The level whose rows carry the fields (ratio) or whose units are counted (share).
    public var level: UnitLevel
    /// Ratio: the fields summed above and below the line.
    public var numeratorFields: [String]
    public var denominatorFields: [String]
    /// Share: the condition ("cdht_xa_muc >= 1") and which units count at all ("tthtcd_co == 1").
    public var condition: String?
    public var among: String?
    /// The report year's target as a fraction of one; nil without one.
    public var target: Fraction?
    /// The root's result (also the first element of `results`).
    public var total: IndicatorResult
    /// The root's children, by rank (rate descending, equal rates by code), then the ones
    /// without a rate by code.
    public var breakdown: [IndicatorResult]
    /// Codes of the root's children whose rate misses the target, in rank order.
    public var belowTarget: [String]
    /// Every unit that has a result for the indicator, root first, hierarchy pre-order with
    /// siblings by code (the order of indicators.csv).
    public var results: [IndicatorResult]

    public init(id: String, name: String, kind: IndicatorKind, level: UnitLevel, numeratorFields: [String],
                denominatorFields: [String], condition: String?, among: String?, target: Fraction?, total: IndicatorResult,
                breakdown: [IndicatorResult], belowTarget: [String], results: [IndicatorResult]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.level = level
        self.numeratorFields = numeratorFields
        self.denominatorFields = denominatorFields
        self.condition = condition
        self.among = among
        self.target = target
        self.total = total
        self.breakdown = breakdown
        self.belowTarget = belowTarget
        self.results = results
    }
}
