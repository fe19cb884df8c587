import Aggregate
import Config
import Core
import Foundation
import Model
@testable import Render
import Testing
import Units

/// indicators.csv byte for byte on a hand-made province: two districts ("=cmd" named to try a
/// formula), one commune with a zero denominator, one that sent nothing.
@Suite struct IndicatorsCSVTests {
    static func model() throws -> ReportModel {
        let units = [
            AdministrativeUnit(code: "92", name: "Thành phố Cần Thơ", level: .province, parentCode: nil),
            AdministrativeUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92"),
            AdministrativeUnit(code: "917", name: "=HYPERLINK(\"x\")", level: .district, parentCode: "92"),
            AdministrativeUnit(code: "31117", name: "Phường Cái Khế", level: .commune, parentCode: "916"),
            AdministrativeUnit(code: "31120", name: "Phường An Hòa, cũ", level: .commune, parentCode: "916"),
            AdministrativeUnit(code: "31150", name: "@SUM(1)", level: .commune, parentCode: "917"),
        ]
        func count(_ unit: String, _ field: String, _ n: Int64) -> Fact {
            Fact(unitCode: unit, year: 2024, field: field, value: .count(n), provenance: Provenance(file: "\(unit).xlsx", sheet: "Cấp xã", cell: "E7"))
        }
        let facts = [count("31117", "gia_dinh_dat", 5), count("31117", "gia_dinh_tong", 9),
                     count("31120", "gia_dinh_dat", 0), count("31120", "gia_dinh_tong", 0)]
        let sheet = SheetDefinition(name: "Cấp xã", level: .commune, fields: [
            FieldDefinition(id: "gia_dinh_tong", type: .count, aliases: ["a"]),
            FieldDefinition(id: "gia_dinh_dat", type: .count, aliases: ["b"]),
        ])
        let indicator = IndicatorDefinition(id: "gia_dinh", name: "Gia đình học tập", kind: .ratio, numerator: ["gia_dinh_dat"],
                                            denominator: ["gia_dinh_tong"], level: .commune,
                                            targets: [2024: Fraction(percent: "55,55")!])
        let config = PipelineConfig(year: 2024, report: .annual,
                                    agency: Agency(parent: "", name: "", abbreviation: "", place: "", unitCode: "92"),
                                    paths: Paths(units: "u.csv"), deadline: nil, display: Display(rounding: .truncate),
                                    sheets: [sheet], indicators: [indicator], outputs: [])
        return try ReportModelBuilder.build(config: config, registry: UnitRegistry(units: units), facts: facts, issues: [],
                                            documentDate: "2024-12-05", generatedBy: "test")
    }

    @Test func bytesAsDesignSays() throws {
        let bytes = IndicatorsCSV.bytes(try Self.model())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let expected = [
            "unit_code,unit_name,level,indicator,numerator,denominator,rate_percent,target_percent,met",
            "92,Thành phố Cần Thơ,province,gia_dinh,5,9,55.5556,55.55,1",
            "916,Quận Ninh Kiều,district,gia_dinh,5,9,55.5556,55.55,1",
            "31117,Phường Cái Khế,commune,gia_dinh,5,9,55.5556,55.55,1",
            // A reported zero: numerator and denominator 0, no rate, no met.
            "31120,\"Phường An Hòa, cũ\",commune,gia_dinh,0,0,,55.55,",
            // Nothing reported: no numbers at all (missing is not zero); names cannot run.
            "917,\"'=HYPERLINK(\"\"x\"\")\",district,gia_dinh,,,,55.55,",
            "31150,'@SUM(1),commune,gia_dinh,,,,55.55,",
        ].map { $0 + "\r\n" }.joined()
        #expect(text == expected)
    }

    @Test func percentColumns() {
        #expect(IndicatorsCSV.ratePercent(Fraction(2, 3)) == "66.6667")
        #expect(IndicatorsCSV.ratePercent(Fraction(100, 102)) == "98.0392")
        #expect(IndicatorsCSV.ratePercent(Fraction(1, 8)) == "12.5000")  // 12.5 exactly: 4 decimals still
        #expect(IndicatorsCSV.ratePercent(Fraction(0, 5)) == "0.0000")
        #expect(IndicatorsCSV.ratePercent(Fraction(1, 200_000_0)) == "0.0001")  // 0.00005% rounds half-up
        #expect(IndicatorsCSV.targetPercent(Fraction(4, 5)) == "80")
        #expect(IndicatorsCSV.targetPercent(Fraction(5555, 10000)) == "55.55")
        #expect(IndicatorsCSV.targetPercent(Fraction(2, 3)) == "66.6667")
        #expect(IndicatorsCSV.targetPercent(Fraction(1, 1)) == "100")
    }
}
