import Core
import Config

/// Which indicators read each field, and under which precondition: what a blank in that field
/// costs the unit. Built once per run from the catalogue with the aggregation's own rule for what
/// a row gives an indicator (`CompiledIndicator.contribution`): a ratio reads every numerator and
/// denominator field, and a row missing any of them is left out of numerator and denominator
/// both; a share reads its `among` field and its condition field on rows of its own level, and a
/// unit outside `among` (the precondition is false) is not asked the condition at all.
///
///     let uses = IndicatorUses(indicators: config.indicators, fieldLevels: config.fieldLevels)
///     uses["ld_tong"].map(\.indicatorID)       // ["ld_cntt", "ld_ky_nang"]
///     uses["tthtcd_cntt"].first?.precondition  // tthtcd_co == yes: blank matters only with a centre
///     uses["tthtcd_co"].first?.precondition    // nil: without it nobody knows whether the unit counts
///     uses["ghi_chu"]                          // []: a blank there costs nothing, and is not reported
struct IndicatorUses: Sendable {
    /// One indicator that leaves a unit out when the field is blank on the unit's row.
    struct Use: Sendable, Hashable {
        var indicatorID: String
        /// The Vietnamese name, for messages ("Tỷ lệ hộ gia đình đạt danh hiệu Gia đình học tập").
        var name: String
        /// The blank matters only when this holds on the row, or cannot be known (the share's
        /// `among`, for its condition field); nil: always.
        var precondition: Condition?
    }

    private let byField: [String: [Use]]

    /// `fieldLevels`: the level of each field's sheet (`PipelineConfig.fieldLevels`); a field
    /// of unknown level is taken to be at the indicator's level, as the aggregation does.
    init(indicators: [IndicatorDefinition], fieldLevels: [String: UnitLevel]) {
        var out: [String: [Use]] = [:]
        func add(_ field: String, _ use: Use) {
            // A field named twice by one indicator (numerator and denominator) is one use.
            if out[field]?.contains(where: { $0.indicatorID == use.indicatorID }) == true { return }
            out[field, default: []].append(use)
        }
        for indicator in indicators {
            switch indicator.kind {
            case .ratio:
                for field in indicator.numerator + indicator.denominator {
                    add(field, Use(indicatorID: indicator.id, name: indicator.name, precondition: nil))
                }
            case .share:
                // A share reads only rows of its level: a field of another sheet never reaches it.
                func atLevel(_ field: String) -> Bool { (fieldLevels[field] ?? indicator.level) == indicator.level }
                if let among = indicator.among, atLevel(among.field) {
                    add(among.field, Use(indicatorID: indicator.id, name: indicator.name, precondition: nil))
                }
                if let condition = indicator.condition, atLevel(condition.field) {
                    add(condition.field, Use(indicatorID: indicator.id, name: indicator.name, precondition: indicator.among))
                }
            }
        }
        byField = out
    }

    /// The indicators reading `field`, in catalogue order; empty when none does.
    subscript(field: String) -> [Use] { byField[field] ?? [] }
}
