// Aggregation benchmark: the full default catalogue (14 indicators) for a national roll-up of
// the official 2023 list (63 provinces, 705 districts, 10,598 communes) over 6 years of
// history. Run with scripts/bench-aggregate.sh (release build, outside the test suite).
//
// Measures, as medians of several repetitions (data generated once, not timed):
//   - aggregate: one year, every indicator, every unit, sources traced (Aggregator.aggregate)
//   - trends: 6 years re-expressed through an (empty) lineage chain (TrendBuilder.build)
//   - model: the whole review model, the year's results + 6-year trends + narrative + quality
//     (ReportModelBuilder.build), i.e. what `xhht report` computes before rendering
//   - model-d2: the same with trend rows down to the districts (communes still summed)
//   - csv / json: indicators.csv and report.json of that model
import Aggregate
import Config
import Core
import Foundation
import Model
import Render
import Units

let arguments = Array(CommandLine.arguments.dropFirst())
let unitsPath = arguments.first ?? "/work/shared/domain/units/units-2023-04-10.csv"
let repetitions = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
/// Which measurements to run (default all): "aggregate,trends,model,model-d2,csv,json".
let phases = Set((arguments.count > 2 ? arguments[2] : "aggregate,trends,model,model-d2,csv,json").split(separator: ",").map(String.init))
let years = 2023...2028

func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var t = timespec()
    clock_gettime(clock, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// Wall time and CPU time of the process (the machine is shared: CPU time is the steadier figure).
func measure(_ name: String, _ body: () throws -> Int) rethrows {
    guard phases.contains(name) else { return }
    var wall: [Double] = [], cpu: [Double] = []
    var size = 0
    for _ in 0..<repetitions {
        let w0 = now(), c0 = now(CLOCK_PROCESS_CPUTIME_ID)
        size = try body()
        wall.append(now() - w0)
        cpu.append(now(CLOCK_PROCESS_CPUTIME_ID) - c0)
    }
    let ms = wall.map { String(format: "%.0f", $0 * 1000) }.joined(separator: " ")
    print(String(format: "%-10@ median wall %7.1f ms, cpu %7.1f ms   (wall runs: %@ ms; size %d)", name as NSString,
                 median(wall) * 1000, median(cpu) * 1000, ms as NSString, size))
}

let t0 = now()
let registry = try UnitRegistry(contentsOf: unitsPath, nationalRoot: true)
print(String(format: "registry: %d units loaded in %.0f ms", registry.units.count, (now() - t0) * 1000))

// The default catalogue, as docs/default-form.md defines it.
func pct(_ s: String) -> [Int: Fraction] { [2023: Fraction(percent: s)!] }
func ratio(_ id: String, _ n: [String], _ d: [String], _ t: String) -> IndicatorDefinition {
    IndicatorDefinition(id: id, name: id, kind: .ratio, numerator: n, denominator: d, level: .commune, targets: pct(t))
}
func share(_ id: String, _ f: String, _ op: Condition.Operator, _ v: Int64, _ level: UnitLevel, _ t: String,
           among: Condition? = nil) -> IndicatorDefinition {
    IndicatorDefinition(id: id, name: id, kind: .share, condition: Condition(field: f, op: op, value: v), among: among,
                        level: level, targets: pct(t))
}
let indicators = [
    share("cdht_xa", "cdht_xa_muc", .ge, 1, .commune, "80"),
    ratio("cdht_thon", ["cdht_thon_dat"], ["cdht_thon_tong"], "80"),
    ratio("gia_dinh", ["gia_dinh_dat"], ["gia_dinh_tong"], "75"),
    ratio("dong_ho", ["dong_ho_dat"], ["dong_ho_tong"], "70"),
    ratio("dvht", ["dvht_xa_dat", "dvht_huyen_dat"], ["dvht_xa_tong", "dvht_huyen_tong"], "55,55"),
    ratio("cong_dan", ["cong_dan_dat"], ["cong_dan_tong"], "40"),
    share("tthtcd_cntt", "tthtcd_cntt", .eq, 1, .commune, "90", among: Condition(field: "tthtcd_co", op: .eq, value: 1)),
    ratio("ld_cntt", ["ld_cntt"], ["ld_tong"], "90"),
    ratio("ld_ky_nang", ["ld_ky_nang"], ["ld_tong"], "90"),
    share("pc_mam_non", "pc_mam_non", .eq, 1, .district, "100"),
    share("pc_tieu_hoc_3", "pc_tieu_hoc", .ge, 3, .district, "100"),
    share("pc_thcs_2", "pc_thcs", .ge, 2, .district, "100"),
    share("pc_thcs_3", "pc_thcs", .ge, 3, .district, "66"),
    share("xmc_2", "xmc", .ge, 2, .district, "100"),
]
let communeFields: [(String, FieldType)] = [
    ("cdht_xa_muc", .level), ("gia_dinh_tong", .count), ("gia_dinh_dat", .count), ("dong_ho_tong", .count),
    ("dong_ho_dat", .count), ("cdht_thon_tong", .count), ("cdht_thon_dat", .count), ("dvht_xa_tong", .count),
    ("dvht_xa_dat", .count), ("cong_dan_tong", .count), ("cong_dan_dat", .count), ("tthtcd_co", .yesNo),
    ("tthtcd_cntt", .yesNo), ("ld_tong", .count), ("ld_cntt", .count), ("ld_ky_nang", .count),
]
let districtFields: [(String, FieldType)] = [
    ("pc_mam_non", .yesNo), ("pc_tieu_hoc", .level), ("pc_thcs", .level), ("xmc", .level),
    ("dvht_huyen_tong", .count), ("dvht_huyen_dat", .count),
]
let sheets = [
    SheetDefinition(name: "Cấp xã", level: .commune, fields: communeFields.map { FieldDefinition(id: $0.0, type: $0.1, aliases: [$0.0]) }),
    SheetDefinition(name: "Cấp huyện", level: .district, fields: districtFields.map { FieldDefinition(id: $0.0, type: $0.1, aliases: [$0.0]) }),
]

// Deterministic pseudo-random facts (a linear congruential generator); 1 commune in 200 leaves
// a cell blank so that "not reported" paths run too.
struct Generator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next(_ bound: Int64) -> Int64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int64((state >> 33) % UInt64(bound))
    }
}
var random = Generator()
@MainActor func next(_ bound: Int64) -> Int64 { random.next(bound) }
var facts: [Fact] = []
let communes = registry.units(at: .commune), districts = registry.units(at: .district)
facts.reserveCapacity(years.count * (communes.count * communeFields.count + districts.count * districtFields.count))
for year in years {
    for c in communes {
        let file = "bao-cao-\(year)-\(c.parentCode ?? "").xlsx"
        for (i, (field, type)) in communeFields.enumerated() {
            if next(200) == 0 { continue }
            let value: FieldValue
            switch type {
            case .level: value = .level(Int(next(3)))
            case .yesNo: value = .yesNo(next(10) < 8)
            default: value = .count(field.hasSuffix("_tong") ? 100 + next(900) : next(100))
            }
            facts.append(Fact(unitCode: c.code, year: year, field: field, value: value,
                              provenance: Provenance(file: file, sheet: "Cấp xã", cell: "\(Character(UnicodeScalar(68 + i)!))\(7 + Int(next(40)))")))
        }
    }
    for d in districts {
        for (field, type) in districtFields {
            let value: FieldValue = type == .count ? .count(field.hasSuffix("_tong") ? 50 + next(50) : next(50))
                : type == .yesNo ? .yesNo(next(10) < 9) : .level(1 + Int(next(3)))
            facts.append(Fact(unitCode: d.code, year: year, field: field, value: value,
                              provenance: Provenance(file: "bao-cao-\(year)-\(d.code).xlsx", sheet: "Cấp huyện", cell: "D7")))
        }
    }
}
print("facts: \(facts.count) over \(years.count) years; \(indicators.count) indicators")

let hierarchy = try ReportHierarchy(registry: registry, rootCode: UnitRegistry.nationCode)
let levels = Dictionary(uniqueKeysWithValues: sheets.flatMap { s in s.fields.map { ($0.id, s.level) } })
let config = PipelineConfig(year: years.upperBound, report: .review2023To2030,
                            agency: Agency(parent: "BỘ GIÁO DỤC VÀ ĐÀO TẠO", name: "VỤ GIÁO DỤC THƯỜNG XUYÊN", abbreviation: "GDTX",
                                           place: "Hà Nội", unitCode: UnitRegistry.nationCode),
                            paths: Paths(units: unitsPath), deadline: nil, display: Display(), sheets: sheets,
                            indicators: indicators, outputs: ["csv", "json"])

measure("aggregate") {
    let y = Aggregator.aggregate(year: years.upperBound, facts: facts, hierarchy: hierarchy, indicators: indicators, fieldLevels: levels)
    return y.results.reduce(0) { $0 + $1.count }
}
measure("trends") {
    let t = TrendBuilder.build(years: years, reportYear: years.upperBound, facts: facts, hierarchy: hierarchy,
                               indicators: indicators, fieldLevels: levels, lineage: UnitLineage())
    return t.section.indicators.reduce(0) { $0 + $1.rows.count }
}
var model: ReportModel? = nil
try measure("model") {
    let m = try ReportModelBuilder.build(config: config, registry: registry, facts: facts, issues: [],
                                         documentDate: "2028-12-01", generatedBy: "bench")
    model = m
    return m.indicators.reduce(0) { $0 + $1.results.count }
}
// The same model with trend rows down to the districts only (the national report's tables), the
// communes' facts still summed into them.
try measure("model-d2") {
    let m = try ReportModelBuilder.build(config: config, registry: registry, facts: facts, issues: [],
                                         documentDate: "2028-12-01", generatedBy: "bench",
                                         options: ReportModelBuilder.Options(trendMaxDepth: 2))
    return m.indicators.reduce(0) { $0 + $1.results.count }
}
if let model {
    measure("csv") { IndicatorsCSV.bytes(model).count }
    try measure("json") { try ReportJSON.bytes(model).count }
}
