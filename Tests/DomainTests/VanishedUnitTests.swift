@testable import Aggregate
@testable import Config
@testable import Core
import Foundation
@testable import Intake
@testable import Model
@testable import Run
@testable import Storage
import Testing
@testable import Units

/// Issue 17: totals never lose a unit. A 2024 review of Cần Thơ over 2023 and 2024: 2023 read
/// with 2023's list (83 communes), 2024 with 2024's (80: Phường An Phú 31141, An Nghiệp 31126
/// and An Cư 31129 merged into Thới Bình 31123 on 1/11/2024, NQ 1192/NQ-UBTVQH15). With or
/// without the lineage step, the city's and Ninh Kiều's 2023 numerator and denominator are the
/// sums of 2023's own rows; without the step the three wards have no row of their own and are
/// named; a split stays flagged, never shared out.
@Suite struct VanishedUnitTests {
    static let wards = ["31126", "31129", "31141"]
    /// 2023's list: the repository's Cần Thơ list of 2024-02-01 (83 communes in 9 districts).
    static let registry2023: UnitRegistry = {
        let path = SharedData.repositoryRoot.appendingPathComponent("units/can-tho-2024-02-01.csv").path
        return try! UnitRegistry(contentsOf: path)
    }()
    /// 2024's list: the same without the three wards (the only Cần Thơ change until 2025).
    static let registry2024 = UnitRegistry(units: registry2023.units.filter { !wards.contains($0.code) })
    static let step: LineageStep = {
        var notes: [String] = []
        let path = SharedData.repositoryRoot.appendingPathComponent("units/lineage-can-tho-2024-11-01.csv").path
        return try! LineageStep(oldToNewCSVAt: path, effective: "2024-11-01", diagnostics: &notes)
    }()

    static let giaDinh = AggregationFixture.giaDinh()
    static let cdhtXa = AggregationFixture.cdhtXa()

    /// Every commune of `registry` reports households (numbers from its code, all different)
    /// and its learning-community level.
    static func facts(_ registry: UnitRegistry, year: Int) -> [Fact] {
        registry.units(at: .commune).flatMap { u -> [Fact] in
            let n = Int64(u.code)! % 997 + 1000
            return [AggregationFixture.count(u.code, "gia_dinh_dat", n - 300 - Int64(year % 7), year: year),
                    AggregationFixture.count(u.code, "gia_dinh_tong", n, year: year),
                    AggregationFixture.fact(u.code, "cdht_xa_muc", .level(Int(u.code)! % 3), year: year)]
        }
    }

    static func build(lineage: UnitLineage, yearRegistries: [Int: UnitRegistry]) throws -> TrendBuilder.Output {
        let hierarchy = try ReportHierarchy(registry: registry2024, rootCode: "92")
        return TrendBuilder.build(years: 2023...2024, reportYear: 2024,
                                  facts: facts(registry2023, year: 2023) + facts(registry2024, year: 2024),
                                  hierarchy: hierarchy, indicators: [giaDinh, cdhtXa], fieldLevels: AggregationFixture.fieldLevels,
                                  lineage: lineage, yearRegistries: yearRegistries)
    }

    /// The sums of 2023's own rows under `code` (in 2023's list): households and communes.
    static func truth2023(under code: String) -> (dat: Int64, tong: Int64, communes: Int64, recognised: Int64) {
        let facts = facts(registry2023, year: 2023)
        let inside = Set(registry2023.descendants(of: code).map(\.code))
        func sum(_ field: String) -> Int64 {
            facts.filter { inside.contains($0.unitCode) && $0.field == field }.reduce(0) { $0 + ($1.value.integer ?? 0) }
        }
        let levels = facts.filter { inside.contains($0.unitCode) && $0.field == "cdht_xa_muc" }
        return (sum("gia_dinh_dat"), sum("gia_dinh_tong"), Int64(levels.count), Int64(levels.filter { ($0.value.integer ?? 0) >= 1 }.count))
    }

    static func point(_ out: TrendBuilder.Output, _ indicator: String, _ unit: String, _ year: Int) throws -> TrendPoint {
        let trend = try #require(out.section.indicators.first { $0.indicatorID == indicator })
        let row = try #require(trend.rows.first { $0.unitCode == unit })
        return try #require(row.points.first { $0.year == year })
    }

    /// The city's and Ninh Kiều's 2023 figures are 2023's own sums: 83 communes, not 80.
    static func expectWhole2023(_ out: TrendBuilder.Output) throws {
        #expect(registry2023.units(at: .commune).count == 83 && registry2024.units(at: .commune).count == 80)
        for unit in ["92", "916"] {
            let truth = truth2023(under: unit)
            let households = try point(out, "gia_dinh", unit, 2023)
            #expect(households.numerator == truth.dat && households.denominator == truth.tong, "\(unit)")
            let communes = try point(out, "cdht_xa", unit, 2023)
            #expect(communes.numerator == truth.recognised && communes.denominator == truth.communes, "\(unit)")
            #expect(!households.flagged && !communes.flagged)
        }
        #expect(try point(out, "cdht_xa", "92", 2023).denominator == 83)
        #expect(try point(out, "cdht_xa", "916", 2023).denominator == 11)
        #expect(out.unplacedRows.isEmpty)
    }

    @Test func mergedWardsFollowTheStepIntoThoiBinh() throws {
        let out = try Self.build(lineage: UnitLineage(steps: [Self.step]), yearRegistries: [2023: Self.registry2023])
        try Self.expectWhole2023(out)
        #expect(out.vanishedUnits.isEmpty)
        // Thới Bình's 2023 point is the four wards' sum, re-expressed.
        let facts = Self.facts(Self.registry2023, year: 2023)
        let four = Set(Self.wards + ["31123"])
        let tong = facts.filter { four.contains($0.unitCode) && $0.field == "gia_dinh_tong" }.reduce(0) { $0 + ($1.value.integer ?? 0) }
        let thoiBinh = try Self.point(out, "gia_dinh", "31123", 2023)
        #expect(thoiBinh.denominator == tong && thoiBinh.reexpressed)
        #expect(out.section.lineage.contains(LineageNote(unitCode: "31123", year: 2023, kind: .merged, predecessors: ["31123"] + Self.wards)))
    }

    @Test func wardsGoneWithoutAStepStillCountInNinhKieuAndTheCity() throws {
        let out = try Self.build(lineage: UnitLineage(), yearRegistries: [2023: Self.registry2023])
        try Self.expectWhole2023(out)
        // Each ward is named, counted in Ninh Kiều; none has a row of its own.
        #expect(out.vanishedUnits.map(\.unit.code) == Self.wards)
        #expect(out.vanishedUnits.allSatisfy { $0.year == 2023 && $0.countedIn == "916" })
        #expect(out.vanishedUnits.map(\.unit.name) == ["Phường An Nghiệp", "Phường An Cư", "Phường An Phú"])
        let trend = try #require(out.section.indicators.first { $0.indicatorID == "gia_dinh" })
        #expect(!trend.rows.contains { Self.wards.contains($0.unitCode) })
        // Thới Bình keeps only its own 2023 row; Ninh Kiều's point is marked re-expressed.
        let thoiBinh = try Self.point(out, "gia_dinh", "31123", 2023)
        #expect(!thoiBinh.reexpressed)
        #expect(try Self.point(out, "gia_dinh", "916", 2023).reexpressed)
    }

    /// Before the store kept each year's units, the wards were lost from every total: the rule
    /// needs 2023's registry, and without it nothing is guessed.
    @Test func withoutTheYearsRegistryTheRowsAreUnplacedNotGuessed() throws {
        let out = try Self.build(lineage: UnitLineage(), yearRegistries: [:])
        #expect(out.unplacedRows[2023] == 3)
        #expect(out.vanishedUnits.isEmpty)
        #expect(try Self.point(out, "cdht_xa", "92", 2023).denominator == 80)
    }

    /// A split commune stays flagged with its year's registry at hand: its row is kept whole at
    /// the unit holding every piece, never shared out, and it is not "vanished".
    @Test func aSplitStaysFlaggedNeverSharedOut() throws {
        let out2025 = UnitRegistry(units: [
            AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil),
            AdministrativeUnit(code: "C4", name: "Xã 4", level: .commune, parentCode: "P"),
            AdministrativeUnit(code: "C5", name: "Xã 5", level: .commune, parentCode: "P"),
        ])
        let in2024 = UnitRegistry(units: [
            AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil),
            AdministrativeUnit(code: "D1", name: "Huyện 1", level: .district, parentCode: "P"),
            AdministrativeUnit(code: "C3", name: "Xã 3", level: .commune, parentCode: "D1"),
        ])
        let lineage = UnitLineage(steps: [LineageStep(effective: "2025-07-01", successors: ["C3": ["C4", "C5"]])])
        let facts = [AggregationFixture.count("C3", "gia_dinh_dat", 5, year: 2024), AggregationFixture.count("C3", "gia_dinh_tong", 10, year: 2024)]
        let out = TrendBuilder.build(years: 2024...2025, reportYear: 2025, facts: facts,
                                     hierarchy: try ReportHierarchy(registry: out2025, rootCode: "P"), indicators: [Self.giaDinh],
                                     fieldLevels: AggregationFixture.fieldLevels, lineage: lineage, yearRegistries: [2024: in2024])
        let trend = try #require(out.section.indicators.first)
        #expect(trend.flaggedUnits == ["C4", "C5"])
        for code in ["C4", "C5"] { #expect(try Self.point(out, "gia_dinh", code, 2024).numerator == nil) }
        let p = try Self.point(out, "gia_dinh", "P", 2024)
        #expect(p.numerator == 5 && p.denominator == 10 && !p.flagged)
        #expect(out.vanishedUnits.isEmpty && out.unplacedRows.isEmpty)
    }
}

/// The store keeps each year's units as the import's registry had them (2024-v8), which the
/// review reads to count a vanished unit in its district and province.
@Suite struct UnitYearsStoreTests {
    @Test func theYearsUnitsAreKeptAndTheLastImportWins() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        _ = try store.beginRun(configSHA256: "x")
        try store.recordUnits(year: 2023, [
            AdministrativeUnit(code: "92", name: "Thành phố Cần Thơ", level: .province, parentCode: nil),
            AdministrativeUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92"),
            AdministrativeUnit(code: "31126", name: "Phường An Nghiệp", level: .commune, parentCode: "916"),
        ])
        try store.recordUnits(year: 2024, [AdministrativeUnit(code: "31123", name: "Phường Thới Bình", level: .commune, parentCode: "916")])
        try store.recordUnits(year: 2023, [AdministrativeUnit(code: "31126", name: "P. An Nghiệp", level: .commune, parentCode: "916")])
        let kept = try store.units(years: 2023...2023)
        #expect(kept.keys.sorted() == [2023])
        #expect(kept[2023]?.count == 3)
        #expect(kept[2023]?["31126"] == AdministrativeUnit(code: "31126", name: "P. An Nghiệp", level: .commune, parentCode: "916"))
        #expect(kept[2023]?["92"]?.parentCode == nil)
        #expect(try store.units(years: 2023...2024)[2024]?.keys.sorted() == ["31123"])
        #expect(try store.units(years: 2025...2026).isEmpty)
    }

    /// What an import keeps: the units its accepted records name and every unit above them.
    @Test func anImportKeepsTheUnitsItsRecordsNameWithTheirAncestors() throws {
        let config = try PipelineConfigLoader.load(path: ConfigLoadingTests.shipped)
        let registry = VanishedUnitTests.registry2023
        let pipeline = Pipeline(config: config, registry: registry)
        func record(_ code: String) -> NormalizedRecord {
            NormalizedRecord(unitCode: code, unitName: "", writtenName: "", level: .commune, sheet: "Cấp xã", row: 1,
                             columns: RecordColumns(fields: [], letters: []), unitCell: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "A1"))
        }
        let units = pipeline.yearUnits(of: [record("31126"), record("31129"), record("31126")])
        #expect(units.map(\.code) == ["31126", "31129", "916", "92"])
        #expect(units.first { $0.code == "916" }?.parentCode == "92")
    }
}
