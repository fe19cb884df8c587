import Crypto
import Foundation
import Rollup
import Testing
@testable import Render

@Suite struct IssuesCSVTests {
    @Test func headerBomOrderAndQuoting() {
        let issues = [
            Issue(severity: .warning, rule: "r", provenance: Provenance(file: "b.xlsx", sheet: "Cấp xã", cell: "A10"), unit: "31117", field: "gia_dinh_dat", message: "cảnh báo, có dấu phẩy"),
            Issue(severity: .error, rule: "r", provenance: Provenance(file: "b.xlsx", sheet: "Cấp xã", cell: "B9"), message: "lỗi \"trích dẫn\""),
            Issue(severity: .error, rule: "r", provenance: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "C20"), message: "=HYPERLINK(\"x\")"),
            Issue(severity: .error, rule: "r", provenance: Provenance(file: "b.xlsx", sheet: "Cấp xã", cell: "C9"), message: "-5 âm"),
        ]
        let text = IssuesCSV.render(issues)
        #expect(text.hasPrefix("\u{FEFF}severity,file,sheet,cell,unit,field,message\r\n"))
        let lines = text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        // Errors first, then file, then row before column ("B9" < "C9" < "A10").
        #expect(lines[1].hasPrefix("error,a.xlsx,Cấp xã,C20,"))
        #expect(lines[2].hasPrefix("error,b.xlsx,Cấp xã,B9,"))
        #expect(lines[3].hasPrefix("error,b.xlsx,Cấp xã,C9,"))
        #expect(lines[4].hasPrefix("warning,b.xlsx,Cấp xã,A10,31117,gia_dinh_dat,"))
        #expect(lines[2].hasSuffix(",\"lỗi \"\"trích dẫn\"\"\""))
        #expect(lines[4].hasSuffix(",\"cảnh báo, có dấu phẩy\""))
        // Nothing becomes a formula in a spreadsheet.
        #expect(lines[1].hasSuffix(",\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(lines[3].hasSuffix(",'-5 âm"))
    }

    /// issues.csv lists findings in the report's order, ties on one cell included.
    @Test func theOrderIsTheReports() {
        var issues: [Rollup.Issue] = []
        for (i, unit) in ["31120", "31117", ""].enumerated() {
            for field in ["b", "a"] {
                issues.append(Issue(severity: i == 2 ? .warning : .error, rule: "unit-missing", provenance: Provenance(file: "a.xlsx", sheet: "Cấp xã"),
                                    unit: unit, field: field, message: "m \(9 - i) \(field == "a" ? "z" : "y")"))  // message order opposes unit and field order
            }
        }
        issues.append(Issue(severity: .error, rule: "r", provenance: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "A2"), message: "x"))
        let lines = IssuesCSV.render(issues.reversed()).dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        let expected = issues.sorted(by: ReportModelBuilder.issueLess).map { "\($0.unit),\($0.field),\($0.message)" }
        #expect(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(3).joined(separator: ",") } == expected)
        #expect(lines.first?.hasPrefix("error,a.xlsx,Cấp xã,,31117,a,") == true)
    }

    @Test func numbersStayNumbersAndTextIsNFC() {
        #expect(CSVText.field("-5") == "-5")
        let nfd = "Cấp xã".decomposedStringWithCanonicalMapping
        #expect(CSVText.field(nfd) == "Cấp xã".precomposedStringWithCanonicalMapping)
    }
}

/// issues.csv is streamed to disk (`IssuesCSV.write`): the same bytes as `render`, every
/// finding, and a second write of the same findings touches nothing.
@Suite struct IssuesCSVStreamTests {
    static func issues(_ count: Int) -> [Rollup.Issue] {
        (0..<count).map { i in
            Issue(severity: i % 3 == 0 ? .warning : .error, rule: "unit-unknown",
                  provenance: Provenance(file: "huyen-\(i % 7).xlsx", sheet: "Cấp xã", cell: "C\(count - i)"), unit: "Rác \(i)",
                  message: "Ô C\(count - i): không tìm thấy đơn vị \"Rác \(i)\", có dấu phẩy, và \"ngoặc kép\".")
        }
    }

    @Test func streamedFileHasRendersBytesAndEveryRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-issues-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("issues.csv")
        // Far more than the stream's buffer (64 KiB): ~1.3 MB of rows.
        let issues = Self.issues(10_000)
        let expected = Array(IssuesCSV.render(issues).utf8)
        let first = try IssuesCSV.write(issues, to: url)
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes == expected)
        #expect(first.changed && first.bytes == expected.count && first.sha256 == SHA256.hex(expected))
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 10_001)

        let old = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
        let again = try IssuesCSV.write(issues, to: url)
        #expect(!again.changed && again.sha256 == first.sha256)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date == old)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["issues.csv"])

        // One finding fewer: same size class, different bytes, rewritten.
        let third = try IssuesCSV.write(Array(issues.dropLast()), to: url)
        #expect(third.changed && third.bytes < first.bytes)
        #expect(try [UInt8](Data(contentsOf: url)) == Array(IssuesCSV.render(Array(issues.dropLast())).utf8))
    }
}
