/// What an indicator computes: a ratio of two summed counts (`ratio`), or the share of units
/// meeting a condition (`share`). pipeline.yml spells it `kind: ratio` / `kind: share`; the
/// config's `IndicatorDefinition.Kind` is this type, kept here so that the report model carries
/// it without depending on the config.
///
///     IndicatorKind(rawValue: "share")   // .share
public enum IndicatorKind: String, Sendable, Hashable, Codable, CaseIterable { case ratio, share }
