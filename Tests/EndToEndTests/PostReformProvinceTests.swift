import Foundation
import Testing

/// Issue 17's first promise: the shipped pipeline.yml, with nothing changed but the year and
/// the unit list, runs a province of the two-level government (since 1 July 2025: no districts,
/// every commune sends its own workbook) with no false finding, and its indicators are the sums
/// of the communes' workbooks.
///
/// The province is made by scripts/make-sample/make_post_reform_province.py (the new Cần Thơ,
/// 103 communes of units/communes-2025-07-01.csv, invented values), which also sums the
/// indicators itself, without Swift, into expected.json.
@Suite(.serialized) struct PostReformProvinceTests {
    typealias E = SampleRunTests

    /// A project with the repository's pipeline.yml for `year` and the list of 1 July 2025, and
    /// Input/ holding one workbook per commune of Cần Thơ (92).
    static func project(year: Int) throws -> URL {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("xhht-post-reform-\(UUID().uuidString)")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["pipeline.yml", "units", "Templates"] {
            try fm.copyItem(at: E.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        var config = try String(contentsOf: folder.appendingPathComponent("pipeline.yml"), encoding: .utf8)
        config = config.replacingOccurrences(of: "\nyear: 2024\n", with: "\nyear: \(year)\n")
            .replacingOccurrences(of: "units: units/can-tho-2024-02-01.csv", with: "units: units/communes-2025-07-01.csv")
        try config.write(to: folder.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)
        let made = try E.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", E.repository.appendingPathComponent("scripts/make-sample/make_post_reform_province.py").path,
            "--units", folder.appendingPathComponent("units/communes-2025-07-01.csv").path, "--province", "92",
            "--year", String(year), "--out", folder.appendingPathComponent("Input").path,
        ], in: folder)
        try #require(made.status == 0, "the generator failed: \(made.stderr)")
        return folder
    }

    @Test(.enabled(if: E.pythonWithOpenpyxl, "python3 with openpyxl makes the province (scripts/setup.sh --full installs it)"))
    func oneWorkbookPerCommuneRunsWithoutFalseFindingsAndTheIndicatorsAreTheSums() throws {
        let project = try Self.project(year: 2026)
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try E.run(E.binary, ["run", "--date", "2026-12-05", "-q"], in: project)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = project.appendingPathComponent("Output/2026")

        // No finding at all: no "Cấp huyện" sheet asked for, every sender known, no district missing.
        let issues = try CSVText.rows(String(contentsOf: out.appendingPathComponent("issues.csv"), encoding: .utf8))
        #expect(issues == [["severity", "file", "sheet", "cell", "unit", "field", "message"]], "findings: \(issues.dropFirst())")

        // The province's figures are the generator's own sums; no district indicator is left over.
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("expected.json"))) as? [String: Any]
        let sums = try #require(expected?["indicators"] as? [String: [Int]])
        #expect(expected?["communes"] as? Int == 103)
        let province = try E.csvRows(out.appendingPathComponent("indicators.csv")).filter { $0.first == "92" }
        let figures = Dictionary(uniqueKeysWithValues: province.map { ($0[3], [Int($0[4]) ?? -1, Int($0[5]) ?? -1]) })
        #expect(figures == sums)
        #expect(figures["pc_mam_non"] == nil && figures["xmc_2"] == nil)
        // Every commune has its own row, under the province.
        let communes = try E.csvRows(out.appendingPathComponent("indicators.csv")).filter { $0.count > 3 && $0[2] == "commune" && $0[3] == "xmc_2_xa" }
        #expect(communes.count == 103)
    }
}
