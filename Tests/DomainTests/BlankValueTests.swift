@testable import Aggregate
@testable import Config
@testable import Core
import Foundation
@testable import Intake
@testable import Model
import Testing

/// A blank is "not answered": in a field some indicator reads it is a `value-missing` warning at
/// its cell, naming the indicators the unit leaves; where nothing reads it, or where a share's
/// precondition says the answer is not needed, it is nothing. The unit then really is out of
/// those indicators, numerator and denominator both.
@Suite struct BlankValueTests {
    /// One sheet, one header row: A STT, B code, C name, D level (required), E centre, F centre
    /// uses IT, G workers, H with IT skills, I with life skills, J clans (no indicator), K note.
    static let sheet = SheetDefinition(
        name: "Cấp xã", level: .commune, codeAliases: ["Mã đơn vị"], nameAliases: ["Tên đơn vị"],
        fields: [
            TestForm.field("cdht_xa_muc", .level, "Mức độ CĐHT cấp xã", required: true, max: 2),
            TestForm.field("tthtcd_co", .yesNo, "Có TTHTCĐ"),
            TestForm.field("tthtcd_cntt", .yesNo, "TTHTCĐ ứng dụng CNTT"),
            TestForm.field("ld_tong", .count, "Tổng số người trong độ tuổi lao động"),
            TestForm.field("ld_cntt", .count, "Có năng lực CNTT", partOf: "ld_tong"),
            TestForm.field("ld_ky_nang", .count, "Có kỹ năng sống", partOf: "ld_tong"),
            TestForm.field("dong_ho_tong", .count, "Tổng số dòng họ"),
            TestForm.field("ghi_chu", .text, "Ghi chú"),
        ])

    static let header: [RawCell] = ["STT", "Mã đơn vị", "Tên đơn vị", "Mức độ CĐHT cấp xã", "Có TTHTCĐ", "TTHTCĐ ứng dụng CNTT",
                                    "Tổng số người trong độ tuổi lao động", "Có năng lực CNTT", "Có kỹ năng sống",
                                    "Tổng số dòng họ", "Ghi chú"]

    static let indicators = [
        IndicatorDefinition(id: "cdht_xa", name: "Tỷ lệ xã được công nhận Cộng đồng học tập cấp xã", kind: .share,
                            condition: Condition(field: "cdht_xa_muc", op: .ge, value: 1), level: .commune),
        IndicatorDefinition(id: "tthtcd_cntt", name: "Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin", kind: .share,
                            condition: Condition(field: "tthtcd_cntt", op: .eq, value: 1),
                            among: Condition(field: "tthtcd_co", op: .eq, value: 1), level: .commune),
        IndicatorDefinition(id: "ld_cntt", name: "Tỷ lệ người lao động có năng lực công nghệ thông tin", kind: .ratio,
                            numerator: ["ld_cntt"], denominator: ["ld_tong"], level: .commune),
        IndicatorDefinition(id: "ld_ky_nang", name: "Tỷ lệ người lao động được trang bị kỹ năng sống", kind: .ratio,
                            numerator: ["ld_ky_nang"], denominator: ["ld_tong"], level: .commune),
    ]

    static var config: PipelineConfig {
        var c = TestForm.config(sheets: [sheet])
        c.indicators = indicators
        c.agency.unitCode = "916"  // the report of one district: its three wards all report
        return c
    }

    /// Validates one "Cấp xã" sheet of `rows` (data from row 2) of Ninh Kiều's three wards.
    static func validate(_ rows: [[RawCell]]) -> ValidationResult {
        let normalizer = Normalizer(sheets: [sheet], registry: TestForm.registry, rootCode: "92")
        let s = normalizer.normalize(file: "nk.xlsx", sheets: [RawSheet(file: "nk.xlsx", name: "Cấp xã", rows: [header] + rows)])
        return Validator(config: config, registry: TestForm.registry).validate([s])
    }

    /// Cái Khế, An Hòa, Thới Bình with every value the indicators read.
    static let full: [[RawCell]] = [
        [1, "31117", "Phường Cái Khế", 2, "Có", "Có", 100, 90, 80, 5, "a"],
        [2, "31120", "Phường An Hòa", 1, "Có", "Không", 200, 150, 190, 6, "b"],
        [3, "31123", "Phường Thới Bình", 0, "Không", "Không", 50, 40, 45, 7, "c"],
    ]

    static func with(_ row: Int, _ column: Int, _ value: RawCell) -> [[RawCell]] {
        var rows = full
        rows[row][column] = value
        return rows
    }

    @Test func aCompleteSheetHasNoBlankFinding() {
        let r = Self.validate(Self.full)
        #expect(r.issues.isEmpty, "\(r.issues.map(\.message))")
        #expect(r.records.count == 3)
    }

    /// The case of issue 14: "Người trong độ tuổi lao động > Tổng số" left empty, its parts there.
    @Test func aBlankCountWarnsOnceNamingEveryIndicatorItCosts() throws {
        let r = Self.validate(Self.with(0, 6, nil))
        let blanks = r.issues(.valueMissing)
        let issue = try #require(blanks.first)
        #expect(blanks.count == 1)
        #expect(r.issues.count == 1)
        #expect(issue.severity == .warning)
        #expect(issue.provenance == Provenance(file: "nk.xlsx", sheet: "Cấp xã", cell: "G2"))
        #expect(issue.unit == "31117" && issue.field == "ld_tong")
        for text in ["Ô G2", "Tổng số người trong độ tuổi lao động", "Phường Cái Khế", "không tính là 0",
                     "Tỷ lệ người lao động có năng lực công nghệ thông tin", "Tỷ lệ người lao động được trang bị kỹ năng sống",
                     "2 chỉ tiêu", "Hãy nhập số liệu"] {
            #expect(issue.message.contains(text), "\(text) in \(issue.message)")
        }
        #expect(!issue.message.contains("Cộng đồng học tập"))
        // A warning keeps the values: the parts are stored; the aggregation leaves the row out.
        #expect(r.facts.contains { $0.unitCode == "31117" && $0.field == "ld_cntt" && $0.value == .count(90) })
    }

    @Test func aBlankYesNoMattersOnlyWhenThePreconditionHoldsOrIsUnknown() throws {
        // Cái Khế has a centre: its blank "uses IT" leaves tthtcd_cntt.
        let withCentre = Self.validate(Self.with(0, 5, nil)).issues(.valueMissing)
        #expect(withCentre.map(\.provenance.cell) == ["F2"])
        let message = try #require(withCentre.first?.message)
        #expect(message.contains("Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin"))
        #expect(message.contains("\"Có\" hoặc \"Không\""))
        #expect(!message.contains("\"x\""))  // in a yes-no column "x" is "Có", not a blank
        // Thới Bình has none: the answer is not asked, the blank costs nothing.
        #expect(Self.validate(Self.with(2, 5, nil)).issues.isEmpty)
        // "Has a centre" blank: nobody knows whether the unit counts; both cells are needed.
        var rows = Self.with(0, 4, nil)
        rows[0][5] = RawCell(.empty)
        #expect(Set(Self.validate(rows).issues(.valueMissing).map(\.provenance.cell)) == ["E2", "F2"])
        // "Has a centre" rejected by normalize (unreadable): the precondition is unknown too.
        rows = Self.with(0, 4, "Có lẽ")
        rows[0][5] = RawCell(.empty)
        let r = Self.validate(rows)
        #expect(r.issues(.yesNoNotRecognised).map(\.provenance.cell) == ["E2"])
        #expect(r.issues(.valueMissing).map(\.provenance.cell) == ["F2"])
    }

    @Test func aBlankInAFieldNoIndicatorReadsIsNotAFinding() {
        var rows = Self.with(0, 9, nil)
        rows[1][10] = RawCell(.empty)
        rows[2][9] = "-"
        #expect(Self.validate(rows).issues.isEmpty)
    }

    @Test func dashAndXAreBlanksInCounts() {
        var rows = Self.with(1, 6, "-")
        rows[2][7] = "x"
        rows[0][8] = "—"
        let blanks = Self.validate(rows).issues(.valueMissing)
        // Rows in order; in a row, fields in id order.
        #expect(blanks.map(\.provenance.cell) == ["I2", "G3", "H4"])
        #expect(blanks.map(\.field) == ["ld_ky_nang", "ld_tong", "ld_cntt"])
        // Each names only what it costs: the numerator of one ratio, or the shared denominator.
        #expect(blanks[2].message.contains("chỉ tiêu \"Tỷ lệ người lao động có năng lực công nghệ thông tin\""))
        #expect(!blanks[2].message.contains("kỹ năng sống"))
        #expect(blanks[1].message.contains("2 chỉ tiêu"))
    }

    /// A required field keeps its error, now naming what it costs; it is not also a warning.
    @Test func aRequiredBlankIsRequiredMissingOnly() throws {
        let r = Self.validate(Self.with(1, 3, "-"))
        #expect(r.issues(.valueMissing).isEmpty)
        let issue = try #require(r.issues(.requiredMissing).first)
        #expect(r.issues.count == 1)
        #expect(issue.provenance.cell == "D3" && issue.severity == .error)
        #expect(issue.message.contains("Tỷ lệ xã được công nhận Cộng đồng học tập cấp xã"))
        #expect(issue.message.contains("Hãy ghi mức độ"))
    }

    /// A value rejected (by normalize or by a value rule) is its own finding, never also "blank".
    @Test func aRejectedValueIsNotAlsoABlank() {
        let unreadable = Self.validate(Self.with(0, 6, "100 người"))
        #expect(unreadable.issues.map(\.rule) == [RuleID.notANumber.rawValue])
        let negative = Self.validate(Self.with(0, 6, -100))
        #expect(negative.issues.map(\.rule) == [RuleID.negativeCount.rawValue])
        let above = Self.validate(Self.with(0, 7, 101))
        #expect(above.issues.map(\.rule) == [RuleID.numeratorAboveDenominator.rawValue])
    }

    /// The warning and the report agree: the unit named is left out of numerator and
    /// denominator both, and the basis lists it as missing.
    @Test func theUnitWarnedAboutIsLeftOutOfTheIndicator() throws {
        let r = Self.validate(Self.with(0, 6, nil))  // Cái Khế: ld_cntt 90 and ld_ky_nang 80 of a blank total
        let hierarchy = try ReportHierarchy(registry: TestForm.registry, rootCode: "916")
        let year = Aggregator.aggregate(year: 2024, facts: r.facts, hierarchy: hierarchy, indicators: Self.indicators,
                                        fieldLevels: Self.config.fieldLevels)
        let ldCNTT = try #require(year.results[2].first)
        #expect(ldCNTT.unitCode == "916")
        #expect(ldCNTT.numerator == 150 + 40 && ldCNTT.denominator == 200 + 50)
        #expect(ldCNTT.basis == IndicatorBasis(level: .commune, counted: 2, expected: 3, missing: ["31117"]))
        #expect(year.results[3].first?.basis.missing == ["31117"])
        // Indicators the blank does not touch rest on every ward.
        #expect(year.results[0].first?.basis.counted == 3)
        #expect(year.results[1].first?.basis.counted == 3)
    }

    @Test func usesFollowTheCatalogue() {
        let uses = IndicatorUses(indicators: Self.indicators + [
            IndicatorDefinition(id: "dvht", name: "ĐVHT", kind: .ratio, numerator: ["dvht_xa_dat", "dvht_huyen_dat"],
                                denominator: ["dvht_xa_tong", "dvht_huyen_tong"], level: .commune),
            IndicatorDefinition(id: "self", name: "Tự chia", kind: .ratio, numerator: ["a"], denominator: ["a"], level: .commune),
            // A share reads its own level only: a commune field under a district share costs nothing.
            IndicatorDefinition(id: "pc", name: "PC", kind: .share, condition: Condition(field: "ld_tong", op: .ge, value: 1), level: .district),
        ], fieldLevels: ["ld_tong": .commune, "dvht_huyen_dat": .district, "dvht_huyen_tong": .district])
        #expect(uses["ld_tong"].map(\.indicatorID) == ["ld_cntt", "ld_ky_nang"])
        #expect(uses["tthtcd_cntt"].first?.precondition == Condition(field: "tthtcd_co", op: .eq, value: 1))
        #expect(uses["tthtcd_co"].map(\.precondition) == [nil])
        #expect(uses["dvht_huyen_tong"].map(\.indicatorID) == ["dvht"])
        #expect(uses["a"].map(\.indicatorID) == ["self"])
        #expect(uses["dong_ho_tong"].isEmpty)
    }
}
