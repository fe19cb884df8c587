import Core
import Units
import Model
import Config

/// Builds the `ReportModel` from values: the configuration, the report year's registry, the
/// facts (the report year's, and the phase's history for a review), the issues and the lineage
/// chain. Pure: no files, no clock (the document date is an argument), same inputs give the
/// same model.
///
///     let model = try ReportModelBuilder.build(
///         config: config, registry: registry, facts: try store.facts(years: 2023...2025),
///         issues: issues, lineage: lineage, documentDate: "2025-12-05", generatedBy: "xhht 0.1.0")
public enum ReportModelBuilder {
    public struct Options: Sendable, Hashable {
        /// Fill every result's `sources` (files and cells). On by default.
        public var traceSources: Bool
        /// Deepest unit depth given a trend row (0 = the root); nil for every unit.
        public var trendMaxDepth: Int?
        /// A title instead of `ReportMetadata.defaultTitle`.
        public var title: String?

        public init(traceSources: Bool = true, trendMaxDepth: Int? = nil, title: String? = nil) {
            self.traceSources = traceSources
            self.trendMaxDepth = trendMaxDepth
            self.title = title
        }
    }

    /// - Throws: `AggregationError.unknownRoot` when `config.agency.unitCode` is not in `registry`.
    public static func build(config: PipelineConfig, registry: UnitRegistry, facts: [Fact], issues: [Issue],
                             lineage: UnitLineage = UnitLineage(), yearRegistries: [Int: UnitRegistry] = [:],
                             documentDate: String, generatedBy: String,
                             options: Options = Options()) throws(AggregationError) -> ReportModel {
        var added: [Issue] = []
        return try build(config: config, registry: registry, facts: facts, issues: issues, lineage: lineage,
                         yearRegistries: yearRegistries, documentDate: documentDate, generatedBy: generatedBy, options: options, added: &added)
    }

    /// `build`, handing back in `added` the findings the model itself makes (a unit outside the
    /// report's territory, history rows the lineage cannot place). The model lists only the
    /// first findings of each group (`DataQuality.listedPerGroup`): issues.csv and the exit
    /// status take `issues + added`, every finding.
    public static func build(config: PipelineConfig, registry: UnitRegistry, facts: [Fact], issues: [Issue],
                             lineage: UnitLineage = UnitLineage(), yearRegistries: [Int: UnitRegistry] = [:],
                             documentDate: String, generatedBy: String,
                             options: Options = Options(), added: inout [Issue]) throws(AggregationError) -> ReportModel {
        let hierarchy = try ReportHierarchy(registry: registry, rootCode: config.agency.unitCode)
        let year = config.year
        let levels = config.fieldLevels
        let aggregation = Aggregator.aggregate(year: year, facts: facts, hierarchy: hierarchy, indicators: config.indicators,
                                               fieldLevels: levels, traceSources: options.traceSources)
        var modelIssues: [Issue] = []
        for code in aggregation.unitsOutsideHierarchy {
            let file = facts.first { $0.unitCode == code && $0.year == year }?.provenance.file ?? ""
            modelIssues.append(Issue(severity: .warning, rule: "unit-outside-report", provenance: Provenance(file: file), unit: code,
                                   message: "Đơn vị mã \(code) không thuộc \(hierarchy.names[0]) trong danh mục năm \(year); số liệu của đơn vị này không được tổng hợp."))
        }

        // Units, with who reported and the files under each.
        let reportYearFacts = facts.filter { $0.year == year }
        let fileNames = Set(reportYearFacts.map(\.provenance.file)).sorted()
        var fileID: [String: Int] = [:]
        for (i, f) in fileNames.enumerated() { fileID[f] = i }
        var unitFiles = [Set<Int>](repeating: [], count: hierarchy.count)
        var reported = [Bool](repeating: false, count: hierarchy.count)
        var last: (code: String, unit: Int, file: String, fileID: Int)? = nil  // facts come grouped by unit and file
        for fact in reportYearFacts {
            if let l = last, l.code == fact.unitCode, l.file == fact.provenance.file { continue }
            guard let u = hierarchy.index[fact.unitCode], let f = fileID[fact.provenance.file] else { continue }
            reported[u] = true
            unitFiles[u].insert(f)
            last = (fact.unitCode, u, fact.provenance.file, f)
        }
        for u in stride(from: hierarchy.count - 1, through: 1, by: -1) {
            let p = hierarchy.parent[u]
            if reported[u] { reported[p] = true }
            unitFiles[p].formUnion(unitFiles[u])
        }
        let units = (0..<hierarchy.count).map { u in
            ReportUnit(code: hierarchy.codes[u], name: hierarchy.names[u], level: hierarchy.levels[u],
                       parentCode: hierarchy.parent[u] >= 0 ? hierarchy.codes[hierarchy.parent[u]] : nil,
                       depth: hierarchy.depth[u], reported: reported[u], files: unitFiles[u].sorted().map { fileNames[$0] })
        }
        var coverage: [UnitCoverage] = []
        for level in UnitLevel.allCases.sorted() where level > hierarchy.levels[0] {
            let at = (1..<hierarchy.count).filter { hierarchy.levels[$0] == level }
            guard !at.isEmpty else { continue }
            coverage.append(UnitCoverage(level: level, expected: at.count,
                                         reporting: at.filter { reported[$0] }.map { hierarchy.codes[$0] }.sorted(),
                                         missing: at.filter { !reported[$0] }.map { hierarchy.codes[$0] }.sorted()))
        }

        // Indicators.
        var reports: [IndicatorReport] = []
        for (i, definition) in config.indicators.enumerated() {
            let results = aggregation.results[i]
            guard let total = results.first, total.unitCode == hierarchy.codes[0] else { continue }
            let breakdown = results.filter { $0.parentCode == total.unitCode }
                .sorted { a, b in
                    switch (a.rank, b.rank) {
                    case let (x?, y?): x != y ? x < y : a.unitCode < b.unitCode
                    case (.some, nil): true
                    case (nil, .some): false
                    case (nil, nil): a.unitCode < b.unitCode
                    }
                }
            reports.append(IndicatorReport(
                id: definition.id, name: definition.name, kind: definition.kind, level: definition.level,
                numeratorFields: definition.numerator, denominatorFields: definition.denominator,
                condition: definition.condition?.text, among: definition.among?.text, target: definition.target(for: year),
                total: total, breakdown: breakdown, belowTarget: breakdown.filter { $0.met == false }.map(\.unitCode),
                results: results))
        }

        // Trends.
        var trends: TrendSection? = nil
        if config.report != .annual {
            let phase = config.report.years(reportYear: year)
            let years = phase.lowerBound...max(phase.lowerBound, min(phase.upperBound, year))
            let output = TrendBuilder.build(years: years, reportYear: year, facts: facts, hierarchy: hierarchy,
                                            indicators: config.indicators, fieldLevels: levels, lineage: lineage,
                                            yearRegistries: yearRegistries, maxDepth: options.trendMaxDepth)
            trends = output.section
            for (y, count) in output.unplacedRows.sorted(by: { $0.key < $1.key }) {
                modelIssues.append(Issue(severity: .info, rule: "lineage-unplaced", provenance: Provenance(file: ""),
                                       message: "Năm \(y): \(count) dòng số liệu của các đơn vị không còn tồn tại (hoặc ngoài phạm vi báo cáo) không quy đổi được sang đơn vị năm \(year); không tính vào bảng xu hướng."))
            }
            for gone in output.vanishedUnits {
                let into = hierarchy.index[gone.countedIn].map { hierarchy.names[$0] } ?? gone.countedIn
                modelIssues.append(Issue(severity: .info, rule: "lineage-vanished", provenance: Provenance(file: ""), unit: gone.unit.code,
                                       message: "Năm \(gone.year): \(gone.unit.name) (\(gone.unit.code)) không còn trong danh mục năm \(year) và không bước nào trong paths.lineage ghi đơn vị kế tiếp. Số liệu năm \(gone.year) của đơn vị này vẫn được tính vào \(into) (\(gone.countedIn)) và các cấp trên, theo danh mục năm \(gone.year); đơn vị không có dòng riêng trong bảng xu hướng. Nếu đơn vị đã được sáp nhập, thêm bước sáp nhập vào paths.lineage."))
            }
        }

        let metadata = ReportMetadata(year: year, kind: config.report,
                                      years: config.report == .annual ? [year] : Array(trends?.years ?? [year]),
                                      title: options.title ?? ReportMetadata.defaultTitle(kind: config.report, year: year),
                                      agency: config.agency, documentDate: documentDate, generatedBy: generatedBy,
                                      display: config.display)
        added = modelIssues
        var model = ReportModel(metadata: metadata, root: units[0], units: units, coverage: coverage, indicators: reports,
                                narrative: narrative(reports), trends: trends,
                                quality: quality(issues: issues + modelIssues, facts: reportYearFacts, files: fileNames,
                                                 units: Set(hierarchy.codes)))
        if let rule = config.commendation, let trends {
            model.commendation = CommendationRanking.rank(trends, rule: rule, reportYear: year)
        }
        return model
    }

    static func narrative(_ reports: [IndicatorReport]) -> NarrativeSummary {
        var facts: [NarrativeFact] = []
        var met = 0, exceeded = 0, missed = 0, noTarget = 0, noData = 0
        for r in reports {
            let t = r.total
            switch t.status {
            case .met: met += 1
            case .exceeded: exceeded += 1
            case .missed: missed += 1
            case .noTarget: noTarget += 1
            case .noRate, .notReported: noData += 1
            }
            let ranks = r.breakdown.compactMap(\.rank)
            let best = ranks.min().map { m in r.breakdown.filter { $0.rank == m }.map(\.unitCode) } ?? []
            let worst = ranks.max().map { m in r.breakdown.filter { $0.rank == m }.map(\.unitCode) } ?? []
            facts.append(NarrativeFact(indicatorID: r.id, name: r.name, status: t.status, numerator: t.numerator,
                                       denominator: t.denominator, rate: t.rate, target: t.target, gap: t.gap,
                                       childLevel: t.children?.level, childrenMet: t.children?.met ?? 0,
                                       childrenCounted: t.children?.count ?? 0, childrenNotReported: t.children?.notReported ?? 0,
                                       best: best, worst: worst))
        }
        return NarrativeSummary(indicatorCount: reports.count, met: met, exceeded: exceeded, missed: missed, noTarget: noTarget,
                                noData: noData, facts: facts)
    }

    /// Counts every finding; lists the first `DataQuality.listedPerGroup` of each file, rule
    /// and severity and counts the rest. `units`: the report's unit codes (`byUnit`'s keys).
    static func quality(issues: [Issue], facts: [Fact], files: [String], units: Set<String>) -> DataQuality {
        let sorted = issues.sorted(by: IssueOrder.less)
        func counts(_ key: (Issue) -> String) -> [IssueCount] {
            var byKey: [String: (Int, Int, Int)] = [:]
            for issue in sorted {
                var c = byKey[key(issue)] ?? (0, 0, 0)
                switch issue.severity {
                case .error: c.0 += 1
                case .warning: c.1 += 1
                case .info: c.2 += 1
                }
                byKey[key(issue)] = c
            }
            return byKey.keys.sorted().map { k in
                let c = byKey[k]!
                return IssueCount(key: k, errors: c.0, warnings: c.1, infos: c.2)
            }
        }
        struct Group: Hashable { var file: String, rule: String, severity: Severity }
        var seen: [Group: Int] = [:]
        var order: [Group] = [], firstCell: [Group: String] = [:]
        var listed: [Issue] = []
        for issue in sorted {
            let group = Group(file: issue.provenance.file, rule: issue.rule, severity: issue.severity)
            let n = seen[group, default: 0]
            seen[group] = n + 1
            if n == 0 { order.append(group); firstCell[group] = issue.provenance.cell }
            if n < DataQuality.listedPerGroup { listed.append(issue) }
        }
        let omitted = order.compactMap { g -> OmittedIssues? in
            let n = seen[g, default: 0]
            return n > DataQuality.listedPerGroup
                ? OmittedIssues(file: g.file, rule: g.rule, severity: g.severity, firstCell: firstCell[g] ?? "", count: n - DataQuality.listedPerGroup)
                : nil
        }
        return DataQuality(errors: sorted.count { $0.severity == .error },
                           warnings: sorted.count { $0.severity == .warning },
                           infos: sorted.count { $0.severity == .info },
                           factsAccepted: facts.count, files: files, byUnit: counts { units.contains($0.unit) ? $0.unit : "" },
                           byRule: counts(\.rule), issues: listed, omitted: omitted)
    }
}
