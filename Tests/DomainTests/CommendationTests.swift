@testable import Aggregate
@testable import Config
@testable import Core
@testable import Model
import Testing
@testable import Units

/// pipeline.yml's `commendation` (quota, criteria) and the ranking of a review's units.
@Suite struct CommendationTests {
    func load(_ yaml: String) throws -> PipelineConfig {
        try PipelineConfigLoader.parse(yaml: ConfigErrorTests.valid + "\n" + yaml, file: "pipeline.yml", baseDirectory: "/srv/xhht")
    }

    func messages(_ yaml: String) -> [ConfigDiagnostic] {
        do {
            _ = try load(yaml)
            return []
        } catch let error as PipelineConfigError {
            return error.diagnostics
        } catch {
            return [ConfigDiagnostic(file: "", line: -1, column: -1, path: "", message: "\(error)")]
        }
    }

    @Test func theRuleIsRead() throws {
        let config = try load("commendation:\n  quota: 5\n  criteria: [metEveryYear, mostImproved]\n")
        #expect(config.commendation == CommendationRule(quota: 5, criteria: [.metEveryYear, .mostImproved]))
        #expect(try load("").commendation == nil)
        #expect(try load("commendation:\n").commendation == nil)
    }

    @Test func mistakesAreNamedInVietnamese() throws {
        let quota = messages("commendation:\n  quota: 0\n  criteria: [metEveryYear]\n")
        #expect(quota.count == 1 && quota[0].path == "commendation.quota" && quota[0].message.contains("từ 1 đến 100"))
        let typo = messages("commendation:\n  quota: 5\n  criteria: [metEveryYaer]\n")
        #expect(typo.count == 1 && typo[0].path == "commendation.criteria[0]" && typo[0].message.contains("Có phải ý bạn là \"metEveryYear\"?"))
        let twice = messages("commendation:\n  quota: 5\n  criteria: [mostImproved, mostImproved]\n")
        #expect(twice.count == 1 && twice[0].path == "commendation.criteria[1]" && twice[0].message.contains("đã có ở trên"))
        let empty = messages("commendation:\n  quota: 5\n  criteria: []\n")
        #expect(empty.count == 1 && empty[0].message.contains("cần ít nhất một tiêu chí"))
        let missing = messages("commendation:\n  quota: 5\n")
        #expect(missing.contains { $0.path.hasPrefix("commendation") && $0.message.contains("thiếu") })
        // The line of `quota:` in the file (the valid file, then "commendation:", then it).
        #expect(quota.first?.line == ConfigErrorTests.valid.components(separatedBy: "\n").count + 2)
    }

    /// A province P, districts A, B, C, D; two indicators over 2023-2025, the target 70% then
    /// 80% in 2025. Rates in percent per year, nil: no data; "F": flagged (a split).
    static func section(_ rates: [String: [[Int?]]]) -> TrendSection {
        let years = [2023, 2024, 2025]
        let targets: [Fraction?] = [Fraction(70, 100), Fraction(70, 100), Fraction(80, 100)]
        let indicators = ["gia_dinh", "dong_ho"].enumerated().map { k, id in
            let rows = rates.keys.sorted().map { code -> TrendRow in
                let values = rates[code]![k]
                let points = years.enumerated().map { y, year -> TrendPoint in
                    let flagged = values[y] == -1
                    let rate = flagged ? nil : values[y].map { Fraction(Int64($0), 100) }
                    return TrendPoint(year: year, numerator: nil, denominator: nil, rate: rate, target: targets[y], status: .notReported,
                                      met: rate.map { $0 >= targets[y]! }, unitsNotReported: 0, reexpressed: false, flagged: flagged)
                }
                let rated = points.filter { $0.rate != nil }
                let change = rated.count >= 2 ? rated.last!.rate!.subtracting(rated.first!.rate!) : nil
                return TrendRow(unitCode: code, unitName: "Huyện \(code)", level: .district, parentCode: "P", depth: 1, points: points,
                                change: change, changeFrom: nil, changeTo: nil, firstYearMet: nil, neverMet: false,
                                reexpressed: false, flagged: points.contains(where: \.flagged))
            }
            return IndicatorTrend(indicatorID: id, name: id, targets: targets, rows: rows, neverMet: [], reexpressedUnits: [], flaggedUnits: [])
        }
        return TrendSection(years: years, indicators: indicators, lineage: [])
    }

    static let rates: [String: [[Int?]]] = [
        // met both every year; changes +10 and +10: mean +10
        "A": [[70, 75, 80], [72, 76, 82]],
        // met both every year; changes +20 and +14: mean +17
        "B": [[72, 80, 92], [70, 75, 84]],
        // met one every year (gia_dinh); the other misses 2025's 80%; changes +25, +4: mean +14,5
        "C": [[70, 90, 95], [75, 78, 79]],
        // 2023 flagged (split): not met that year, however high the rest; changes 0, +1: mean +0,5
        "D": [[-1, 99, 99], [-1, 98, 99]],
    ]

    @Test func rankedByTheCriteriaInOrder() {
        let trends = Self.section(Self.rates)
        let byMet = CommendationRanking.rank(trends, rule: CommendationRule(quota: 3, criteria: [.metEveryYear, .mostImproved]), reportYear: 2025)
        // Met every year: A 2, B 2, C 1, D 0 (flagged years are not met); A and B tied, B improved more.
        #expect(byMet.candidates.map(\.unitCode) == ["B", "A", "C"])
        #expect(byMet.candidates.map(\.rank) == [1, 2, 3])
        #expect(byMet.unitsConsidered == 4 && byMet.indicatorCount == 2 && byMet.quota == 3)
        let b = byMet.candidates[0]
        #expect(b.metEveryYear == ["gia_dinh", "dong_ho"] && b.metInReportYear == ["gia_dinh", "dong_ho"])
        #expect(b.averageChange == Fraction(17, 100) && b.indicatorsWithChange == 2)
        let c = byMet.candidates[2]
        #expect(c.metEveryYear == ["gia_dinh"] && c.metInReportYear == ["gia_dinh"] && c.averageChange == Fraction(29, 200))

        let byImprovement = CommendationRanking.rank(trends, rule: CommendationRule(quota: 4, criteria: [.mostImproved]), reportYear: 2025)
        #expect(byImprovement.candidates.map(\.unitCode) == ["B", "C", "A", "D"])
        let d = byImprovement.candidates[3]
        #expect(d.flagged && d.metEveryYear.isEmpty && d.metInReportYear == ["gia_dinh", "dong_ho"] && d.averageChange == Fraction(1, 200))

        // Ties on every criterion: the unit code decides, whatever the input order.
        let tied = CommendationRanking.rank(trends, rule: CommendationRule(quota: 2, criteria: [.metInReportYear]), reportYear: 2025)
        #expect(tied.candidates.map(\.unitCode) == ["A", "B"])
    }

    @Test func theModelCarriesItInReviewYearsOnly() throws {
        var config = try load("commendation:\n  quota: 1\n  criteria: [mostImproved]\n")
        let registry = UnitRegistry(units: [
            AdministrativeUnit(code: "P", name: "Tỉnh P", level: .province, parentCode: nil),
            AdministrativeUnit(code: "C1", name: "Xã 1", level: .commune, parentCode: "P"),
            AdministrativeUnit(code: "C2", name: "Xã 2", level: .commune, parentCode: "P"),
        ])
        config.agency.unitCode = "P"
        config.year = 2025
        var facts: [Fact] = []
        for (unit, year, dat, tong) in [("C1", 2023, 5, 10), ("C1", 2025, 6, 10), ("C2", 2023, 2, 10), ("C2", 2025, 9, 10)] {
            facts.append(Fact(unitCode: unit, year: year, field: "gia_dinh_dat", value: .count(Int64(dat)), provenance: Provenance(file: "f.xlsx")))
            facts.append(Fact(unitCode: unit, year: year, field: "gia_dinh_tong", value: .count(Int64(tong)), provenance: Provenance(file: "f.xlsx")))
        }
        let annual = try ReportModelBuilder.build(config: config, registry: registry, facts: facts, issues: [], documentDate: "2025-12-05", generatedBy: "t")
        #expect(annual.commendation == nil)
        config.report = .review2023To2025
        let review = try ReportModelBuilder.build(config: config, registry: registry, facts: facts, issues: [], documentDate: "2025-12-05", generatedBy: "t")
        // C2 rose from 20% to 90% (+70 points), C1 from 50% to 60%: C2 is proposed.
        #expect(review.commendation?.candidates.map(\.unitCode) == ["C2"])
        #expect(review.commendation?.candidates.first?.averageChange == Fraction(7, 10))
    }
}
