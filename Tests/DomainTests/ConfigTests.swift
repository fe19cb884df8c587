@testable import Config
@testable import Core
import Foundation
@testable import Model
import Testing

/// pipeline.yml: the shipped file loads and means what docs/default-form.md says; each kind
/// of mistake gives an error at the right line and column, with the key's path.
@Suite struct ConfigLoadingTests {
    static let shipped = SharedData.repositoryRoot.appendingPathComponent("pipeline.yml").path

    @Test func theShippedFileLoads() throws {
        let config = try PipelineConfigLoader.load(path: Self.shipped)
        let root = SharedData.repositoryRoot.path
        #expect(config.year == 2024)
        #expect(config.report == .annual)
        // Empty in the shipped file: a fresh clone's sample files carry the checkout time, not
        // the time they were received (see the comment in pipeline.yml).
        #expect(config.deadline == nil)
        #expect(config.agency.unitCode == "92")
        #expect(config.agency.abbreviation == "SGDĐT")
        #expect(config.paths.units == root + "/units/can-tho-2024-02-01.csv")
        #expect(config.paths.input == root + "/Input")
        #expect(config.paths.store == root + "/Output/xhht.sqlite")
        #expect(config.sheets.map(\.name) == ["Cấp xã", "Cấp huyện"])
        #expect(config.sheets.map(\.level) == [.commune, .district])

        // The canonical ids of docs/default-form.md, in order.
        #expect(config.sheets[0].fields.map(\.id) == [
            "cdht_xa_muc", "gia_dinh_tong", "gia_dinh_dat", "dong_ho_tong", "dong_ho_dat", "cdht_thon_tong", "cdht_thon_dat",
            "dvht_xa_tong", "dvht_xa_dat", "cong_dan_tong", "cong_dan_dat", "tthtcd_co", "tthtcd_cntt", "ld_tong", "ld_cntt", "ld_ky_nang",
            "pc_mam_non_xa", "pc_tieu_hoc_xa", "pc_thcs_xa", "xmc_xa",
        ])
        // The communes' own PCGD and XMC columns: asked only of a registry without districts.
        #expect(config.sheets[0].fields.filter { $0.onlyWithout == .district }.map(\.id) == ["pc_mam_non_xa", "pc_tieu_hoc_xa", "pc_thcs_xa", "xmc_xa"])
        #expect(config.sheets[1].fields.map(\.id) == ["pc_mam_non", "pc_tieu_hoc", "pc_thcs", "xmc", "dvht_huyen_tong", "dvht_huyen_dat"])
        #expect(config.indicators.map(\.id) == [
            "cdht_xa", "cdht_thon", "gia_dinh", "dong_ho", "dvht", "cong_dan", "tthtcd_cntt", "ld_cntt", "ld_ky_nang",
            "pc_mam_non", "pc_tieu_hoc_3", "pc_thcs_2", "pc_thcs_3", "xmc_2",
            "pc_mam_non_xa", "pc_tieu_hoc_3_xa", "pc_thcs_2_xa", "xmc_2_xa",
        ])
        let fields = config.fieldsByID
        #expect(fields["gia_dinh_dat"]?.partOf == "gia_dinh_tong")
        #expect(fields["pc_thcs"]?.maxLevel == 3)
        #expect(fields["tthtcd_co"]?.type == .yesNo)
        #expect(fields["gia_dinh_dat"]?.aliases.contains("Số hộ đạt GĐHT") == true)

        let byID = Dictionary(uniqueKeysWithValues: config.indicators.map { ($0.id, $0) })
        let dvht = try #require(byID["dvht"])
        #expect(dvht.numerator == ["dvht_xa_dat", "dvht_huyen_dat"])
        #expect(dvht.target(for: 2024) == Fraction(5555, 10000))
        #expect(Fraction(5, 9) >= dvht.target(for: 2024)!)
        #expect(dvht.target(for: 2027) == Fraction(85, 100))
        #expect(byID["cdht_xa"]?.condition == Condition(field: "cdht_xa_muc", op: .ge, value: 1))
        #expect(byID["tthtcd_cntt"]?.among == Condition(field: "tthtcd_co", op: .eq, yes: true))
        #expect(byID["pc_thcs_3"]?.target(for: 2024) == Fraction(66, 100))
        #expect(config.sheets[0].codeAliases.contains("Mã ĐVHC"))
        #expect(config.sheets[0].nameAliases.contains("Xã, phường, thị trấn"))
        #expect(config.sheets[0].ordinalAliases.contains("STT"))
    }

    @Test func theShippedRegistryLoadsFromTheConfig() throws {
        let registry = try PipelineConfigLoader.load(path: Self.shipped).loadRegistry()
        #expect(registry.unit(code: "92")?.name == "Thành phố Cần Thơ")
        #expect(registry.units(at: .district).count == 9)
    }

    @Test func overridesReplaceFoldersAndYear() throws {
        let config = try PipelineConfigLoader.load(path: Self.shipped)
        let changed = try config.applying(overrides: ConfigOverrides(input: "data/in", units: "/srv/units.csv", year: 2025),
                                          currentDirectory: "/home/sgd")
        #expect(changed.paths.input == "/home/sgd/data/in")
        #expect(changed.paths.units == "/srv/units.csv")
        #expect(changed.paths.output == config.paths.output)
        #expect(changed.year == 2025)
        #expect(changed.paths.store == config.paths.store)
        #expect(throws: PipelineConfigError.self) { try config.applying(overrides: ConfigOverrides(year: 1890)) }
    }

    @Test func theStoreFollowsTheOutputFolderUnlessGiven() throws {
        let config = try PipelineConfigLoader.load(path: Self.shipped)
        let moved = try config.applying(overrides: ConfigOverrides(output: "out"), currentDirectory: "/tmp/run")
        #expect(moved.paths.output == "/tmp/run/out")
        #expect(moved.paths.store == "/tmp/run/out/xhht.sqlite")
        let pinned = try config.applying(overrides: ConfigOverrides(output: "out", store: "/var/lib/xhht.sqlite"), currentDirectory: "/tmp/run")
        #expect(pinned.paths.store == "/var/lib/xhht.sqlite")
    }
}

@Suite struct ConfigErrorTests {
    /// A small valid file; each test breaks one line of it.
    static let valid = """
    year: 2024
    agency:
      parent: UBND THÀNH PHỐ CẦN THƠ
      name: SỞ GIÁO DỤC VÀ ĐÀO TẠO
      abbreviation: SGDĐT
      place: Cần Thơ
      unitCode: "92"
    paths:
      units: units/u.csv
    sheets:
      - name: Cấp xã
        level: commune
        fields:
          - id: gia_dinh_tong
            type: count
            aliases: [Gia đình học tập > Tổng số hộ]
          - id: gia_dinh_dat
            type: count
            partOf: gia_dinh_tong
            aliases: Gia đình học tập > Số hộ đạt
          - id: cdht_xa_muc
            type: level
            maxLevel: 2
            aliases: [Mức độ]
    indicators:
      - id: gia_dinh
        name: Tỷ lệ gia đình học tập
        kind: ratio
        level: commune
        numerator: gia_dinh_dat
        denominator: gia_dinh_tong
        targets: {2024: "55,55", 2025: 60}
      - id: cdht_xa
        name: Tỷ lệ xã đạt CĐHT
        kind: share
        level: commune
        condition: "cdht_xa_muc >= 1"
    """

    func load(_ yaml: String) throws -> PipelineConfig {
        try PipelineConfigLoader.parse(yaml: yaml, file: "pipeline.yml", baseDirectory: "/srv/xhht")
    }

    /// The file with line `line` (1-based) replaced.
    func replacing(line: Int, with text: String) -> String {
        var lines = Self.valid.components(separatedBy: "\n")
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    func diagnostics(_ yaml: String) -> [ConfigDiagnostic] {
        do {
            _ = try load(yaml)
            return []
        } catch let error as PipelineConfigError {
            return error.diagnostics
        } catch {
            return [ConfigDiagnostic(file: "", line: -1, column: -1, path: "", message: "\(error)")]
        }
    }

    @Test func theValidFileLoads() throws {
        let config = try load(Self.valid)
        #expect(config.paths.units == "/srv/xhht/units/u.csv")
        #expect(config.sheets[0].fields[1].aliases == ["Gia đình học tập > Số hộ đạt"])
        #expect(config.indicators[0].targets == [2024: Fraction(5555, 10000), 2025: Fraction(60, 100)])
        #expect(config.outputs == ["html", "csv", "json", "issues"])
        #expect(config.display == Display())
        #expect(config.deadline == nil)
        #expect(try load(Self.valid + "\ndeadline: 2024-11-30\n").deadline == "2024-11-30")
    }

    @Test func anUnknownKeyIsAnErrorAtItsPosition() throws {
        let found = diagnostics(replacing(line: 15, with: "        tpye: count"))
        let unknown = try #require(found.first { $0.path == "sheets[0].fields[0].tpye" })
        #expect(unknown.line == 15)
        #expect(unknown.column == 9)
        #expect(unknown.message.contains("\"type\""))   // the suggestion
        // and the now-missing `type` is reported too, at the field's mapping
        #expect(found.contains { $0.path == "sheets[0].fields[0].type" && $0.message.contains("thiếu") })
        #expect(found.first?.description.hasPrefix("pipeline.yml:") == true)
    }

    @Test func anUnknownTopLevelKey() throws {
        let found = diagnostics(Self.valid + "\nyaer: 2025\n")
        #expect(found.count == 1)
        #expect(found.first?.path == "yaer")
        #expect(found.first?.line == 38)
        #expect(found.first?.column == 1)
    }

    @Test func aWrongTypeIsAnErrorAtTheValue() throws {
        let yearText = diagnostics(replacing(line: 1, with: "year: hai nghìn"))
        #expect(yearText.map(\.path) == ["year"])
        #expect(yearText.first?.line == 1 && yearText.first?.column == 7)

        let sheetsScalar = diagnostics(replacing(line: 12, with: "    level: xa"))
        #expect(sheetsScalar.first?.path == "sheets[0].level")
        #expect(sheetsScalar.first?.line == 12 && sheetsScalar.first?.column == 12)
        #expect(sheetsScalar.first?.message.contains("commune") == true)

        let listAsMap = diagnostics(replacing(line: 16, with: "        aliases: {a: b}"))
        #expect(listAsMap.first?.path == "sheets[0].fields[0].aliases")
        #expect(listAsMap.first?.line == 16 && listAsMap.first?.column == 18)
    }

    @Test func aBadConditionIsAnErrorAtTheCondition() throws {
        let found = diagnostics(replacing(line: 37, with: "    condition: \"cdht_xa_muc >> một\""))
        #expect(found.count == 1)
        #expect(found.first?.path == "indicators[1].condition")
        #expect(found.first?.line == 37)
        #expect(found.first?.column == 16)

        let noOperator = diagnostics(replacing(line: 37, with: "    condition: cdht_xa_muc 1"))
        #expect(noOperator.first?.message.contains("phép so sánh") == true)
    }

    @Test func crossChecksPointAtTheReference() throws {
        let unknownField = diagnostics(replacing(line: 37, with: "    condition: cdht_xa >= 1"))
        #expect(unknownField.count == 1)
        #expect(unknownField.first?.path == "indicators[1].condition")
        #expect(unknownField.first?.line == 37)
        #expect(unknownField.first?.message.contains("cdht_xa_muc") == true)   // did you mean

        let numerator = diagnostics(replacing(line: 30, with: "    numerator: gia_dinh_datt"))
        #expect(numerator.map(\.path) == ["indicators[0].numerator"])
        #expect(numerator.first?.line == 30)

        let partOf = diagnostics(replacing(line: 19, with: "        partOf: tong_so"))
        #expect(partOf.map(\.path) == ["sheets[0].fields[1].partOf"])
        #expect(partOf.first?.line == 19)

        let duplicate = diagnostics(replacing(line: 17, with: "      - id: gia_dinh_tong"))
        #expect(duplicate.contains { $0.path == "sheets[0].fields[1].id" && $0.line == 17 })

        let levelRange = diagnostics(replacing(line: 37, with: "    condition: cdht_xa_muc >= 3"))
        #expect(levelRange.first?.message.contains("0 đến 2") == true)
    }

    @Test func targetsAndYearsMustBeSensible() throws {
        let target = diagnostics(replacing(line: 32, with: "    targets: {2024: \"155\", 2025: 60}"))
        #expect(target.map(\.path) == ["indicators[0].targets.2024"])
        #expect(target.first?.line == 32)
        let targetYear = diagnostics(replacing(line: 32, with: "    targets: {hai: 80}"))
        #expect(targetYear.map(\.path) == ["indicators[0].targets"])
        #expect(targetYear.first?.line == 32 && targetYear.first?.column == 15)
        let year = diagnostics(replacing(line: 1, with: "year: 1024"))
        #expect(year.first?.message.contains("2000") == true)
        let review = diagnostics("report: review-2023-2025\n" + Self.valid.replacingOccurrences(of: "year: 2024", with: "year: 2022"))
        #expect(review.map(\.path) == ["year"])
        let deadline = diagnostics(Self.valid + "\ndeadline: 2024-02-30\n")
        #expect(deadline.first?.path == "deadline")
        #expect(deadline.first?.line == 38 && deadline.first?.column == 11)
        let targetYearRange = diagnostics(replacing(line: 32, with: "    targets: {1890: 50}"))
        #expect(targetYearRange.map(\.path) == ["indicators[0].targets"])
        #expect(targetYearRange.first?.message.contains("2000 đến 2100") == true)
    }

    /// Dates must be days of the calendar (leap years included) in the years the pipeline takes.
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-02-30", false), ("2024-13-45", false), ("2024-04-31", false),
        ("2000-02-29", true), ("1900-02-29", false), ("1024-11-30", false), ("2101-01-01", false), ("2024-1-5", false),
        ("30/11/2024", false), ("2024-11-30T00:00", false),
    ])
    func deadlinesAreRealDates(text: String, accepted: Bool) {
        let found = diagnostics(Self.valid + "\ndeadline: \(text)\n")
        if accepted {
            #expect(found.isEmpty, "\(found)")
        } else {
            #expect(found.map(\.path) == ["deadline"])
            #expect(found.first?.line == 38 && found.first?.column == 11)
        }
    }

    /// The valid file with a yes-no field added and indicator 1's condition (and optionally an
    /// `among`) replaced; the line of the condition is returned with it.
    func withYesNoField(condition: String, among: String? = nil) -> (yaml: String, line: Int) {
        var yaml = Self.valid.replacingOccurrences(of: "        aliases: [Mức độ]\n", with: """
                    aliases: [Mức độ]
                  - id: tthtcd_cntt
                    type: yes-no
                    aliases: [Ứng dụng CNTT]

            """)
        yaml = yaml.replacingOccurrences(of: "    condition: \"cdht_xa_muc >= 1\"", with: "    condition: \"\(condition)\""
                                         + (among.map { "\n    among: \"\($0)\"" } ?? ""))
        let line = yaml.components(separatedBy: "\n").firstIndex { $0.hasPrefix("    condition:") }! + 1
        return (yaml, line)
    }

    /// A condition whose value does not fit its field's type is an error at the condition, saying
    /// what to write instead: these computed a wrong indicator without a word before.
    @Test(arguments: [
        ("gia_dinh_tong == yes", "\"gia_dinh_tong >= 1\" thay cho \"gia_dinh_tong == yes\""),
        ("gia_dinh_tong != yes", "\"gia_dinh_tong == 0\""),
        ("cdht_xa_muc == yes", "\"cdht_xa_muc >= 1\" thay cho \"cdht_xa_muc == yes\""),
        ("tthtcd_cntt >= 1", "viết \"tthtcd_cntt == yes\" thay cho \"tthtcd_cntt >= 1\""),
        ("tthtcd_cntt == 1", "viết \"tthtcd_cntt == yes\""),
        ("tthtcd_cntt < 1", "viết \"tthtcd_cntt == no\""),
        ("tthtcd_cntt > no", "viết \"tthtcd_cntt == yes\" thay cho \"tthtcd_cntt > no\""),
        ("tthtcd_cntt >= no", "\"tthtcd_cntt == yes\" hoặc \"tthtcd_cntt == no\""),
    ])
    func aConditionMustFitItsFieldsType(condition: String, instead: String) throws {
        let (yaml, line) = withYesNoField(condition: condition)
        let found = diagnostics(yaml)
        #expect(found.count == 1, "\(found)")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.path == "indicators[1].condition")
        #expect(diagnostic.line == line && diagnostic.column == 16)
        #expect(diagnostic.message.contains(instead), "\(diagnostic.message)")
    }

    @Test func anAmongMustFitItsFieldsTypeToo() throws {
        let (yaml, line) = withYesNoField(condition: "cdht_xa_muc >= 1", among: "tthtcd_cntt >= 1")
        let found = diagnostics(yaml)
        #expect(found.map(\.path) == ["indicators[1].among"])
        #expect(found.first?.line == line + 1)
    }

    @Test(arguments: ["tthtcd_cntt == yes", "tthtcd_cntt != no", "tthtcd_cntt == Có", "gia_dinh_tong >= 1", "gia_dinh_tong == 0",
                      "cdht_xa_muc == 0", "cdht_xa_muc >= 2"])
    func conditionsThatFitTheirFieldLoad(condition: String) throws {
        let config = try load(withYesNoField(condition: condition).yaml)
        #expect(config.indicators[1].condition == (try Condition.parse(condition).get()))
    }

    @Test func syntaxErrorsAndDuplicateKeysHavePositions() throws {
        let tab = diagnostics(replacing(line: 12, with: "    level: [commune"))
        #expect(tab.count == 1)
        #expect(tab.first?.line ?? 0 >= 12)
        #expect(tab.first?.message.contains("cú pháp") == true)

        let twice = diagnostics(Self.valid + "\nyear: 2025\n")
        #expect(twice.count == 1)
        #expect(twice.first?.message.contains("\"year\"") == true)
        #expect(twice.first?.line ?? 0 > 0)
    }

    /// libyaml's English stays in `detail` (the -v log); the message says the problem in
    /// Vietnamese, and where an unclosed bracket was opened.
    @Test func syntaxErrorsAreSaidInVietnamese() throws {
        let bracket = try #require(diagnostics(replacing(line: 12, with: "    level: [commune")).first)
        #expect(bracket.message.contains("danh sách [...] chưa được đóng bằng ]"), "\(bracket.message)")
        #expect(bracket.message.contains("mở từ dòng 12, cột 12"), "\(bracket.message)")
        #expect(bracket.detail?.contains("did not find expected") == true)
        #expect(!bracket.message.contains("did not find"))
        let colon = try #require(diagnostics(replacing(line: 5, with: "  abbreviation: SGDĐT: Sở")).first)
        #expect(colon.line == 5 && colon.message.contains("dấu hai chấm không đúng chỗ"), "\(colon.message)")
        let tab = try #require(diagnostics(replacing(line: 6, with: "\tplace: Cần Thơ")).first)
        #expect(tab.message.contains("tab"), "\(tab.message)")
        #expect(PipelineConfigError(diagnostics: [bracket]).technicalDetail?.hasPrefix("pipeline.yml:") == true)
        #expect(PipelineConfigLoader.syntaxProblem("something libyaml never said") == "cấu trúc tệp không hợp lệ")
    }

    @Test func everyMistakeIsReportedInOnePass() {
        var yaml = replacing(line: 15, with: "        type: cont")
        yaml = yaml.replacingOccurrences(of: "kind: share", with: "kind: shares")
        yaml = yaml.replacingOccurrences(of: "  place: Cần Thơ\n", with: "  place: Cần Thơ\n  colour: red\n")
        let found = diagnostics(yaml)
        #expect(found.map(\.path) == ["agency.colour", "sheets[0].fields[0].type", "indicators[1].kind"])
        #expect(found.map(\.line) == [7, 16, 36])
    }

    @Test func emptyAndMissingFiles() {
        #expect(diagnostics("").first?.message.contains("trống") == true)
        #expect(diagnostics("- a\n- b\n").first?.message.contains("bảng khóa") == true)
        #expect {
            _ = try PipelineConfigLoader.load(path: "/nonexistent/pipeline.yml")
        } throws: { ($0 as? PipelineConfigError)?.diagnostics.first?.message.contains("--config") == true }
    }

    @Test(arguments: [
        ("cdht_xa_muc >= 1", Condition(field: "cdht_xa_muc", op: .ge, value: 1)),
        ("tthtcd_co == yes", Condition(field: "tthtcd_co", op: .eq, yes: true)),
        ("pc_mam_non==Đạt", Condition(field: "pc_mam_non", op: .eq, yes: true)),
        ("x != không", Condition(field: "x", op: .ne, yes: false)),
        ("x == 1", Condition(field: "x", op: .eq, value: 1, literal: .number)),
        ("xmc < 2", Condition(field: "xmc", op: .lt, value: 2)),
        ("xmc <= -1", Condition(field: "xmc", op: .le, value: -1)),
    ])
    func conditionsParse(text: String, expected: Condition) throws {
        #expect(try Condition.parse(text).get() == expected)
    }

    @Test(arguments: ["cdht >= ", ">= 1", "Gia đình >= 1", "a >= lots", "a = 1"])
    func badConditionsDoNot(text: String) {
        #expect(throws: ConditionSyntaxError.self) { try Condition.parse(text).get() }
    }
}

/// `PipelineConfig.fitted(toLevels:)`: one pipeline.yml for a registry with districts and one without.
@Suite struct ConfigLevelsTests {
    static func shipped() throws -> PipelineConfig {
        try PipelineConfigLoader.load(path: ConfigLoadingTests.shipped)
    }

    @Test func aRegistryWithDistrictsKeepsTheShippedFormUnchanged() throws {
        let config = try Self.shipped()
        // The shipped form has columns for communes without districts: they are not asked of a
        // province with districts, and the indicators over them are not in its report.
        let fitted = config.fitted(toLevels: [.province, .district, .commune])
        #expect(fitted.sheets.map(\.name) == ["Cấp xã", "Cấp huyện"])
        #expect(!fitted.sheets[0].fields.contains { $0.id == "pc_mam_non_xa" })
        #expect(fitted.indicators.map(\.id) == config.indicators.map(\.id).filter { !$0.hasSuffix("_xa") || $0 == "cdht_xa" })
        #expect(fitted.indicators.first { $0.id == "dvht" }?.numerator == ["dvht_xa_dat", "dvht_huyen_dat"])
    }

    @Test func aRegistryWithoutDistrictsAsksNoDistrictSheetAndCountsCommunes() throws {
        let fitted = try Self.shipped().fitted(toLevels: [.province, .commune])
        #expect(fitted.sheets.map(\.name) == ["Cấp xã"])
        #expect(fitted.sheets[0].fields.contains { $0.id == "xmc_xa" })
        let ids = fitted.indicators.map(\.id)
        #expect(ids.contains("xmc_2_xa") && ids.contains("pc_mam_non_xa"))
        #expect(!ids.contains("xmc_2") && !ids.contains("pc_thcs_3"))
        // A ratio over two levels keeps the level that is left.
        let dvht = try #require(fitted.indicators.first { $0.id == "dvht" })
        #expect(dvht.numerator == ["dvht_xa_dat"] && dvht.denominator == ["dvht_xa_tong"])
    }

    @Test func onlyWithoutItsOwnSheetsLevelIsRefused() {
        let yaml = ConfigErrorTests.valid.replacingOccurrences(of: "        maxLevel: 2\n", with: "        maxLevel: 2\n        onlyWithout: commune\n")
        let found = ConfigErrorTests().diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.path == "sheets[0].fields[2].onlyWithout")
        #expect(found.first?.line == 24)
        #expect(found.first?.message.contains("không thể chỉ dùng khi danh mục không có cấp commune") == true)
    }
}
