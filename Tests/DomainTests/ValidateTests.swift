@testable import Core
import Foundation
@testable import Intake
import Testing

@Suite struct ValidateTests {
    let config = TestForm.config()
    var validator: Validator { Validator(config: config, registry: TestForm.registry) }

    func submission(_ file: String, district: [[RawCell]]? = nil, communes: [[RawCell]]) -> NormalizedSubmission {
        var sheets = [TestForm.communeSheet(file: file, rows: communes)]
        if let district { sheets.append(TestForm.districtSheet(file: file, rows: district)) }
        return TestForm.normalizer.normalize(file: file, sheets: sheets)
    }

    func only(_ result: ValidationResult, _ rule: RuleID) -> [Core.Issue] { result.issues(rule) }

    @Test func cleanSubmissionGivesFactsAndNoValueIssues() {
        let s = submission("nk.xlsx", communes: [
            [1, "31117", "Phường Cái Khế", 2, 100, 90],
            [2, "31120", "Phường An Hòa", 1, 50, 50],
            [3, "31123", "Phường Thới Bình", 0, 10, 0],
        ])
        let r = validator.validate([s])
        #expect(r.facts.count == 9)
        #expect(r.factCount == 9)
        #expect(r.records.map(\.unitCode) == ["31117", "31120", "31123"])
        #expect(r.facts.first == Fact(unitCode: "31117", year: 2024, field: "cdht_xa_muc", value: .level(2),
                                      provenance: Provenance(file: "nk.xlsx", sheet: "Cấp xã", cell: "D3")))
        let valueRules: [RuleID] = [.negativeCount, .levelOutOfRange, .numeratorAboveDenominator, .requiredMissing, .duplicateUnit, .wrongDistrict]
        for rule in valueRules { #expect(only(r, rule).isEmpty, "\(rule)") }
    }

    @Test func numeratorAboveDenominatorRejectsThePart() throws {
        let s = submission("nk.xlsx", communes: [[1, "31117", "Phường Cái Khế", 2, 8, 10]])
        let r = validator.validate([s])
        let i = try #require(only(r, .numeratorAboveDenominator).first)
        #expect(i.severity == .error)
        #expect(i.provenance.cell == "F3" && i.field == "gia_dinh_dat" && i.unit == "31117")
        #expect(i.message.contains("10") && i.message.contains("E3"))
        #expect(!r.facts.contains { $0.field == "gia_dinh_dat" })
        #expect(r.facts.contains { $0.field == "gia_dinh_tong" && $0.value == .count(8) })
    }

    @Test func negativeCountsAndLevelsOutOfRange() throws {
        let s = submission("nk.xlsx", district: [[1, "916", "Quận Ninh Kiều", "Đạt", 4, 2, 10, 5]],
                           communes: [[1, "31117", "Phường Cái Khế", 3, 100, -5]])
        let r = validator.validate([s])
        let negative = try #require(only(r, .negativeCount).first)
        #expect(negative.provenance.cell == "F3" && negative.message.contains("-5"))
        let levels = only(r, .levelOutOfRange)
        #expect(Set(levels.map(\.provenance.cell)) == ["D3", "E3"])  // mức 3 of max 2; mức 4 of max 3
        #expect(Set(levels.map(\.field)) == ["cdht_xa_muc", "pc_tieu_hoc"])
        #expect(levels.allSatisfy { $0.severity == .error })
        let kept = Set(r.facts.map(\.field))
        #expect(!kept.contains("gia_dinh_dat") && !kept.contains("cdht_xa_muc") && !kept.contains("pc_tieu_hoc"))
        #expect(kept.contains("xmc") && kept.contains("gia_dinh_tong"))
    }

    @Test func requiredMissingAtItsCellButNotTwice() throws {
        let s = submission("nk.xlsx", communes: [
            [1, "31117", "Phường Cái Khế", 2, 100, "-"],       // blank: required-missing at F3
            [2, "31120", "Phường An Hòa", 1, "12 hộ", 10],     // unreadable: reported by normalize only
        ])
        let r = validator.validate([s])
        let missing = only(r, .requiredMissing)
        #expect(missing.map(\.provenance.cell) == ["F3"])
        #expect(missing.first?.severity == .error)
        #expect(only(r, .notANumber).map(\.provenance.cell) == ["E4"])
    }

    @Test func unitReportedTwiceInOneFile() throws {
        let s = submission("tl.xlsx", communes: [
            [1, nil, "Xã Nhơn Ái", 1, 10, 5],
            [2, nil, "Xã Giai Xuân", 1, 10, 5],
            [3, nil, "Nhơn Ái", 1, 12, 5],
        ])
        let r = validator.validate([s])
        let dup = try #require(only(r, .duplicateUnit).first)
        #expect(dup.provenance == Provenance(file: "tl.xlsx", sheet: "Cấp xã", cell: "C5"))
        #expect(dup.unit == "31300")
        #expect(dup.message.contains("dòng 3") && dup.message.contains("12"))  // where the first is; the dropped value
        #expect(r.facts.filter { $0.unitCode == "31300" && $0.field == "gia_dinh_tong" }.map(\.value) == [.count(10)])
    }

    @Test func unitReportedInTwoFiles() throws {
        let a = submission("a.xlsx", communes: [[1, "31300", "Xã Nhơn Ái", 1, 10, 5]])
        let b = submission("b.xlsx", communes: [[1, "31300", "Xã Nhơn Ái", 1, 10, 5], [2, "31303", "Xã Giai Xuân", 1, 3, 3]])
        let r = validator.validate([a, b])
        let dups = only(r, .duplicateUnit)
        #expect(dups.count == 1)
        #expect(dups.first?.provenance.file == "b.xlsx")
        #expect(dups.first?.message.contains("a.xlsx") == true)
        #expect(dups.first?.message.contains("giống nhau") == true)
        #expect(r.facts.filter { $0.unitCode == "31300" }.allSatisfy { $0.provenance.file == "a.xlsx" })
        #expect(r.facts.contains { $0.unitCode == "31303" })
    }

    @Test func aCopyUnderTheWrongDistrictLosesToTheUnitsOwnDistrict() throws {
        // Ô Môn's file comes first in file order, but its Bình Thủy row is out of place.
        let omon = submission("a-om.xlsx", district: [[1, "917", "Quận Ô Môn", "Đạt", 3, 2, 4, 2]], communes: [
            [1, "31153", "Phường Châu Văn Liêm", 1, 10, 5], [2, nil, "Phường Bình Thủy", 1, 99, 9],
        ])
        let binhThuy = submission("b-bt.xlsx", district: [[1, "918", "Quận Bình Thuỷ", "Đạt", 3, 2, 4, 2]], communes: [
            [1, nil, "Phường Bình Thủy", 1, 10, 5],
        ])
        let r = validator.validate([omon, binhThuy])
        let dup = try #require(only(r, .duplicateUnit).first)
        #expect(only(r, .duplicateUnit).count == 1)
        #expect(dup.provenance == Provenance(file: "a-om.xlsx", sheet: "Cấp xã", cell: "C4"))
        #expect(dup.message.contains("b-bt.xlsx") && dup.message.contains("99"))
        #expect(only(r, .wrongDistrict).map(\.provenance.file) == ["a-om.xlsx"])
        #expect(r.facts.filter { $0.unitCode == "31168" && $0.field == "gia_dinh_tong" }.map(\.value) == [.count(10)])
    }

    /// Normalize hands each record its registry parent so that validation need not look it up;
    /// records made without it (by hand, by an older caller) must validate exactly the same.
    @Test func recordsWithoutTheirParentValidateTheSame() {
        let omon = submission("a-om.xlsx", district: [[1, "917", "Quận Ô Môn", "Đạt", 3, 2, 4, 2]], communes: [
            [1, "31153", "Phường Châu Văn Liêm", 1, 10, 5], [2, nil, "Phường Bình Thủy", 1, 99, 9], [3, "31117", "Phường Cái Khế", 1, 7, 9],
        ])
        let ninhKieu = submission("b-nk.xlsx", communes: [[1, "31120", "Phường An Hòa", 1, 10, 5], [2, "31123", "Phường Thới Bình", 1, 10, 5]])
        let submissions = [omon, ninhKieu]
        #expect(submissions.flatMap(\.records).allSatisfy { $0.parentCode == TestForm.registry.unit(code: $0.unitCode)?.parentCode })
        let stripped = submissions.map { s in
            var s = s
            for j in s.records.indices { s.records[j].parentCode = nil }
            return s
        }
        let a = validator.validate(submissions), b = validator.validate(stripped)
        #expect(a.issues == b.issues)
        #expect(a.facts == b.facts)
        #expect(!only(a, .wrongDistrict).isEmpty && !only(a, .unitMissing).isEmpty && !only(a, .districtNotReceived).isEmpty)
    }

    @Test func communeUnderTheWrongDistrict() throws {
        // Ô Môn's workbook with a Bình Thủy ward copied in.
        let s = submission("om.xlsx", district: [[1, "917", "Quận Ô Môn", "Đạt", 3, 2, 4, 2]], communes: [
            [1, "31153", "Phường Châu Văn Liêm", 1, 10, 5],
            [2, "31157", "Phường Long Hưng", 1, 10, 5],
            [3, nil, "Phường Bình Thủy", 1, 10, 5],
        ])
        #expect(s.reportingUnit?.code == "917")
        let r = validator.validate([s])
        let wrong = try #require(only(r, .wrongDistrict).first)
        #expect(only(r, .wrongDistrict).count == 1)
        #expect(wrong.provenance.cell == "C5" && wrong.unit == "31168" && wrong.severity == .warning)
        #expect(wrong.message.contains("Quận Bình Thuỷ") && wrong.message.contains("Quận Ô Môn"))
        #expect(r.facts.contains { $0.unitCode == "31168" })  // kept, under its real district
    }

    @Test func registryUnitsThatSentNothing() {
        // Ninh Kiều reported two of its three wards and its own row; nobody else reported.
        let s = submission("nk.xlsx", district: [[1, "916", "Quận Ninh Kiều", "Đạt", 3, 2, 4, 2]], communes: [
            [1, "31117", "Phường Cái Khế", 1, 10, 5],
            [2, "31120", "Phường An Hòa", 1, 10, 5],
        ])
        let r = validator.validate([s])
        #expect(Set(only(r, .districtNotReceived).map(\.unit)) == ["917", "918", "926"])
        let missing = only(r, .unitMissing)
        #expect(missing.map(\.unit) == ["31123"])
        #expect(missing.first?.provenance == Provenance(file: "nk.xlsx", sheet: "Cấp xã"))
        #expect(missing.first?.severity == .warning)
    }

    @Test func districtRowMissingWhileCommunesCame() {
        let s = submission("nk.xlsx", communes: [
            [1, "31117", "Phường Cái Khế", 1, 10, 5], [2, "31120", "Phường An Hòa", 1, 10, 5], [3, "31123", "Phường Thới Bình", 1, 1, 1],
        ])
        let r = validator.validate([s])
        #expect(only(r, .unitMissing).map(\.unit) == ["916"])
        #expect(!only(r, .districtNotReceived).contains { $0.unit == "916" })
    }

    @Test func lateSubmission() throws {
        let s = submission("nk.xlsx", communes: [[1, "31117", "Phường Cái Khế", 1, 10, 5]])
        // 30/11 23:30 in Vietnam is 16:30 UTC: on time. 1/12 00:30 in Vietnam is 30/11 17:30 UTC: late.
        let onTime = try #require(ISO8601DateFormatter().date(from: "2024-11-30T16:30:00Z"))
        let late = try #require(ISO8601DateFormatter().date(from: "2024-11-30T17:30:00Z"))
        #expect(only(validator.validate([s], received: ["nk.xlsx": onTime]), .lateSubmission).isEmpty)
        let issue = try #require(only(validator.validate([s], received: ["nk.xlsx": late]), .lateSubmission).first)
        #expect(issue.provenance.file == "nk.xlsx" && issue.severity == .warning)
        #expect(issue.message.contains("01/12/2024") && issue.message.contains("30/11/2024"))
        let noDeadline = Validator(config: TestForm.config(deadline: nil), registry: TestForm.registry)
        #expect(only(noDeadline.validate([s], received: ["nk.xlsx": late]), .lateSubmission).isEmpty)
    }

    @Test func normalizeIssuesArePassedOn() {
        let s = submission("pd.xlsx", communes: [[1, nil, "X. Mỹ Khánh A", 1, 5, 5]])
        let r = validator.validate([s])
        #expect(only(r, .unitUnknown).map(\.provenance.cell) == ["C3"])
    }

    @Test func everyRuleHasADocumentedLine() throws {
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/validation-rules.md").standardized, encoding: .utf8)
        for rule in RuleID.allCases {
            let line = doc.split(separator: "\n").first { $0.contains("`\(rule.rawValue)`") }
            #expect(line?.contains(rule.severity.rawValue) == true, "\(rule.rawValue)")
        }
    }
}
