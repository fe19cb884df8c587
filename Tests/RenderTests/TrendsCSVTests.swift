import Aggregate
import Config
import Core
import Foundation
import Model
@testable import Render
import Testing
import Units

/// trends.csv on a hand-made review: province P > district D1 > communes C1, C4, C5 of 2025;
/// before the 2025-07-01 step C2 merged into C1 (re-expressed) and C3 split into C4 and C5
/// (flagged, counted whole in D1 and P). C5 is named "-Xã 5" to try a formula.
@Suite struct TrendsCSVTests {
    static let indicator = IndicatorDefinition(
        id: "gia_dinh", name: "Gia đình học tập", kind: .ratio, numerator: ["gia_dinh_dat"], denominator: ["gia_dinh_tong"],
        level: .commune, targets: [2023: Fraction(70, 100), 2025: Fraction(75, 100)])

    /// (unit, year, households met, households): the workbooks of each year, in that year's units.
    static let workbooks: [(String, Int, Int64, Int64)] = [
        ("C1", 2023, 1, 2), ("C2", 2023, 3, 4), ("C3", 2023, 5, 10),
        ("C1", 2024, 2, 2), ("C2", 2024, 3, 4), ("C3", 2024, 6, 10),
        ("C1", 2025, 8, 10), ("C4", 2025, 6, 10), ("C5", 2025, 2, 10),
    ]

    static func model(kind: ReportKind = .review2023To2025) throws -> ReportModel {
        let units = [
            AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil),
            AdministrativeUnit(code: "D1", name: "Huyện 1", level: .district, parentCode: "P"),
            AdministrativeUnit(code: "C1", name: "Xã 1", level: .commune, parentCode: "D1"),
            AdministrativeUnit(code: "C4", name: "Xã 4", level: .commune, parentCode: "D1"),
            AdministrativeUnit(code: "C5", name: "-Xã 5", level: .commune, parentCode: "D1"),
        ]
        let lineage = UnitLineage(steps: [LineageStep(effective: "2025-07-01", successors: ["C2": ["C1"], "C3": ["C4", "C5"]])])
        func count(_ unit: String, _ field: String, _ n: Int64, _ year: Int) -> Fact {
            Fact(unitCode: unit, year: year, field: field, value: .count(n), provenance: Provenance(file: "\(unit)-\(year).xlsx", sheet: "Cấp xã", cell: "E7"))
        }
        let facts = workbooks.flatMap { [count($0.0, "gia_dinh_dat", $0.2, $0.1), count($0.0, "gia_dinh_tong", $0.3, $0.1)] }
        let sheet = SheetDefinition(name: "Cấp xã", level: .commune, fields: [
            FieldDefinition(id: "gia_dinh_tong", type: .count, aliases: ["a"]),
            FieldDefinition(id: "gia_dinh_dat", type: .count, aliases: ["b"]),
        ])
        let config = PipelineConfig(year: 2025, report: kind,
                                    agency: Agency(parent: "", name: "", abbreviation: "", place: "", unitCode: "P"),
                                    paths: Paths(units: "u.csv"), deadline: nil, display: Display(),
                                    sheets: [sheet], indicators: [indicator], outputs: [])
        return try ReportModelBuilder.build(config: config, registry: UnitRegistry(units: units), facts: facts, issues: [],
                                            lineage: lineage, documentDate: "2025-12-05", generatedBy: "test")
    }

    /// The oracle: each 2025 unit's figures computed here from the workbooks, not by the
    /// pipeline. Before the step C1 is C1 + C2 (re-expressed); C4 and C5 hold part of C3 and get
    /// no number (flagged); D1 and P hold every commune, C3 whole.
    static func expectedRows() -> [String] {
        func sum(_ codes: Set<String>, _ year: Int) -> (Int64, Int64) {
            workbooks.filter { codes.contains($0.0) && $0.1 == year }.reduce((0, 0)) { ($0.0 + $1.2, $0.1 + $1.3) }
        }
        func percent(_ n: Int64, _ d: Int64) -> String {
            // × 100 half-up to 4 decimals, always 4 as indicators.csv, by integers: 9/16 -> 56.2500
            let scaled = (n * 2_000_000 / d + 1) / 2
            return "\(scaled / 10_000)." + String(format: "%04d", scaled % 10_000)
        }
        let target = [2023: (70, 100), 2024: (70, 100), 2025: (75, 100)]
        var lines: [String] = []
        let units: [(String, String, String, old: Set<String>, new: Set<String>, reexpressed: Bool, flagged: Bool)] = [
            ("P", "Tỉnh P", "province", ["C1", "C2", "C3"], ["C1", "C4", "C5"], true, false),
            ("D1", "Huyện 1", "district", ["C1", "C2", "C3"], ["C1", "C4", "C5"], true, false),
            ("C1", "Xã 1", "commune", ["C1", "C2"], ["C1"], true, false),
            ("C4", "Xã 4", "commune", [], ["C4"], false, true),
            ("C5", "'-Xã 5", "commune", [], ["C5"], false, true),
        ]
        for u in units {
            for year in 2023...2025 {
                let (t, tDen) = target[year]!
                let targetText = String(t * 100 / tDen)
                if year < 2025 && u.flagged {
                    lines.append("\(u.0),\(u.1),\(u.2),gia_dinh,\(year),,,,\(targetText),,0,1")
                    continue
                }
                let (n, d) = sum(year < 2025 ? u.old : u.new, year)
                let met = n * Int64(tDen) >= Int64(t) * d ? "1" : "0"
                let reexpressed = year < 2025 && u.reexpressed ? "1" : "0"
                lines.append("\(u.0),\(u.1),\(u.2),gia_dinh,\(year),\(n),\(d),\(percent(n, d)),\(targetText),\(met),\(reexpressed),0")
            }
        }
        return lines
    }

    @Test func rowsMatchTheOracle() throws {
        let bytes = try #require(TrendsCSV.bytes(try Self.model()))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let expected = (["unit_code,unit_name,level,indicator,year,numerator,denominator,rate_percent,target_percent,met,reexpressed,flagged"]
            + Self.expectedRows()).map { $0 + "\r\n" }.joined()
        #expect(text == expected)
        // Spot checks of the oracle itself: C1's 2023 is (1+3)/(2+4); the province's 2023 holds C3 whole.
        #expect(text.contains("\r\nC1,Xã 1,commune,gia_dinh,2023,4,6,66.6667,70,0,1,0\r\n"))
        #expect(text.contains("\r\nP,Tỉnh P,province,gia_dinh,2023,9,16,56.2500,70,0,1,0\r\n"))
    }

    @Test func annualReportHasNoTrendsFile() throws {
        var model = try Self.model()
        model.trends = nil
        #expect(TrendsCSV.bytes(model) == nil)
    }

    @Test func writtenWithCsvOrTrendsInAReviewYearOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-trends-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.model()
        let templates = RenderFixtures.templatesFolder.deletingLastPathComponent()
        for (kinds, expected) in [(["csv"], ["indicators.csv", "trends.csv"]), (["trends"], ["trends.csv"]),
                                  (["csv", "trends"], ["indicators.csv", "trends.csv"]), (["json"], ["report.json"])] {
            let written = try ReportOutputs.write(model: model, issues: [], kinds: kinds, templates: templates, to: folder)
            #expect(written.map(\.url.lastPathComponent) == expected)
        }
        var annual = model
        annual.trends = nil
        let written = try ReportOutputs.write(model: annual, issues: [], kinds: ["csv", "trends"], templates: templates, to: folder)
        #expect(written.map(\.url.lastPathComponent) == ["indicators.csv"])
    }
}
