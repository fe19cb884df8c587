@testable import Config
@testable import Core
import Foundation
@testable import Intake
@testable import Model
import Testing
@testable import Units

/// The default form of docs/default-form.md and a piece of the Cần Thơ 2024 registry, built
/// by hand so that the normalize, header and validate tests need no file.
enum TestForm {
    static func field(_ id: String, _ type: FieldType, _ alias: String, required: Bool = false, max: Int? = nil, partOf: String? = nil) -> FieldDefinition {
        FieldDefinition(id: id, type: type, aliases: [alias], required: required, maxLevel: max, partOf: partOf)
    }

    static let commune = SheetDefinition(
        name: "Cấp xã", aliases: ["Cap xa", "Xã"], level: .commune,
        codeAliases: ["Mã đơn vị"], nameAliases: ["Tên đơn vị", "Xã, phường, thị trấn"],
        fields: [
            field("cdht_xa_muc", .level, "Cộng đồng học tập cấp xã > Mức độ công nhận (0 = chưa, 1 = Khá, 2 = Tốt)", max: 2),
            field("gia_dinh_tong", .count, "Gia đình học tập > Tổng số hộ", required: true),
            field("gia_dinh_dat", .count, "Gia đình học tập > Số hộ đạt", required: true, partOf: "gia_dinh_tong"),
            field("dong_ho_tong", .count, "Dòng họ học tập > Tổng số dòng họ"),
            field("dong_ho_dat", .count, "Dòng họ học tập > Số dòng họ đạt", partOf: "dong_ho_tong"),
            field("cdht_thon_tong", .count, "Cộng đồng học tập cấp thôn > Tổng số thôn, ấp, tổ dân phố"),
            field("cdht_thon_dat", .count, "Cộng đồng học tập cấp thôn > Số được công nhận", partOf: "cdht_thon_tong"),
            field("dvht_xa_tong", .count, "Đơn vị học tập > Tổng số đơn vị"),
            field("dvht_xa_dat", .count, "Đơn vị học tập > Số được công nhận", partOf: "dvht_xa_tong"),
            field("tthtcd_co", .yesNo, "Trung tâm học tập cộng đồng > Có trung tâm"),
            field("ld_tong", .count, "Người trong độ tuổi lao động > Tổng số"),
        ])

    static let district = SheetDefinition(
        name: "Cấp huyện", level: .district, codeAliases: ["Mã đơn vị"], nameAliases: ["Tên đơn vị"],
        fields: [
            field("pc_mam_non", .yesNo, "Phổ cập giáo dục mầm non"),
            field("pc_tieu_hoc", .level, "Phổ cập giáo dục tiểu học", max: 3),
            field("xmc", .level, "Xóa mù chữ", max: 2),
            field("dvht_huyen_tong", .count, "Đơn vị học tập cấp huyện > Tổng số đơn vị"),
            field("dvht_huyen_dat", .count, "Đơn vị học tập cấp huyện > Số được công nhận", partOf: "dvht_huyen_tong"),
        ])

    static func unit(_ code: String, _ name: String, _ level: UnitLevel, _ parent: String?) -> AdministrativeUnit {
        AdministrativeUnit(code: code, name: name, level: level, parentCode: parent)
    }

    static let registry = UnitRegistry(units: [
        unit("92", "Thành phố Cần Thơ", .province, nil),
        unit("916", "Quận Ninh Kiều", .district, "92"),
        unit("31117", "Phường Cái Khế", .commune, "916"),
        unit("31120", "Phường An Hòa", .commune, "916"),
        unit("31123", "Phường Thới Bình", .commune, "916"),
        unit("917", "Quận Ô Môn", .district, "92"),
        unit("31153", "Phường Châu Văn Liêm", .commune, "917"),
        unit("31157", "Phường Long Hưng", .commune, "917"),
        unit("918", "Quận Bình Thuỷ", .district, "92"),
        unit("31168", "Phường Bình Thủy", .commune, "918"),
        unit("926", "Huyện Phong Điền", .district, "92"),
        unit("31299", "Thị trấn Phong Điền", .commune, "926"),
        unit("31300", "Xã Nhơn Ái", .commune, "926"),
        unit("31303", "Xã Giai Xuân", .commune, "926"),
    ])

    static func config(sheets: [SheetDefinition] = [commune, district], deadline: String? = "2024-11-30") -> PipelineConfig {
        PipelineConfig(
            year: 2024, report: .annual,
            agency: Agency(parent: "UBND THÀNH PHỐ CẦN THƠ", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT", place: "Cần Thơ", unitCode: "92"),
            paths: Paths(units: "units.csv"), deadline: deadline, display: Display(), sheets: sheets, indicators: [], outputs: [])
    }

    static let normalizer = Normalizer(sheets: [commune, district], registry: registry, rootCode: "92")

    /// The default form's "Cấp xã" header on two rows (rows `at`, `at + 1`), parents merged over
    /// their children and identity columns merged down: columns A-N.
    static func communeHeader(at r: Int) -> (rows: [[RawCell]], merged: [String]) {
        let top: [RawCell] = ["STT", "Mã đơn vị", "Tên đơn vị", "Cộng đồng học tập cấp xã", "Gia đình học tập", nil,
                              "Dòng họ học tập", nil, "Cộng đồng học tập cấp thôn", nil, "Đơn vị học tập", nil,
                              "Trung tâm học tập cộng đồng", "Người trong độ tuổi lao động"]
        let bottom: [RawCell] = [nil, nil, nil, "Mức độ công nhận\n(0 = chưa, 1 = Khá, 2 = Tốt)", "Tổng số hộ", "Số hộ đạt",
                                 "Tổng số dòng họ", "Số dòng họ đạt", "Tổng số thôn, ấp, tổ dân phố", "Số được công nhận",
                                 "Tổng số đơn vị", "Số được công nhận", "Có trung tâm", "Tổng số"]
        let merged = ["A\(r):A\(r + 1)", "B\(r):B\(r + 1)", "C\(r):C\(r + 1)", "E\(r):F\(r)", "G\(r):H\(r)", "I\(r):J\(r)", "K\(r):L\(r)"]
        return ([top, bottom], merged)
    }

    /// A "Cấp xã" sheet: `titles` rows, then the two-row header, then `rows`.
    static func communeSheet(file: String = "t.xlsx", titles: [[RawCell]] = [], titleMerges: [String] = [], rows: [[RawCell]]) -> RawSheet {
        let header = communeHeader(at: titles.count + 1)
        return RawSheet(file: file, name: "Cấp xã", rows: titles + header.rows + rows, merged: titleMerges + header.merged)
    }

    static func districtSheet(file: String = "t.xlsx", rows: [[RawCell]]) -> RawSheet {
        let header: [RawCell] = ["STT", "Mã đơn vị", "Tên đơn vị", "Phổ cập giáo dục mầm non", "Phổ cập giáo dục tiểu học",
                                 "Xóa mù chữ", "Đơn vị học tập cấp huyện", nil]
        let sub: [RawCell] = [nil, nil, nil, nil, nil, nil, "Tổng số đơn vị", "Số được công nhận"]
        return RawSheet(file: file, name: "Cấp huyện", rows: [header, sub] + rows,
                        merged: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:H1"])
    }
}

@Suite struct NormalizeFormTests {
    /// Level and yes-no texts are remembered per column (a few of them): more distinct texts than
    /// that, in turn and mixed, must each still read as `ValueParser` reads it on its own.
    @Test func manyDistinctLevelTextsInOneColumnEachReadRight() {
        let levels = ["Mức 1", "Mức độ 2", "II", "Tốt", "Khá", "0", "Chưa đạt", "Mức 2", "I", "mức 1", "M\u{1EE9}c 2", "Mu\u{031B}\u{0301}c 1", "Mức 9", "?"]
        let yesNo = ["Có", "x", "Không", "có", "CÓ", "1", "0", "Đạt", "Chưa", "X", "không", "Co\u{0301}"]
        let communes = [("31117", "Phường Cái Khế"), ("31120", "Phường An Hòa"), ("31123", "Phường Thới Bình"), ("31299", "Thị trấn Phong Điền")]
        var rows: [[RawCell]] = []
        for i in 0..<60 {
            let (code, name) = communes[i % communes.count]
            let level = levels[(i * 5) % levels.count], yes = yesNo[(i * 7) % yesNo.count]
            rows.append([RawCell(.number(Double(i + 1))), RawCell(.text(code)), RawCell(.text(name)), RawCell(.text(level)),
                         10, 5, nil, nil, nil, nil, nil, nil, RawCell(.text(yes)), 7])
        }
        let s = TestForm.normalizer.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: rows)])
        #expect(s.records.count == 60)
        func expected(_ text: String, _ type: FieldType) -> FieldValue? {
            if case .value(let v) = ValueParser.parse(RawCell(.text(text)), as: type) { return v } else { return nil }
        }
        for (i, record) in s.records.enumerated() {
            #expect(record.value("cdht_xa_muc") == expected(levels[(i * 5) % levels.count], .level), "row \(i)")
            #expect(record.value("tthtcd_co") == expected(yesNo[(i * 7) % yesNo.count], .yesNo), "row \(i)")
        }
        // The rejected ones are issues, once per row that has them.
        let rejected = (0..<60).filter { expected(levels[($0 * 5) % levels.count], .level) == nil }.count
        #expect(s.issues.filter { $0.field == "cdht_xa_muc" }.count == rejected)
    }

    /// Whole numbers in count columns skip the general parse; every number must still read as
    /// `ValueParser` reads it: fractions, huge and odd values rejected, negatives kept for validate.
    @Test func numbersInCountColumnsReadAsTheParserReadsThem() {
        let numbers: [Double] = [0, 42, -3, 12.5, -0.5, 1e16, -1e16, 8_999_999_999_999_998, .infinity, -.infinity, .nan, -0.0, 1e-300, 3_003]
        let communes = [("31117", "Phường Cái Khế"), ("31120", "Phường An Hòa"), ("31123", "Phường Thới Bình"), ("31299", "Thị trấn Phong Điền")]
        let rows: [[RawCell]] = numbers.enumerated().map { i, d in
            let (code, name) = communes[i % communes.count]
            return [RawCell(.number(Double(i + 1))), RawCell(.text(code)), RawCell(.text(name)), 1, RawCell(.number(d)), .formula(cached: .number(d))]
        }
        let s = TestForm.normalizer.normalize(file: "t.xlsx", sheets: [TestForm.communeSheet(rows: rows)])
        #expect(s.records.count == numbers.count)
        for (record, d) in zip(s.records, numbers) {
            let expected: FieldValue? = if case .value(let v) = ValueParser.parse(RawCell(.number(d)), as: .count) { v } else { nil }
            #expect(record.value("gia_dinh_tong") == expected, "\(d)")
            #expect(record.value("gia_dinh_dat") == expected, "\(d)")
        }
        let rejected = numbers.filter { if case .rejected = ValueParser.parse(RawCell(.number($0)), as: .count) { true } else { false } }
        #expect(s.issues.filter { $0.field == "gia_dinh_tong" }.count == rejected.count)
        #expect(rejected.count == 8)  // 12.5, -0.5, ±1e16, ±infinity, NaN, 1e-300
    }

    /// A sheet may claim a million rows and hold a few (a stray cell far below the table):
    /// its rows are read by the cells it has.
    @Test func aStrayCellFarBelowTheTableChangesNothing() {
        var sheet = TestForm.communeSheet(rows: [[1, "31117", "Phường Cái Khế", 1, 10, 5], [2, "31120", "Phường An Hòa", 1, 20, 5]])
        sheet.set("ghi chú", at: CellPosition(row: 1_048_576, column: 16_384))
        #expect(sheet.maxRow == 1_048_576 && sheet.maxColumn == 16_384)
        let s = TestForm.normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.unitCode) == ["31117", "31120"])
        #expect(s.records.map { $0.value("gia_dinh_tong") } == [.count(10), .count(20)])
    }

    @Test func compiledAliasesAreFoldedOnce() {
        let c = CompiledSheet(TestForm.commune)
        #expect(c.paths["gia dinh hoc tap > so ho dat"] == [2])
        #expect(c.paths["cong dong hoc tap cap xa > muc do cong nhan"] == [0])
        // "Số được công nhận" belongs to two parents: never matched alone.
        #expect(c.children["so duoc cong nhan"]?.count == 2)
        #expect(c.match(["so duoc cong nhan"]) == nil)
        #expect(c.match(["don vi hoc tap", "so duoc cong nhan"]) == .field(8, quality: 2))
        // A known parent over a unique child of another parent is not that child.
        #expect(c.match(["gia dinh hoc tap", "tong so"]) == nil)
        #expect(c.match(["ho gia dinh hoc tap", "tong so ho"]) == .field(1, quality: 1))
        #expect(c.match(["stt"]) == .ordinal)
        #expect(c.match(["xa phuong thi tran"]) == .name)
    }
}
