@testable import Aggregate
@testable import Config
@testable import Core
@testable import Model
import Testing
@testable import Units

@Suite struct TrendTests {
    typealias F = AggregationFixture

    /// 2024 registry: district D1 with communes C1, C2, C3; 2025 registry (after the step):
    /// C1 and C2 merged into C1 (the seat keeps its code), C3 split into C4 and C5.
    static let registry2025 = UnitRegistry(units: [
        AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil),
        AdministrativeUnit(code: "C1", name: "Xã 1", level: .commune, parentCode: "P"),
        AdministrativeUnit(code: "C4", name: "Xã 4", level: .commune, parentCode: "P"),
        AdministrativeUnit(code: "C5", name: "Xã 5", level: .commune, parentCode: "P"),
    ])
    static let lineage = UnitLineage(steps: [
        LineageStep(effective: "2025-07-01", successors: ["C2": ["C1"], "C3": ["C4", "C5"]]),
    ])

    static func giaDinh(_ unit: String, _ dat: Int64, _ tong: Int64, _ year: Int) -> [Fact] {
        [F.count(unit, "gia_dinh_dat", dat, year: year), F.count(unit, "gia_dinh_tong", tong, year: year)]
    }

    static let indicator = IndicatorDefinition(
        id: "gia_dinh", name: "Gia đình học tập", kind: .ratio, numerator: ["gia_dinh_dat"], denominator: ["gia_dinh_tong"],
        level: .commune, targets: [2023: Fraction(70, 100), 2025: Fraction(75, 100)])

    static func build(_ facts: [Fact], indicators: [IndicatorDefinition] = [indicator]) throws -> TrendBuilder.Output {
        let hierarchy = try ReportHierarchy(registry: registry2025, rootCode: "P")
        return TrendBuilder.build(years: 2023...2025, reportYear: 2025, facts: facts, hierarchy: hierarchy,
                                  indicators: indicators, fieldLevels: F.fieldLevels, lineage: lineage)
    }

    @Test func mergedUnitHistoryIsTheSumOfItsPredecessors() throws {
        let facts = Self.giaDinh("C1", 1, 2, 2024) + Self.giaDinh("C2", 3, 4, 2024) + Self.giaDinh("D1", 9, 9, 2024)
            + Self.giaDinh("C1", 8, 10, 2025)
        let out = try Self.build(facts)
        let trend = try #require(out.section.indicators.first)
        let c1 = try #require(trend.rows.first { $0.unitCode == "C1" })
        #expect(c1.points.map(\.year) == [2023, 2024, 2025])
        let p2024 = c1.points[1]
        #expect(p2024.numerator == 4 && p2024.denominator == 6)  // 1+3 over 2+4, not avg(50%, 75%)
        #expect(p2024.reexpressed)
        #expect(!p2024.flagged)
        #expect(!c1.points[2].reexpressed)
        #expect(c1.points[0].status == .notReported)
        #expect(c1.reexpressed)
        // change 2024 -> 2025: 8/10 − 4/6 = 2/15
        #expect(c1.change == Fraction(2, 15))
        #expect(c1.changeFrom == 2024 && c1.changeTo == 2025)
        // 2024 target is 2023's 70% (held until replaced): 4/6 misses it; 2025's 80% meets 75%.
        #expect(c1.firstYearMet == 2025)
        #expect(!c1.neverMet)
        #expect(trend.reexpressedUnits.contains("C1"))
        #expect(out.section.lineage.contains(LineageNote(unitCode: "C1", year: 2024, kind: .merged, predecessors: ["C1", "C2"])))
        // "D1", a unit with no successor in the 2025 list, could not be placed.
        #expect(out.unplacedRows[2024] == 1)
    }

    @Test func splitUnitIsFlaggedNeverGuessed() throws {
        let facts = Self.giaDinh("C1", 1, 2, 2024) + Self.giaDinh("C3", 5, 10, 2024)
            + Self.giaDinh("C4", 6, 10, 2025) + Self.giaDinh("C5", 2, 10, 2025)
        let out = try Self.build(facts)
        let trend = try #require(out.section.indicators.first)
        for code in ["C4", "C5"] {
            let row = try #require(trend.rows.first { $0.unitCode == code })
            #expect(row.points[1].flagged)
            #expect(row.points[1].numerator == nil)
            #expect(row.points[1].rate == nil)
            #expect(row.flagged)
            #expect(row.change == nil)
        }
        #expect(trend.flaggedUnits == ["C4", "C5"])
        // The province holds all the pieces: its 2024 total keeps the split commune's row whole.
        let p = try #require(trend.rows.first { $0.unitCode == "P" })
        #expect(p.points[1].numerator == 6 && p.points[1].denominator == 12)
        #expect(!p.points[1].flagged)
        #expect(p.points[2].numerator == 8 && p.points[2].denominator == 20)
        #expect(out.section.lineage.contains(LineageNote(unitCode: "C4", year: 2024, kind: .split, predecessors: ["C3"])))
    }

    /// A merged commune has no single "level" for the years before the merger: its own share is
    /// flagged, but the province's share still counts each commune as it was.
    @Test func mergedUnitShareIsFlaggedButCountedAbove() throws {
        let facts = [F.fact("C1", "cdht_xa_muc", .level(1), year: 2024), F.fact("C2", "cdht_xa_muc", .level(0), year: 2024),
                     F.fact("C1", "cdht_xa_muc", .level(2), year: 2025)]
        let out = try Self.build(facts, indicators: [F.cdhtXa()])
        let trend = try #require(out.section.indicators.first)
        let c1 = try #require(trend.rows.first { $0.unitCode == "C1" })
        #expect(c1.points[1].flagged)
        #expect(c1.points[2].rate == Fraction(1, 1))
        let p = try #require(trend.rows.first { $0.unitCode == "P" })
        #expect(p.points[1].numerator == 1 && p.points[1].denominator == 2)
        #expect(p.points[1].reexpressed)
    }

    @Test func neverMetAndFirstYearMet() throws {
        let facts = Self.giaDinh("C1", 1, 2, 2023) + Self.giaDinh("C1", 1, 2, 2025)
            + Self.giaDinh("C4", 7, 10, 2023) + Self.giaDinh("C4", 9, 10, 2025)
        let out = try Self.build(facts)
        let trend = try #require(out.section.indicators.first)
        #expect(trend.neverMet.contains("C1"))
        #expect(!trend.neverMet.contains("C4"))
        #expect(!trend.neverMet.contains("C5"))  // no data at all is not "never met"
        let c4 = try #require(trend.rows.first { $0.unitCode == "C4" })
        #expect(c4.firstYearMet == 2023)  // 70% meets 2023's 70% exactly
        #expect(c4.change == Fraction(2, 10))
        #expect(trend.targets == [Fraction(70, 100), Fraction(70, 100), Fraction(75, 100)])
    }
}
