@testable import Core
@testable import Units
@testable import Model
@testable import Config
@testable import Aggregate

/// Small hand-made worlds for the aggregation, lineage, trend and model tests: a province with
/// districts and communes, facts written as `(unit, field, value)`, and the default catalogue's
/// indicators as pipeline.yml declares them.
enum AggregationFixture {
    /// Province "P" with districts "D1"… and communes "D1C1"…: `communes[i]` communes under district i.
    static func registry(districts: Int, communesEach: Int = 0) -> UnitRegistry {
        var units = [AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil)]
        for d in 1...districts {
            units.append(AdministrativeUnit(code: "D\(d)", name: "Huyện \(d)", level: .district, parentCode: "P"))
            for c in stride(from: 1, through: communesEach, by: 1) {
                units.append(AdministrativeUnit(code: "D\(d)C\(c)", name: "Xã \(d).\(c)", level: .commune, parentCode: "D\(d)"))
            }
        }
        return UnitRegistry(units: units)
    }

    static let fieldLevels: [String: UnitLevel] = [
        "gia_dinh_dat": .commune, "gia_dinh_tong": .commune,
        "dvht_xa_dat": .commune, "dvht_xa_tong": .commune,
        "dvht_huyen_dat": .district, "dvht_huyen_tong": .district,
        "cdht_xa_muc": .commune, "tthtcd_co": .commune, "tthtcd_cntt": .commune,
        "pc_thcs": .district, "pc_mam_non": .district,
    ]

    static func fact(_ unit: String, _ field: String, _ value: FieldValue, year: Int = 2024, cell: String = "A1",
                     file: String? = nil) -> Fact {
        Fact(unitCode: unit, year: year, field: field, value: value,
             provenance: Provenance(file: file ?? "\(unit.prefix(2)).xlsx", sheet: "Cấp xã", cell: cell))
    }

    static func count(_ unit: String, _ field: String, _ n: Int64, year: Int = 2024) -> Fact {
        fact(unit, field, .count(n), year: year)
    }

    static func percent(_ text: String) -> Fraction { Fraction(percent: text)! }

    static func giaDinh(target: String = "75") -> IndicatorDefinition {
        IndicatorDefinition(id: "gia_dinh", name: "Gia đình học tập", kind: .ratio, numerator: ["gia_dinh_dat"],
                            denominator: ["gia_dinh_tong"], level: .commune, targets: [2024: percent(target)])
    }

    static func dvht(target: String = "55,55") -> IndicatorDefinition {
        IndicatorDefinition(id: "dvht", name: "Đơn vị học tập", kind: .ratio, numerator: ["dvht_xa_dat", "dvht_huyen_dat"],
                            denominator: ["dvht_xa_tong", "dvht_huyen_tong"], level: .commune, targets: [2024: percent(target)])
    }

    static func pcTHCS3(target: String) -> IndicatorDefinition {
        IndicatorDefinition(id: "pc_thcs_3", name: "PCGD THCS mức độ 3", kind: .share,
                            condition: Condition(field: "pc_thcs", op: .ge, value: 3), level: .district,
                            targets: [2024: percent(target)])
    }

    static func cdhtXa(target: String = "80") -> IndicatorDefinition {
        IndicatorDefinition(id: "cdht_xa", name: "Cộng đồng học tập cấp xã", kind: .share,
                            condition: Condition(field: "cdht_xa_muc", op: .ge, value: 1), level: .commune,
                            targets: [2024: percent(target)])
    }

    static func tthtcdCNTT() -> IndicatorDefinition {
        IndicatorDefinition(id: "tthtcd_cntt", name: "TTHTCĐ ứng dụng CNTT", kind: .share,
                            condition: Condition(field: "tthtcd_cntt", op: .eq, value: 1),
                            among: Condition(field: "tthtcd_co", op: .eq, value: 1), level: .commune,
                            targets: [2024: percent("90")])
    }

    /// Aggregates and returns the results of the single indicator, keyed by unit code.
    static func run(_ indicator: IndicatorDefinition, _ facts: [Fact], registry: UnitRegistry, year: Int = 2024) throws
        -> [String: IndicatorResult] {
        let hierarchy = try ReportHierarchy(registry: registry, rootCode: "P")
        let year = Aggregator.aggregate(year: year, facts: facts, hierarchy: hierarchy, indicators: [indicator],
                                        fieldLevels: fieldLevels)
        return Dictionary(uniqueKeysWithValues: year.results[0].map { ($0.unitCode, $0) })
    }
}
