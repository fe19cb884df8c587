@testable import Core
import Foundation
@testable import Intake
import Testing
@testable import Units

@Suite struct NormalizeTests {
    let normalizer = TestForm.normalizer

    func rules(_ s: NormalizedSubmission) -> [String] { s.issues.map(\.rule) }
    func issue(_ s: NormalizedSubmission, _ rule: RuleID) -> Core.Issue? { s.issues.first { $0.rule == rule.rawValue } }

    @Test func valuesLandWithTheirCells() throws {
        let sheet = TestForm.communeSheet(file: "ninh-kieu.xlsx", rows: [
            [1, "31117", "Phường Cái Khế", "Mức độ 2", "1.234", " 1 000 ", 12, "-", 7, 6, 3, 2, "Có", 5000],
            [2, 31120, "P. An Hòa", 1, 800, 700, nil, nil, "x", nil, nil, nil, "Không", "4.321"],
        ])
        let s = normalizer.normalize(file: "ninh-kieu.xlsx", sheets: [sheet])
        #expect(s.records.count == 2)
        let r = try #require(s.records.first)
        #expect(r.unitCode == "31117" && r.level == .commune && r.row == 3)
        #expect(r.values["cdht_xa_muc"] == .level(2))
        #expect(r.values["gia_dinh_tong"] == .count(1234))
        #expect(r.values["gia_dinh_dat"] == .count(1000))
        #expect(r.values["dong_ho_dat"] == nil)  // "-" is missing, not zero
        #expect(r.values["tthtcd_co"] == .yesNo(true))
        #expect(r.cells["gia_dinh_tong"] == Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E3"))
        let second = s.records[1]
        #expect(second.unitCode == "31120")
        #expect(second.writtenName == "P. An Hòa")
        #expect(second.values["cdht_thon_tong"] == nil)  // "x" in a count column is missing
        #expect(second.values["ld_tong"] == .count(4321))
        let facts = s.facts(year: 2024)
        #expect(facts.count == r.values.count + second.values.count)
        #expect(facts.contains(Fact(unitCode: "31120", year: 2024, field: "gia_dinh_dat", value: .count(700),
                                    provenance: Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "F4"))))
        #expect(s.issues.filter { $0.severity == .error }.isEmpty)
    }

    @Test func communeNamedWithAPrefixResolves() throws {
        let sheet = TestForm.communeSheet(rows: [[1, nil, "P. Cái Khế", 2, 10, 5]])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31117"])
        #expect(s.records.first?.unitName == "Phường Cái Khế")
    }

    @Test func rejectedValuesBecomeIssuesWithTheirCell() throws {
        let sheet = TestForm.communeSheet(rows: [
            [1, "31117", "Phường Cái Khế", 2, "1,5", "55,55%", .formula(cached: nil), .init(.error("#DIV/0!")), "Đạt"],
        ])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        let r = try #require(s.records.first)
        #expect(r.values["cdht_xa_muc"] == .level(2))
        for id in ["gia_dinh_tong", "gia_dinh_dat", "dong_ho_tong", "dong_ho_dat"] { #expect(r.values[id] == nil) }
        let byCell = Dictionary(s.issues.map { ($0.provenance.cell, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byCell["E3"]?.rule == RuleID.fractionalCount.rawValue)
        #expect(byCell["F3"]?.rule == RuleID.percentInCount.rawValue)
        #expect(byCell["G3"]?.rule == RuleID.formulaWithoutValue.rawValue)
        #expect(byCell["H3"]?.rule == RuleID.cellError.rawValue)
        #expect(byCell["I3"]?.rule == RuleID.notANumber.rawValue)  // "Đạt" in a count column
        #expect(byCell["E3"]?.field == "gia_dinh_tong")
        #expect(byCell["E3"]?.unit == "31117")
        #expect(byCell["E3"]?.severity == .error)
        #expect(byCell["F3"]?.message.contains("55,55%") == true)
        #expect(byCell["G3"]?.message.hasPrefix("Ô G3") == true)
    }

    @Test func subtotalRowsAreCheckedAndNeverRecords() throws {
        let sheet = TestForm.communeSheet(file: "pd.xlsx", rows: [
            [1, nil, "Thị trấn Phong Điền", 1, 100, 90],
            [2, nil, "Xã Nhơn Ái", 1, 200, 150],
            [nil, nil, "Cộng", nil, 300, 241],
        ])
        let s = normalizer.normalize(file: "pd.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31299", "31300"])
        let mismatches = s.issues.filter { $0.rule == RuleID.subtotalMismatch.rawValue }
        #expect(mismatches.map(\.provenance.cell) == ["F5"])  // E5 = 300 is right
        let m = try #require(mismatches.first)
        #expect(m.field == "gia_dinh_dat")
        #expect(m.severity == .warning)
        #expect(m.message.contains("241") && m.message.contains("240") && m.message.contains("dòng 3-4"))
    }

    @Test func groupSubtotalsAndAGrandTotal() {
        // Two districts, each with a group row and a "Cộng huyện/quận" row, then "Tổng cộng" (in the STT cell).
        let sheet = TestForm.communeSheet(rows: [
            ["I", nil, "Quận Ninh Kiều"],
            [1, nil, "Cái Khế", 1, 10, 5],
            [2, nil, "An Hòa", 1, 20, 10],
            [nil, nil, "Cộng quận Ninh Kiều", nil, 30, 15],
            ["II", nil, "Huyện Phong Điền"],
            [1, nil, "Nhơn Ái", 1, 5, 5],
            [nil, nil, "Cộng huyện Phong Điền", nil, 5, 5],
            ["Tổng cộng", nil, nil, nil, 35, 21],
        ])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31117", "31120", "31300"])
        #expect(s.records.map(\.groupCode) == ["916", "916", "926"])
        #expect(s.issues.filter { $0.rule == RuleID.subtotalMismatch.rawValue }.map(\.provenance.cell) == ["F10"])
        #expect(s.issues.filter { $0.severity == .error }.isEmpty)
    }

    @Test func groupRowScopesAmbiguousNames() {
        // "Phong Điền" alone names the town of Phong Điền district only once scoped there.
        let registry = UnitRegistry(units: TestForm.registry.units + [
            TestForm.unit("31120x", "Phường Nhơn Ái", .commune, "916"),
        ])
        let n = Normalizer(sheets: [TestForm.commune], registry: registry, rootCode: "92")
        let scoped = n.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [
            ["II", nil, "Huyện Phong Điền"],
            [1, nil, "Nhơn Ái", 1, 5, 5],
        ])])
        #expect(scoped.records.map(\.unitCode) == ["31300"])
        let unscoped = n.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [[1, nil, "Nhơn Ái", 1, 5, 5]])])
        #expect(unscoped.records.isEmpty)
        #expect(unscoped.issues.first { $0.rule == RuleID.unitAmbiguous.rawValue }?.provenance.cell == "C3")
    }

    @Test func groupRowWithTotalsIsCheckedAgainstItsRows() {
        let sheet = TestForm.communeSheet(rows: [
            ["I", nil, "Huyện Phong Điền", nil, 16, 12],
            [1, nil, "Thị trấn Phong Điền", 1, 10, 7],
            [2, nil, "Xã Nhơn Ái", 1, 5, 5],
        ])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31299", "31300"])
        #expect(s.issues.filter { $0.rule == RuleID.subtotalMismatch.rawValue }.map(\.provenance.cell) == ["E3"])
        #expect(s.reportingUnit?.code == "926")
    }

    @Test func romanOrdinalsAndArabicOrdinals() {
        #expect(RowLabel.ordinal("IV")! == (4, true))
        #expect(RowLabel.ordinal("xii")! == (12, true))
        #expect(RowLabel.ordinal("12.")! == (12, false))
        #expect(RowLabel.ordinal("IIII") == nil)
        #expect(RowLabel.ordinal("Cái Khế") == nil)
    }

    @Test func subtotalLabels() {
        for label in ["Cộng", "TỔNG CỘNG", "Tổng số", "Tổng", "Cộng huyện Phong Điền", "Tổng cộng:"] {
            #expect(RowLabel.subtotal(HeaderKey.make(label)) != .no, "\(label)")
        }
        for label in ["Cộng đồng học tập", "Phường Cái Khế", "Công dân"] {
            #expect(RowLabel.subtotal(HeaderKey.make(label)) == .no, "\(label)")
        }
    }

    @Test func aCommuneCalledCongHoaIsNotASubtotal() {
        let registry = UnitRegistry(units: TestForm.registry.units + [TestForm.unit("31999", "Xã Cộng Hòa", .commune, "926")])
        let n = Normalizer(sheets: [TestForm.commune], registry: registry, rootCode: "92")
        let s = n.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [
            [1, nil, "Cộng Hòa", 1, 5, 5],
            [nil, nil, "Cộng", nil, 5, 5],
        ])])
        #expect(s.records.map(\.unitCode) == ["31999"])
        #expect(s.issues.isEmpty)
    }

    @Test func unknownUnitNamesTheFileSheetAndCell() throws {
        let sheet = TestForm.communeSheet(file: "pd.xlsx", rows: [[1, nil, "X. Mỹ Khánh A", 1, 5, 5]])
        let s = normalizer.normalize(file: "pd.xlsx", sheets: [sheet])
        #expect(s.records.isEmpty)
        let i = try #require(issue(s, .unitUnknown))
        #expect(i.provenance == Provenance(file: "pd.xlsx", sheet: "Cấp xã", cell: "C3"))
        #expect(i.unit == "X. Mỹ Khánh A")
        #expect(i.message.contains("X. Mỹ Khánh A") && i.message.contains("chưa được tính"))
    }

    @Test func codeWinsOverNameAndAMismatchIsReported() throws {
        let sheet = TestForm.communeSheet(rows: [
            [1, "31120", "Phường Cái Khế", 1, 5, 5],   // the code says An Hòa
            [2, "99999", "Phường Thới Bình", 1, 5, 5], // no such code: taken by name
        ])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31120", "31123"])
        #expect(issue(s, .codeNameMismatch)?.provenance.cell == "C3")
        #expect(issue(s, .unitCodeUnknown)?.provenance.cell == "B4")
    }

    @Test func formulaCellsUseTheirCachedValues() {
        let sheet = TestForm.communeSheet(rows: [[1, nil, "Cái Khế", .formula(cached: 2), .formula(cached: 100), .formula(cached: "90")]])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.first?.values["gia_dinh_tong"] == .count(100))
        #expect(s.records.first?.values["gia_dinh_dat"] == .count(90))
        #expect(s.records.first?.values["cdht_xa_muc"] == .level(2))
    }

    @Test func districtWorkbookWithBothSheets() throws {
        let district = TestForm.districtSheet(file: "pd.xlsx", rows: [[1, "926", "Huyện Phong Điền", "Đạt", "Mức độ 3", "II", 40, 30]])
        let commune = TestForm.communeSheet(file: "pd.xlsx", rows: [
            [1, nil, "Phong Điền", 1, 10, 7],  // the town, scoped under the district
            [2, nil, "Nhơn Ái", 1, 5, 5],
        ])
        // Sheet order in the workbook does not matter: the district sheet is read first.
        let s = normalizer.normalize(file: "pd.xlsx", sheets: [commune, district])
        #expect(s.reportingUnit?.code == "926")
        #expect(s.records.map(\.unitCode) == ["926", "31299", "31300"])
        let d = try #require(s.records.first)
        #expect(d.level == .district)
        #expect(d.values == ["pc_mam_non": .yesNo(true), "pc_tieu_hoc": .level(3), "xmc": .level(2),
                             "dvht_huyen_tong": .count(40), "dvht_huyen_dat": .count(30)])
        #expect(s.sheets.map(\.definition) == ["Cấp huyện", "Cấp xã"])
        #expect(s.issues.filter { $0.severity != .warning || $0.rule != RuleID.columnMissing.rawValue }.isEmpty)
    }

    @Test func reportingUnitFromTheTitle() {
        let sheet = TestForm.communeSheet(titles: [["Đơn vị: Phòng GDĐT huyện Phong Điền, năm 2024"]], titleMerges: ["A1:N1"],
                                          rows: [[1, nil, "Nhơn Ái", 1, 5, 5]])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.reportingUnit?.code == "926")
        #expect(s.records.map(\.unitCode) == ["31300"])
    }

    @Test func reportingUnitFromMostCommunes() {
        let s = normalizer.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [
            [1, nil, "Cái Khế", 1, 5, 5], [2, nil, "An Hòa", 1, 5, 5], [3, nil, "Bình Thủy", 1, 5, 5],
        ])])
        #expect(s.reportingUnit?.code == "916")
    }

    @Test func sheetFoundByContentWhenRenamed() {
        var sheet = TestForm.communeSheet(rows: [[1, nil, "Cái Khế", 1, 5, 5]])
        sheet.name = "Sheet1"
        let s = normalizer.normalize(file: "t.xlsx", sheets: [RawSheet(name: "Hướng dẫn", rows: [["Điền số liệu vào trang sau"]]), sheet])
        #expect(s.sheets.map(\.method) == [.content])
        #expect(s.sheets.first?.sheet == "Sheet1")
        #expect(s.records.count == 1)
        #expect(issue(s, .sheetNotFound)?.severity == .warning)  // "Cấp huyện" is missing
    }

    @Test func hiddenSheetIsTheLastChoice() {
        var old = TestForm.communeSheet(rows: [[1, nil, "Cái Khế", 1, 1, 1]])
        old.isHidden = true
        let current = TestForm.communeSheet(rows: [[1, nil, "Cái Khế", 1, 9, 9]])
        let s = normalizer.normalize(file: "t.xlsx", sheets: [old, current])
        #expect(s.records.map { $0.values["gia_dinh_tong"] } == [.count(9)])
    }

    @Test func unreadableSheetAndNothingFound() {
        let s = normalizer.normalize(file: "t.xlsx", sheets: [RawSheet(name: "Cấp xã", rows: [["Không có bảng"]])])
        #expect(issue(s, .headerNotFound)?.provenance.sheet == "Cấp xã")
        #expect(issue(s, .sheetNotFound)?.severity == .error)
        #expect(s.records.isEmpty)
    }

    @Test func signatureBlockUnderTheTableIsNotData() {
        let s = normalizer.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [
            [1, nil, "Cái Khế", 1, 5, 5],
            ["Tổng cộng", nil, nil, nil, .formula(cached: nil), .formula(cached: nil)],
            [],
            [nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "Cần Thơ, ngày 25 tháng 11 năm 2024"],
            [nil, nil, "NGƯỜI LẬP BIỂU", nil, nil, nil, nil, nil, nil, nil, nil, "TRƯỞNG PHÒNG"],
            [nil, nil, "Nguyễn Văn A", nil, nil, nil, nil, nil, nil, nil, nil, "Trần Thị B"],
            [2, nil, "An Hòa", 1, 7, 7],  // numbers after the footer are still read, never lost
        ])])
        #expect(s.records.map(\.unitCode) == ["31117", "31120"])
        let rowIssues = s.issues.filter { $0.rule != RuleID.sheetNotFound.rawValue }  // no "Cấp huyện" here
        #expect(rowIssues.isEmpty, "\(rowIssues.map(\.message))")
    }

    @Test func blankRowsAndEmptyUnitRows() {
        let s = normalizer.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: [
            [1, nil, "Cái Khế", 1, 5, 5],
            [],
            [2, nil, "An Hòa"],          // a unit with nothing filled in: a record without values
            [3, nil, nil, nil, 4, 4],    // values with no unit: an issue, not lost
        ])])
        #expect(s.records.map(\.unitCode) == ["31117", "31120"])
        #expect(s.records[1].values.isEmpty)
        #expect(issue(s, .unitUnknown)?.provenance.cell == "C6")
    }
}
