import Foundation
import Testing
@testable import Render
import Rollup

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
