import Foundation
import Testing

/// The second sample (samples/can-tho-2026, `make run-2026`) end to end: the new Cần Thơ's 2026
/// review over 2023-2026, 2023 and 2024 imported from the three former provinces' workbooks
/// with their list, 2025 from the 103 communes', 2026 run. The city's figures in trends.csv,
/// each year, equal the generator's independent computation (expected.json: check-indicators.py
/// per former province, summed; the post-reform generator's own sums).
@Suite(.serialized) struct CanTho2026SampleTests {
    typealias E = SampleRunTests

    @Test(.enabled(if: E.pythonWithOpenpyxl, "python3 with openpyxl makes the sample's workbooks (scripts/setup.sh --full installs it)"))
    func theReviewOverBothErasHasTheIndependentFigures() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("xhht-can-tho-2026-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let sample = root.appendingPathComponent("samples/can-tho-2026")
        try fm.createDirectory(at: sample, withIntermediateDirectories: true)
        for item in ["units", "Templates"] {
            try fm.copyItem(at: E.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        for item in ["pipeline.yml", "units"] {
            try fm.copyItem(at: E.repository.appendingPathComponent("samples/can-tho-2026/\(item)"), to: sample.appendingPathComponent(item))
        }
        let made = try E.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", E.repository.appendingPathComponent("scripts/make-sample/make_can_tho_2026.py").path, "--out", sample.path,
        ], in: root)
        try #require(made.status == 0, "the generator failed: \(made.stderr)")

        let config = sample.appendingPathComponent("pipeline.yml").path
        let former = sample.appendingPathComponent("units/former-provinces-2025-03-01.csv").path
        for year in [2023, 2024] {
            let result = try E.run(E.binary, ["import", "--config", config, "--year", String(year), "--units", former,
                                              "--input", sample.appendingPathComponent("Input-\(year)").path, "-q"], in: root)
            // The old era's workbooks carry make_sample.py's planted mistakes: input errors, the rest stored.
            #expect(result.status == 2, "import \(year): \(result.stderr)")
        }
        var result = try E.run(E.binary, ["import", "--config", config, "--year", "2025",
                                          "--input", sample.appendingPathComponent("Input-2025").path, "-q"], in: root)
        #expect(result.status == 0, "import 2025: \(result.stderr)")
        result = try E.run(E.binary, ["run", "--config", config, "--date", "2026-12-05", "-q"], in: root)
        #expect(result.status == 0, "run: \(result.stderr)")

        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: sample.appendingPathComponent("expected.json"))) as? [String: Any]
        let years = try #require(expected?["years"] as? [String: [String: [Int]]])
        let rows = try E.csvRows(sample.appendingPathComponent("Output/2026/trends.csv")).filter { $0.first == "92" }
        var compared: [String: Int] = [:]
        for row in rows {
            let year = row[4], indicator = row[3]
            // dvht: before the reform the form also counted the districts' own units; the 2026
            // catalogue (no districts) counts the communes' only, so the independent sum differs
            // by design (samples/can-tho-2026/README.md).
            guard let truth = years[year]?[indicator], !(indicator == "dvht" && ["2023", "2024"].contains(year)) else { continue }
            #expect([Int(row[5]) ?? -1, Int(row[6]) ?? -1] == truth, "\(indicator) \(year)")
            compared[year, default: 0] += 1
        }
        // Every year of both eras is checked: after the reform all 13 indicators of the catalogue
        // without districts; before it the 8 the two eras' forms share (the communes' own PCGD
        // and XMC columns did not exist, dvht above).
        #expect(compared == ["2023": 8, "2024": 8, "2025": 13, "2026": 13])
        // The years before the reform are re-expressed in today's units; the review proposes 5 units.
        #expect(rows.contains { $0[3] == "gia_dinh" && $0[4] == "2023" && $0[10] == "1" })
        let html = try String(contentsOf: sample.appendingPathComponent("Output/2026/bao-cao.html"), encoding: .utf8)
        #expect(html.contains("Đề xuất 5 trong 103 xã, phường, thị trấn"))
    }
}
