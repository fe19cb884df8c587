import Foundation
import Testing

/// Issue 17: the history of the provinces that merged into yours. The 2024 workbooks of Cần Thơ
/// (92), Hậu Giang (93) and Sóc Trăng (94), made from the 2024 list, are imported into the new
/// Cần Thơ's store with `xhht import --year 2024 --units <their 2024 list>` (pipeline.yml is
/// 2026's: the communes of 1 July 2025, the shipped lineage); then the 2026 review. Its 2024
/// point for the city is the exact sum of the three provinces, each computed independently
/// (scripts/check-indicators.py, openpyxl, per former province).
@Suite(.serialized) struct FormerProvincesTests {
    typealias E = SampleRunTests
    static let list2025 = PlantedProvinceTests.nationalList.map {
        URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("units-2025-03-01.csv").path
    }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }

    /// indicator -> (numerator, denominator) of one unit's rows in an indicators.csv.
    static func figures(_ csv: URL, unit: String) throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try E.csvRows(csv).filter { $0.first == unit }.map { ($0[3], [Int($0[4]) ?? -1, Int($0[5]) ?? -1]) })
    }

    @Test(.enabled(if: E.pythonWithOpenpyxl && list2025 != nil, "needs python3 with openpyxl and ../shared/domain/units/units-2025-03-01.csv"))
    func threeFormerProvincesAreTheNewCitysHistory() throws {
        let fm = FileManager.default
        let project = try PostReformProvinceTests.project(year: 2026)  // Input/: the 103 communes of 2026
        defer { try? fm.removeItem(at: project) }
        var config = try String(contentsOf: project.appendingPathComponent("pipeline.yml"), encoding: .utf8)
        config = config.replacingOccurrences(of: "\nreport: annual\n", with: "\nreport: review-2023-2030\n")
        try config.write(to: project.appendingPathComponent("pipeline.yml"), atomically: true, encoding: .utf8)

        // The three provinces' rows of the 2024 list, and a workbook per district of each.
        let list = try String(contentsOfFile: try #require(Self.list2025), encoding: .utf8)
        let lines = list.split(whereSeparator: \.isNewline)
        let three = ([lines[0]] + lines.dropFirst().filter { ["92,", "93,", "94,"].contains(String($0.prefix(3))) }).joined(separator: "\n")
        let units2024 = project.appendingPathComponent("units/three-provinces-2024.csv")
        try three.write(to: units2024, atomically: true, encoding: .utf8)
        let all = project.appendingPathComponent("In2024")
        try fm.createDirectory(at: all, withIntermediateDirectories: true)
        var truth: [String: [Int]] = [:]
        for province in ["92", "93", "94"] {
            let folder = project.appendingPathComponent("P\(province)")
            let made = try E.run(URL(fileURLWithPath: "/usr/bin/env"), [
                "python3", E.repository.appendingPathComponent("scripts/make-sample/make_sample.py").path,
                "--province", province, "--units", units2024.path, "--year", "2024", "--producer", "openpyxl",
                "--out", folder.path, "--planted", project.appendingPathComponent("planted-\(province).json").path,
            ], in: project)
            try #require(made.status == 0, "the generator failed: \(made.stderr)")
            let independent = project.appendingPathComponent("independent-\(province).csv")
            _ = try E.run(URL(fileURLWithPath: "/usr/bin/env"), [
                "python3", E.repository.appendingPathComponent("scripts/check-indicators.py").path,
                "--input", folder.path, "--units", units2024.path, "--province", province, "--out", independent.path,
            ], in: project)
            for (indicator, f) in try Self.figures(independent, unit: province) where ["gia_dinh", "cdht_xa", "cong_dan"].contains(indicator) {
                truth[indicator, default: [0, 0]][0] += f[0]
                truth[indicator, default: [0, 0]][1] += f[1]
            }
            for name in try fm.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".xlsx") {
                try fm.copyItem(at: folder.appendingPathComponent(name), to: all.appendingPathComponent(name))
            }
        }
        #expect(truth.count == 3)

        var result = try E.run(E.binary, ["import", "--year", "2024", "--units", units2024.path, "--input", all.path, "-q"], in: project)
        // Planted mistakes in the workbooks: input errors, the rest stored.
        #expect(result.status == 2, "stderr: \(result.stderr)")
        // Every workbook stored, Hậu Giang's and Sóc Trăng's too (before, their units were outside the root).
        let stored = try E.run(E.binary, ["import", "--year", "2024", "--units", units2024.path, "--input", all.path], in: project)
        #expect((stored.stdout + stored.stderr).contains("0 tệp mới, 0 tệp thay thế bản cũ, 28 tệp không đổi"), "\(stored.stderr)")

        result = try E.run(E.binary, ["run", "--date", "2026-12-05", "-q"], in: project)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("Output/2026/report.json"))) as? [String: Any]
        let trends = try #require(report?["trends"] as? [String: Any])
        var point2024: [String: [Int]] = [:]
        for indicator in trends["indicators"] as? [[String: Any]] ?? [] {
            guard let id = indicator["indicatorID"] as? String, truth[id] != nil,
                  let city = (indicator["rows"] as? [[String: Any]])?.first(where: { $0["unitCode"] as? String == "92" }),
                  let point = (city["points"] as? [[String: Any]])?.first(where: { $0["year"] as? Int == 2024 }) else { continue }
            point2024[id] = [point["numerator"] as? Int ?? -1, point["denominator"] as? Int ?? -1]
        }
        // The exact sums of the three provinces (the 2026 catalogue's ratios and shares over their communes).
        #expect(point2024 == truth)
        // Nothing of 2024 is left unplaced.
        let issues = try String(contentsOf: project.appendingPathComponent("Output/2026/issues.csv"), encoding: .utf8)
        #expect(!issues.contains("không quy đổi được"))
    }
}
