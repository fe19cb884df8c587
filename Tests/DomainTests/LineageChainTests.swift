@testable import Config
@testable import Core
import Foundation
import Logging
@testable import Run
import Testing
@testable import Units

/// `paths.lineage` as a chain of dated steps (issue 17): one file or a list, each step a CSV in
/// the old-to-new format dated by its name or by `effective`, applied in date order; a bad step
/// file stops the command with its file and line; a step after the report year never applies.
@Suite struct LineageChainTests {
    static let header = "old_province_code,old_province_name,old_commune_code,old_commune_name,new_province_code,new_commune_code,new_commune_name,n_targets_for_old_commune"

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-lineage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// ConfigErrorTests' small valid file with `paths.lineage` written as `lineage` (indented under paths).
    func config(lineage: String, in base: String = "/srv/xhht") throws -> PipelineConfig {
        let yaml = ConfigErrorTests.valid.replacingOccurrences(of: "  units: units/u.csv\n", with: "  units: units/u.csv\n  lineage:\(lineage)\n")
        return try PipelineConfigLoader.parse(yaml: yaml, file: "pipeline.yml", baseDirectory: base)
    }

    func diagnostics(lineage: String) -> [ConfigDiagnostic] {
        do { _ = try config(lineage: lineage); return [] } catch let error as PipelineConfigError { return error.diagnostics } catch { return [] }
    }

    @Test func oneFileAListOrDatedEntriesAreAccepted() throws {
        #expect(try config(lineage: " units/old-to-new-commune-2025-07-01.csv").paths.lineage
            == [LineageFile(path: "/srv/xhht/units/old-to-new-commune-2025-07-01.csv", effective: "2025-07-01")])
        let list = try config(lineage: """

                - units/old-to-new-commune-2025-07-01.csv
                - file: units/sap-nhap.csv
                  effective: 2024-11-01
            """).paths.lineage
        #expect(list == [LineageFile(path: "/srv/xhht/units/old-to-new-commune-2025-07-01.csv", effective: "2025-07-01"),
                         LineageFile(path: "/srv/xhht/units/sap-nhap.csv", effective: "2024-11-01")])
        #expect(try config(lineage: "").paths.lineage.isEmpty)
    }

    @Test func aStepWithoutARealDateIsAnErrorAtItsLine() {
        // The valid file's paths.units is line 9: the lineage list starts on line 11.
        let undated = diagnostics(lineage: "\n    - units/ok-2024-11-01.csv\n    - units/sap-nhap.csv")
        #expect(undated.map(\.path) == ["paths.lineage[1]"])
        #expect(undated.first?.line == 12)
        #expect(undated.first?.message.contains("không có ngày hiệu lực") == true)
        let impossible = diagnostics(lineage: "\n    - file: units/sap-nhap.csv\n      effective: 2025-02-30")
        #expect(impossible.map(\.path) == ["paths.lineage[0].effective"])
        #expect(impossible.first?.message.contains("không phải một ngày có thật") == true)
        #expect(LineageFile.date(inFileName: "old-to-new-2025-13-01-2025-07-01.csv") == "2025-07-01")
    }

    @Test func aBadCodeInAStepFileIsAnErrorNamingFileLineAndWhatToDo() {
        let csv = "\(Self.header)\n92,Cần Thơ,31126,Phường An Nghiệp,92,31123,Phường Thới Bình,1\n92,Cần Thơ,31A29,Phường An Cư,92,31123,Phường Thới Bình,1\n"
        #expect(throws: LineageCSVError.badCode(source: "b.csv", line: 3, column: "old_commune_code", written: "31A29", width: 5)) {
            try LineageStep.parseOldToNewCSV(csv, effective: "2024-11-01", source: "b.csv")
        }
        let message = LineageCSVError.badCode(source: "b.csv", line: 3, column: "old_commune_code", written: "31A29", width: 5).description
        #expect(message == "b.csv, dòng 3, cột old_commune_code: mã \"31A29\" không hợp lệ; cần mã chính thức 5 chữ số (ví dụ 31123). Sửa hoặc xóa dòng này trong tệp rồi chạy lại.")
        let empty = "\(Self.header)\n92,Cần Thơ,31126,Phường An Nghiệp,92,,Phường Thới Bình,1\n"
        #expect(throws: LineageCSVError.badCode(source: "b.csv", line: 2, column: "new_commune_code", written: "", width: 5)) {
            try LineageStep.parseOldToNewCSV(empty, effective: "2024-11-01", source: "b.csv")
        }
    }

    /// Two steps written newest first: applied oldest first, so a ward merged in 2024 follows its
    /// seat into the ward of 2025; a step after the report year does not apply.
    @Test func theSessionReadsEveryStepAndAppliesThemInDateOrder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "\(Self.header)\n92,Cần Thơ,31123,Phường Thới Bình,92,31135,Phường Ninh Kiều,1\n"
            .write(to: dir.appendingPathComponent("reform-2025-07-01.csv"), atomically: true, encoding: .utf8)
        try "\(Self.header)\n92,Cần Thơ,31126,Phường An Nghiệp,92,31123,Phường Thới Bình,1\n"
            .write(to: dir.appendingPathComponent("can-tho-2024-11-01.csv"), atomically: true, encoding: .utf8)
        let config = try config(lineage: "\n    - reform-2025-07-01.csv\n    - can-tho-2024-11-01.csv", in: dir.path)
        let lineage = try Session.loadLineage(config, logger: Logger(label: "test"))
        #expect(lineage.steps.map(\.effective) == ["2024-11-01", "2025-07-01"])
        #expect(lineage.resolve("31126", fromYear: 2023, toYear: 2025) == LineageResolution(codes: ["31135"], split: false, changed: true))
        #expect(lineage.resolve("31126", fromYear: 2023, toYear: 2024).codes == ["31123"])  // 2025's step is after 2024
        #expect(lineage.resolve("31123", fromYear: 2024, toYear: 2024).codes == ["31123"])
    }

    @Test func aBadStepFileStopsTheSessionWithItsPlace() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "old_commune_code,x\n1,2\n".write(to: dir.appendingPathComponent("bad-2024-11-01.csv"), atomically: true, encoding: .utf8)
        let config = try config(lineage: "\n    - missing-2025-07-01.csv\n    - bad-2024-11-01.csv", in: dir.path)
        do {
            _ = try Session.loadLineage(config, logger: Logger(label: "test"))
            Issue.record("a missing step file was accepted")
        } catch let failure as CommandFailure {
            #expect(failure.status == .configurationError)
            #expect(failure.message.hasPrefix("paths.lineage[0] (\(dir.path)/missing-2025-07-01.csv, hiệu lực 2025-07-01): không đọc được"))
        }
        let second = try self.config(lineage: "\n    - bad-2024-11-01.csv", in: dir.path)
        do {
            _ = try Session.loadLineage(second, logger: Logger(label: "test"))
            Issue.record("a step file without new_commune_code was accepted")
        } catch let failure as CommandFailure {
            #expect(failure.message.contains("paths.lineage (\(dir.path)/bad-2024-11-01.csv"))
            #expect(failure.message.contains("bad-2024-11-01.csv, dòng 1: dòng tiêu đề thiếu cột \"new_commune_code\""))
        }
    }

    /// The steps shipped in units/ read without a diagnostic, and lead Cần Thơ's three wards of
    /// 2023 to Thới Bình (2024) and on to Phường Ninh Kiều (2025).
    @Test func theShippedStepsChain() throws {
        let config = try PipelineConfigLoader.load(path: ConfigLoadingTests.shipped)
        #expect(config.paths.lineage.map(\.effective) == ["2024-11-01", "2025-07-01"])
        let lineage = try Session.loadLineage(config, logger: Logger(label: "test"))
        for ward in ["31126", "31129", "31141", "31123"] {
            #expect(lineage.resolve(ward, fromYear: 2023, toYear: 2024).codes == ["31123"])
            #expect(lineage.resolve(ward, fromYear: 2023, toYear: 2026).codes == ["31135"])
        }
        #expect(lineage.resolve("94", fromYear: 2024, toYear: 2026).codes == ["92"])
    }
}

/// `UnitRegistry.former(leadingInto:...)`: an earlier list seen from a later root.
@Suite struct FormerProvincesRegistryTests {
    static let list = UnitRegistry(units: [
        AdministrativeUnit(code: "92", name: "Thành phố Cần Thơ", level: .province, parentCode: nil),
        AdministrativeUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92"),
        AdministrativeUnit(code: "93", name: "Tỉnh Hậu Giang", level: .province, parentCode: nil),
        AdministrativeUnit(code: "930", name: "Thành phố Vị Thanh", level: .district, parentCode: "93"),
        AdministrativeUnit(code: "89", name: "Tỉnh An Giang", level: .province, parentCode: nil),
        AdministrativeUnit(code: "95", name: "Tỉnh Bạc Liêu", level: .province, parentCode: nil),
    ])
    static let lineage = UnitLineage(steps: [
        LineageStep(effective: "2025-07-01", successors: ["92": ["92"], "93": ["92"], "89": ["91"], "95": ["92", "96"]]),
    ])

    @Test func theProvincesLedIntoTheRootAreReadUnderOneRoot() throws {
        let former = try #require(Self.list.former(leadingInto: "92", lineage: Self.lineage, fromYear: 2024, toYear: 2026))
        #expect(former.provinces.map(\.code) == ["92", "93"])  // not An Giang (elsewhere), not Bạc Liêu (split)
        let root = UnitRegistry.formerRootCode
        #expect(former.registry.roots.map(\.code) == [root])
        #expect(former.registry.children(of: root).map(\.code) == ["92", "93"])
        #expect(former.registry.descendants(of: root).map(\.code) == ["92", "916", "93", "930"])
    }

    @Test func aListWhoseOnlyProvinceIsTheRootIsLeftAsItIs() {
        let alone = UnitRegistry(units: Array(Self.list.units.prefix(2)))
        #expect(alone.former(leadingInto: "92", lineage: Self.lineage, fromYear: 2024, toYear: 2026) == nil)
        // Before the step (a 2024 report), no province leads elsewhere.
        #expect(Self.list.former(leadingInto: "92", lineage: Self.lineage, fromYear: 2024, toYear: 2024) == nil)
    }
}
