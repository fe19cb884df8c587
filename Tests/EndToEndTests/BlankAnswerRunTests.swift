import Foundation
import Testing

/// Issue 14's two blanks, planted in a copy of the sample and run as a user runs it: a blank
/// count and a blank yes/no answer are warnings at their cells, the units leave exactly those
/// indicators (numerator and denominator both), and the report says what each indicator rests
/// on. The workbook is edited with openpyxl (Bình Thủy's, which has no formulas to lose).
@Suite(.serialized) struct BlankAnswerRunTests {
    typealias Run = SampleRunTests

    static var hasOpenpyxl: Bool {
        (try? Run.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import openpyxl"], in: Run.repository))?.status == 0
    }

    /// Sets cells of "Cấp xã" in `file` (nil: empty).
    static func edit(_ file: URL, _ cells: [String: String?]) throws {
        let assignments = cells.sorted { $0.key < $1.key }.map { "ws['\($0.key)'] = \($0.value.map { "'\($0)'" } ?? "None")" }
        let script = (["import openpyxl, sys", "wb = openpyxl.load_workbook(sys.argv[1])", "ws = wb['Cấp xã']"] + assignments
            + ["wb.save(sys.argv[1])"]).joined(separator: "\n")
        let result = try Run.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, file.path], in: file.deletingLastPathComponent())
        #expect(result.status == 0, "openpyxl: \(result.stderr)")
    }

    static func indicatorRow(_ rows: [[String]], unit: String, indicator: String) -> (n: Int, d: Int)? {
        rows.first { $0.first == unit && $0[3] == indicator }.flatMap { r in Int(r[4]).flatMap { n in Int(r[5]).map { (n, $0) } } }
    }

    // openpyxl comes with scripts/setup.sh --full; without it the edit cannot be made.
    @Test(.enabled(if: hasOpenpyxl, "needs python3 with openpyxl to plant the blanks"))
    func blanksAreWarnedAndTheUnitsLeaveTheirIndicators() throws {
        // The sample as it is, for the numbers before.
        let before = try Run.sampleProject()
        defer { try? FileManager.default.removeItem(at: before) }
        try Run.run(Run.binary, ["run", "--date", "2024-12-05"], in: before)
        let old = try Run.csvRows(before.appendingPathComponent("Output/2024/indicators.csv"))

        let project = try Run.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        // Trà An (31169, row 15): workers' total blank, its parts 7.602 and 8.235 there.
        // Thới An Đông (31174, row 17): has a centre, "uses IT" blank.
        // Long Hòa (31180, row 20): no centre, "uses IT" blank: not asked, not a finding.
        try Self.edit(project.appendingPathComponent("Input/mau-2024-918-binh-thuy.xlsx"),
                      ["Q15": nil, "P17": nil, "O20": "Không", "P20": nil])
        let result = try Run.run(Run.binary, ["run", "--date", "2024-12-05"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")  // the sample's own errors are still there
        let out = project.appendingPathComponent("Output/2024")

        let issues = try String(contentsOf: out.appendingPathComponent("issues.csv"), encoding: .utf8)
        let blanks = issues.split(whereSeparator: \.isNewline).filter { $0.contains("chưa có số liệu (không tính là 0)") && $0.hasPrefix("warning,") }
        #expect(blanks.count == 2, "\(blanks)")
        #expect(blanks.contains { $0.hasPrefix("warning,mau-2024-918-binh-thuy.xlsx,Cấp xã,Q15,31169,ld_tong,") && $0.contains("Phường Trà An")
            && $0.contains("2 chỉ tiêu") })
        #expect(blanks.contains { $0.hasPrefix("warning,mau-2024-918-binh-thuy.xlsx,Cấp xã,P17,31174,tthtcd_cntt,")
            && $0.contains("Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin") })
        #expect(!issues.contains(",P20,"))

        // Exactness: Trà An is out of ld_cntt and ld_ky_nang, numerator and denominator both.
        let rows = try Run.csvRows(out.appendingPathComponent("indicators.csv"))
        for (indicator, part) in [("ld_cntt", 7_602), ("ld_ky_nang", 8_235)] {
            let was = try #require(Self.indicatorRow(old, unit: "918", indicator: indicator))
            let now = try #require(Self.indicatorRow(rows, unit: "918", indicator: indicator))
            #expect(now.n == was.n - part && now.d == was.d - 8_929, "\(indicator)")
        }
        #expect(rows.contains { $0.first == "31169" && $0[3] == "ld_cntt" && $0[4].isEmpty && $0[5].isEmpty })
        // Thới An Đông leaves the centres' denominator; Long Hòa, without a centre, is counted and gives 0/0.
        let was = try #require(Self.indicatorRow(old, unit: "918", indicator: "tthtcd_cntt"))
        let now = try #require(Self.indicatorRow(rows, unit: "918", indicator: "tthtcd_cntt"))
        #expect(now.n == was.n - 2 && now.d == was.d - 2)

        // What each indicator rests on, in report.json and in the page.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        let indicators = try #require(json?["indicators"] as? [[String: Any]])
        // The city's row (the first of each indicator's results): basis is [counted, expected, missing].
        func basis(_ id: String) -> [Any]? {
            ((indicators.first { $0["id"] as? String == id }?["results"] as? [[Any]])?.first)?[8] as? [Any]
        }
        #expect(basis("ld_cntt")?[2] as? [String] == ["31169", "31277"])
        #expect(basis("ld_cntt")?[0] as? Int == 81 && basis("ld_cntt")?[1] as? Int == 83)
        #expect(basis("tthtcd_cntt")?[2] as? [String] == ["31174", "31277"])
        let html = try String(contentsOf: out.appendingPathComponent("bao-cao.html"), encoding: .utf8)
        #expect(html.contains("Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Phường Trà An, Xã Thới Xuân."))
        #expect(html.contains("Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Phường Thới An Đông, Xã Thới Xuân."))
    }
}
