/// The one report every renderer takes (HTML now, DOCX later, report.json always): a plain value,
/// built by `ReportModelBuilder` from the configuration, the registry, the facts and the issues,
/// and never changed by a renderer. Because every output reads the same value, the DOCX and the
/// HTML cannot disagree.
///
/// Numbers are exact: counts are `Int64`, rates, targets and gaps are `Fraction`s of one
/// (5/9 is 55,5555…%). Formatting (vi-VN decimal comma, rounding by `metadata.display`) is the
/// renderers' job; `RoundedPercent` gives the rounded digits without choosing a notation.
/// Everything a template needs is precomputed (ranks, "6/9 huyện đạt", units below target,
/// first year met), so that a template only formats.
///
/// Order is deterministic: units in hierarchy pre-order with siblings by code, indicators in
/// catalogue order, issues sorted (see `DataQuality`).
///
///     let model = ReportModelBuilder.build(...)
///     model.indicator(id: "dvht")?.total.met        // true when the root meets the target
///     model.result(indicator: "dvht", unit: "916")  // one district's result
public struct ReportModel: Sendable, Codable, Hashable {
    /// Bumped when the model's shape changes incompatibly. report.json, a view of the model for
    /// other tools, has its own (`ReportJSON.schemaVersion`).
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var metadata: ReportMetadata
    /// The unit the report covers (the province, or the nation for a national roll-up).
    public var root: ReportUnit
    /// Every unit of the report, root first, in hierarchy pre-order with siblings by code.
    public var units: [ReportUnit]
    /// Units reporting and missing, one entry per level below the root, top level first: the
    /// first entry is the root's children (the districts of a province before July 2025).
    public var coverage: [UnitCoverage]
    /// One entry per indicator of the catalogue, in catalogue order.
    public var indicators: [IndicatorReport]
    /// Met / exceeded / missed, per indicator and in total, for the summary paragraph.
    public var narrative: NarrativeSummary
    /// Trend tables over the review's years; nil for an annual report.
    public var trends: TrendSection?
    public var quality: DataQuality
    /// The units a review proposes for commendation (pipeline.yml `commendation`); nil for an
    /// annual report or without the rule (report.json then has no key: annual bytes unchanged).
    public var commendation: CommendationSection? = nil

    public init(schemaVersion: Int = ReportModel.currentSchemaVersion, metadata: ReportMetadata, root: ReportUnit,
                units: [ReportUnit], coverage: [UnitCoverage], indicators: [IndicatorReport],
                narrative: NarrativeSummary, trends: TrendSection?, quality: DataQuality) {
        self.schemaVersion = schemaVersion
        self.metadata = metadata
        self.root = root
        self.units = units
        self.coverage = coverage
        self.indicators = indicators
        self.narrative = narrative
        self.trends = trends
        self.quality = quality
    }

    /// The unit with this code, or nil. Linear: renderers that look up many units should build
    /// a dictionary once.
    public func unit(code: String) -> ReportUnit? {
        units.first { $0.code == code }
    }

    /// The indicator with this id, or nil.
    public func indicator(id: String) -> IndicatorReport? {
        indicators.first { $0.id == id }
    }

    /// One unit's result for one indicator, or nil when the indicator is not defined at the
    /// unit's level (a commune has no `pc_mam_non`, a district-level share).
    public func result(indicator id: String, unit code: String) -> IndicatorResult? {
        indicator(id: id)?.results.first { $0.unitCode == code }
    }

    /// The units directly under `code`, in model order.
    public func children(of code: String) -> [ReportUnit] {
        units.filter { $0.parentCode == code }
    }
}
