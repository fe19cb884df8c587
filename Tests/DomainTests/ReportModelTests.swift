@testable import Aggregate
@testable import Config
@testable import Core
import Foundation
@testable import Model
import Testing

@Suite struct ReportModelTests {
    typealias F = AggregationFixture

    static func config(kind: ReportKind = .annual, year: Int = 2024, indicators: [IndicatorDefinition]) -> PipelineConfig {
        let commune = SheetDefinition(name: "Cấp xã", level: .commune, fields: [
            FieldDefinition(id: "gia_dinh_tong", type: .count, aliases: ["Tổng số hộ"]),
            FieldDefinition(id: "gia_dinh_dat", type: .count, aliases: ["Số hộ đạt"], partOf: "gia_dinh_tong"),
        ])
        let district = SheetDefinition(name: "Cấp huyện", level: .district, fields: [
            FieldDefinition(id: "pc_thcs", type: .level, aliases: ["Phổ cập giáo dục THCS"], maxLevel: 3),
        ])
        return PipelineConfig(year: year, report: kind,
                              agency: Agency(parent: "UBND TỈNH P", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT",
                                             place: "P", unitCode: "P"),
                              paths: Paths(units: "units.csv"), deadline: nil, display: Display(), sheets: [commune, district],
                              indicators: indicators, outputs: ["csv", "json"])
    }

    /// Three districts of two communes; D3 sent nothing. Households: D1 3/4 + 1/2, D2 9/10 + 0/10.
    static func facts() -> [Fact] {
        [F.count("D1C1", "gia_dinh_dat", 3), F.count("D1C1", "gia_dinh_tong", 4),
         F.count("D1C2", "gia_dinh_dat", 1), F.count("D1C2", "gia_dinh_tong", 2),
         F.count("D2C1", "gia_dinh_dat", 9), F.count("D2C1", "gia_dinh_tong", 10),
         F.count("D2C2", "gia_dinh_dat", 0), F.count("D2C2", "gia_dinh_tong", 10),
         F.fact("D1", "pc_thcs", .level(3)), F.fact("D2", "pc_thcs", .level(2))]
    }

    static func model(kind: ReportKind = .annual, issues: [Core.Issue] = []) throws -> ReportModel {
        try ReportModelBuilder.build(config: config(kind: kind, indicators: [F.giaDinh(target: "75"), F.pcTHCS3(target: "66")]),
                                     registry: F.registry(districts: 3, communesEach: 2), facts: facts(), issues: issues,
                                     documentDate: "2024-12-05", generatedBy: "xhht test")
    }

    @Test func metadataUnitsAndCoverage() throws {
        let m = try Self.model()
        #expect(m.schemaVersion == ReportModel.currentSchemaVersion)
        #expect(m.metadata.title == "Báo cáo kết quả xây dựng xã hội học tập năm 2024")
        #expect(m.metadata.documentDate == "2024-12-05")
        #expect(m.metadata.years == [2024])
        #expect(m.root.code == "P")
        #expect(m.units.map(\.code) == ["P", "D1", "D1C1", "D1C2", "D2", "D2C1", "D2C2", "D3", "D3C1", "D3C2"])
        #expect(m.coverage.first == UnitCoverage(level: .district, expected: 3, reporting: ["D1", "D2"], missing: ["D3"]))
        #expect(m.coverage.last?.missing == ["D3C1", "D3C2"])
        #expect(m.unit(code: "D1")?.files == ["D1.xlsx"])
        #expect(m.root.files == ["D1.xlsx", "D2.xlsx"])
        #expect(m.trends == nil)
    }

    @Test func indicatorBreakdownBelowTargetAndNarrative() throws {
        let m = try Self.model()
        let g = try #require(m.indicator(id: "gia_dinh"))
        #expect(g.total.numerator == 13 && g.total.denominator == 26)
        #expect(g.total.status == .missed)
        // D1 4/6 ranks first, D2 9/20 second, D3 without data last.
        #expect(g.breakdown.map(\.unitCode) == ["D1", "D2", "D3"])
        #expect(g.breakdown.map(\.rank) == [1, 2, nil])
        #expect(g.belowTarget == ["D1", "D2"])
        #expect(g.results.first == g.total)
        #expect(g.total.children == ChildrenSummary(level: .district, count: 3, withRate: 2, met: 0, notReported: 1))
        let pc = try #require(m.indicator(id: "pc_thcs_3"))
        #expect(pc.total.numerator == 1 && pc.total.denominator == 1 + 1)
        #expect(pc.results.allSatisfy { $0.level != .commune })
        #expect(m.narrative.indicatorCount == 2)
        #expect(m.narrative.missed == 2)
        let fact = try #require(m.narrative.facts.first)
        #expect(fact.best == ["D1"] && fact.worst == ["D2"])
        #expect(fact.childrenCounted == 3 && fact.childrenNotReported == 1)
        #expect(m.result(indicator: "gia_dinh", unit: "D2C2")?.rate == Fraction(0, 1))
    }

    @Test func qualityCountsAndOrder() throws {
        let issues = [
            Core.Issue(severity: .warning, rule: "b", provenance: Provenance(file: "D1.xlsx", sheet: "Cấp xã", cell: "B10"), unit: "D1C1", message: "w"),
            Core.Issue(severity: .warning, rule: "a", provenance: Provenance(file: "D1.xlsx", sheet: "Cấp xã", cell: "B9"), unit: "D1C2", message: "w"),
            Core.Issue(severity: .error, rule: "a", provenance: Provenance(file: "D2.xlsx", sheet: "Cấp xã", cell: "C3"), unit: "D2C1", message: "e"),
        ]
        let m = try Self.model(issues: issues.reversed())
        #expect(m.quality.errors == 1 && m.quality.warnings == 2 && m.quality.infos == 0)
        #expect(m.quality.issues.map(\.provenance.cell) == ["C3", "B9", "B10"])
        #expect(m.quality.byRule == [IssueCount(key: "a", errors: 1, warnings: 1, infos: 0),
                                     IssueCount(key: "b", errors: 0, warnings: 1, infos: 0)])
        #expect(m.quality.factsAccepted == 10)
        #expect(m.quality.files == ["D1.xlsx", "D2.xlsx"])
    }

    @Test func factsOutsideTheRootBecomeAnIssue() throws {
        let extra = [F.count("X9", "gia_dinh_dat", 1)]
        let m = try ReportModelBuilder.build(config: Self.config(indicators: [F.giaDinh()]), registry: F.registry(districts: 1),
                                             facts: extra, issues: [], documentDate: "", generatedBy: "t")
        #expect(m.quality.issues.map(\.rule) == ["unit-outside-report"])
        #expect(m.quality.issues.first?.unit == "X9")
    }

    @Test func reviewHasTrends() throws {
        let history = Self.facts().map { f -> Fact in var f = f; f.year = 2023; return f }
        let config = Self.config(kind: .review2023To2025, year: 2025, indicators: [F.giaDinh()])
        let current = Self.facts().map { f -> Fact in var f = f; f.year = 2025; return f }
        let m = try ReportModelBuilder.build(config: config, registry: F.registry(districts: 3, communesEach: 2),
                                             facts: history + current, issues: [], documentDate: "2025-12-01", generatedBy: "t")
        let trends = try #require(m.trends)
        #expect(trends.years == [2023, 2024, 2025])
        #expect(m.metadata.years == [2023, 2024, 2025])
        #expect(m.metadata.title.contains("2023-2025"))
        let p = try #require(trends.indicators.first?.rows.first)
        #expect(p.unitCode == "P")
        #expect(p.points.map(\.numerator) == [13, nil, 13])
        #expect(p.change == Fraction(0, 1))
    }

    @Test func deterministic() throws {
        let a = try Self.model(), b = try Self.model()
        #expect(a == b)
        let shuffled = try ReportModelBuilder.build(
            config: Self.config(indicators: [F.giaDinh(target: "75"), F.pcTHCS3(target: "66")]),
            registry: F.registry(districts: 3, communesEach: 2), facts: Self.facts().reversed(), issues: [],
            documentDate: "2024-12-05", generatedBy: "xhht test")
        #expect(shuffled == a)
    }

    @Test func roundedPercentWithoutNotation() {
        #expect(RoundedPercent(Fraction(5, 9), decimals: 2, rounding: .halfUp).units == 5556)
        #expect(RoundedPercent(Fraction(5, 9), decimals: 2, rounding: .truncate).units == 5555)
        #expect(RoundedPercent(Fraction(5, 9), decimals: 4, rounding: .halfUp).plain == "55.5556")
        #expect(RoundedPercent(Fraction(-4445, 1_000_000), decimals: 2, rounding: .halfUp).plain == "-0.44")
        #expect(RoundedPercent(Fraction(1, 1), decimals: 4, rounding: .halfUp).plain == "100.0000")
        #expect(RoundedPercent(Fraction(1, 1_000_000), decimals: 2, rounding: .halfUp).plain == "0.00")
        #expect(Fraction(5, 9).subtracting(Fraction(5555, 10000)) == Fraction(1, 18000))
        // Beyond Int64 after reduction: approximated, never a trap.
        let approx = Fraction(1, 3).subtracting(Fraction(1, Int64.max))
        #expect(approx < Fraction(1, 3) && approx > Fraction(333_333_333_333_333, 1_000_000_000_000_000))
        #expect(Fraction.reduced(Int128(Int64.max) * 4, 2).isExact == false)
        #expect(Fraction.reduced(6, -4) == (Fraction(-3, 2), true))
    }
}
