import Core
import Units

extension PipelineConfig {
    /// The form and the catalogue that apply to a unit registry holding units at `levels`: one
    /// pipeline.yml serves a province with districts (before 1 July 2025) and one without.
    ///
    ///     let config = loaded.fitted(toLevels: [.province, .commune])   // the new Cần Thơ, 2026
    ///     config.sheets.map(\.name)        // ["Cấp xã"]: nobody is asked for a "Cấp huyện" sheet
    ///     config.indicators.map(\.id)      // no pc_mam_non (districts'), pc_mam_non_xa (communes') instead
    ///
    /// - A sheet whose level the registry lacks is not looked for: its absence is no finding,
    ///   and a commune's own workbook, whose one commune row is then the top of what it holds,
    ///   names its sender.
    /// - A field `onlyWithout: L` is looked for only when the registry has no unit at L; the
    ///   other way round, every other field of a kept sheet is looked for as before.
    /// - An indicator keeps the fields still looked for: a ratio summing rows of two levels
    ///   (dvht: communes' and districts' learning units) sums those left; one left without a
    ///   numerator or a denominator, or whose condition's field is gone, is dropped, because
    ///   nobody is asked for its numbers (a share of districts in a province without districts).
    ///
    /// A registry holding every level of the form and no `onlyWithout` level gives the
    /// configuration back unchanged: a pre-reform province's outputs do not move.
    public func fitted(toLevels levels: Set<UnitLevel>) -> PipelineConfig {
        var config = self
        config.sheets = sheets.compactMap { sheet -> SheetDefinition? in
            guard levels.contains(sheet.level) else { return nil }
            var kept = sheet
            kept.fields = sheet.fields.filter { $0.onlyWithout.map { !levels.contains($0) } ?? true }
            return kept.fields.isEmpty ? nil : kept
        }
        let fields = Set(config.sheets.flatMap { $0.fields.map(\.id) })
        config.indicators = indicators.compactMap { indicator -> IndicatorDefinition? in
            var kept = indicator
            kept.numerator = indicator.numerator.filter(fields.contains)
            kept.denominator = indicator.denominator.filter(fields.contains)
            switch indicator.kind {
            case .ratio:
                guard !kept.numerator.isEmpty, !kept.denominator.isEmpty else { return nil }
            case .share:
                guard let condition = indicator.condition, fields.contains(condition.field),
                      indicator.among.map({ fields.contains($0.field) }) ?? true else { return nil }
            }
            return kept
        }
        return config
    }

    /// `fitted(toLevels:)` with the levels `registry` has: what the reader and the validator
    /// take, whoever builds them (the session, a test, a benchmark).
    public func fitted(to registry: UnitRegistry) -> PipelineConfig {
        fitted(toLevels: Set(registry.units.lazy.map(\.level)))
    }
}
