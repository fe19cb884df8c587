import Foundation
import Testing

/// Issue 17's review from the command line: Cần Thơ's workbooks imported for 2023 with the list
/// of 2023 (83 communes), then a 2024 review (`report: review-2023-2025`) with the list of 2024
/// (80: three wards of Ninh Kiều merged into Thới Bình on 1/11/2024). With the lineage step and
/// without it, the city's and Ninh Kiều's 2023 points are the figures of 2023's own workbooks
/// (what an annual run over them with 2023's list reports); without it the three wards are named.
@Suite(.serialized) struct VanishedUnitRunTests {
    typealias E = SampleRunTests
    static let wards = ["31126", "31129", "31141"]

    /// (unit, indicator) -> (numerator, denominator) of indicators.csv, for the city and Ninh Kiều.
    static func annual(_ csv: URL) throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for row in try E.csvRows(csv) where ["92", "916"].contains(row[0]) && ["gia_dinh", "cdht_xa"].contains(row[3]) {
            out["\(row[0]) \(row[3])"] = [Int(row[4]) ?? -1, Int(row[5]) ?? -1]
        }
        return out
    }

    /// The same, from the 2023 points of report.json's trends.
    static func trend2023(_ json: URL) throws -> [String: [Int]] {
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        let trends = try #require(report?["trends"] as? [String: Any])
        var out: [String: [Int]] = [:]
        for indicator in trends["indicators"] as? [[String: Any]] ?? [] {
            guard let id = indicator["indicatorID"] as? String, ["gia_dinh", "cdht_xa"].contains(id) else { continue }
            for row in indicator["rows"] as? [[String: Any]] ?? [] {
                guard let unit = row["unitCode"] as? String, ["92", "916"].contains(unit),
                      let point = (row["points"] as? [[String: Any]])?.first(where: { $0["year"] as? Int == 2023 }) else { continue }
                out["\(unit) \(id)"] = [point["numerator"] as? Int ?? -1, point["denominator"] as? Int ?? -1]
            }
        }
        return out
    }

    @Test(arguments: [true, false])
    func aReviewKeepsEveryUnitOf2023InItsDistrictAndCity(withStep: Bool) throws {
        let fm = FileManager.default
        let project = try E.sampleProject()
        defer { try? fm.removeItem(at: project) }
        // 2023's own figures: the annual report over the workbooks with 2023's list.
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q", "--output", "Annual"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let truth = try Self.annual(project.appendingPathComponent("Annual/2024/indicators.csv"))
        #expect(truth.count == 4)

        // 2024's list: 2023's without the three wards.
        let list2023 = try String(contentsOf: project.appendingPathComponent("units/can-tho-2024-02-01.csv"), encoding: .utf8)
        let list2024 = list2023.split(whereSeparator: \.isNewline)  // CRLF lines: one Character each
            .filter { line in !Self.wards.contains { ward in line.contains(",\(ward),") } }.joined(separator: "\n")
        try list2024.write(to: project.appendingPathComponent("units/can-tho-2024-12-31.csv"), atomically: true, encoding: .utf8)
        let configURL = project.appendingPathComponent("pipeline.yml")
        var config = try String(contentsOf: configURL, encoding: .utf8).replacingOccurrences(of: "\nreport: annual\n", with: "\nreport: review-2023-2025\n")
        if !withStep {
            config = config.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("units/lineage-can-tho-2024-11-01.csv") }.joined(separator: "\n")
        }
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        result = try E.run(E.binary, ["import", "--year", "2023", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")

        try config.replacingOccurrences(of: "units: units/can-tho-2024-02-01.csv", with: "units: units/can-tho-2024-12-31.csv")
            .write(to: configURL, atomically: true, encoding: .utf8)
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let out = project.appendingPathComponent("Output/2024")
        #expect(try Self.trend2023(out.appendingPathComponent("report.json")) == truth)

        let issues = try CSVText.rows(String(contentsOf: out.appendingPathComponent("issues.csv"), encoding: .utf8))
        let named = issues.filter { $0.count == 7 && $0[0] == "info" && Self.wards.contains($0[4]) }
        if withStep {
            #expect(named.isEmpty, "\(named)")
        } else {
            #expect(named.map { $0[4] } == Self.wards)
            #expect(named.allSatisfy { $0[6].contains("Quận Ninh Kiều (916)") && $0[6].contains("paths.lineage") })
        }
    }
}
