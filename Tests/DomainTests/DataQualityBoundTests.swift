@testable import Aggregate
@testable import Core
import Foundation
@testable import Model
import Testing

/// One file cannot fill the report: the model lists the first `DataQuality.listedPerGroup`
/// findings of each file, rule and severity and counts the rest; the totals count them all.
@Suite struct DataQualityBoundTests {
    typealias F = AggregationFixture

    /// `count` unit-unknown errors in one file, rows 24..., given in reverse so the order is the model's.
    static func junk(_ count: Int, file: String = "huyen-a.xlsx") -> [Core.Issue] {
        (0..<count).reversed().map { i in
            Core.Issue(severity: .error, rule: RuleID.unitUnknown.rawValue,
                         provenance: Provenance(file: file, sheet: "Cấp xã", cell: "C\(24 + i)"), unit: "Rác \(i + 1)",
                         message: "Ô C\(24 + i): không tìm thấy đơn vị \"Rác \(i + 1)\".")
        }
    }

    @Test func eachGroupListsItsFirstFindingsAndCountsTheRest() throws {
        let n = DataQuality.listedPerGroup
        let others = [
            Core.Issue(severity: .warning, rule: RuleID.unitUnknown.rawValue, provenance: Provenance(file: "huyen-a.xlsx", sheet: "Cấp xã", cell: "C5"),
                         unit: "D1C1", message: "same rule, another severity: its own group"),
            Core.Issue(severity: .error, rule: RuleID.negativeCount.rawValue, provenance: Provenance(file: "huyen-a.xlsx", sheet: "Cấp xã", cell: "E9"),
                         unit: "D1C2", message: "another rule"),
        ]
        let issues = Self.junk(10_000) + Self.junk(n, file: "huyen-b.xlsx") + others
        let m = try ReportModelTests.model(issues: issues)
        let q = m.quality
        // Totals count everything.
        #expect(q.errors == 10_000 + n + 1 && q.warnings == 1 && q.total == issues.count)
        #expect(q.byRule.first { $0.key == RuleID.unitUnknown.rawValue }?.errors == 10_000 + n)
        // Listed: the first n of the big group, in sheet order (C24 ... C43), all n of a group of exactly n, the others.
        let listedA = q.issues.filter { $0.provenance.file == "huyen-a.xlsx" && $0.rule == RuleID.unitUnknown.rawValue && $0.severity == .error }
        #expect(listedA.map(\.provenance.cell) == (0..<n).map { "C\(24 + $0)" })
        #expect(q.issues.count == n + n + 2)
        #expect(q.omitted == [OmittedIssues(file: "huyen-a.xlsx", rule: RuleID.unitUnknown.rawValue, severity: .error, firstCell: "C24",
                                            count: 10_000 - n)])
        // A name that is no unit of the report does not get a key of its own.
        #expect(q.byUnit.count <= m.units.count + 1)
        #expect(q.byUnit.first { $0.key == "" }?.errors == 10_000 + n)
        #expect(q.byUnit.first { $0.key == "D1C2" }?.errors == 1)
    }

    @Test func theModelsOwnFindingsAreHandedBackInFull() throws {
        let facts = (0..<(DataQuality.listedPerGroup + 5)).map { F.fact("X\($0)", "gia_dinh_dat", .count(1), file: "ngoai.xlsx") }
        var added: [Core.Issue] = []
        let m = try ReportModelBuilder.build(config: ReportModelTests.config(indicators: [F.giaDinh()]), registry: F.registry(districts: 1),
                                             facts: facts, issues: [], documentDate: "", generatedBy: "t", added: &added)
        #expect(added.count == facts.count)
        #expect(added.allSatisfy { $0.rule == "unit-outside-report" })
        #expect(m.quality.warnings == facts.count)
        #expect(m.quality.issues.count == DataQuality.listedPerGroup)
        #expect(m.quality.omitted.first?.count == 5)
    }
}
