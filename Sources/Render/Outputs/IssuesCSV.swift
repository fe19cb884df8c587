import Core
import Foundation

/// `Output/<year>/issues.csv`: one row per finding, `severity,file,sheet,cell,unit,field,message`
/// (DESIGN.md), UTF-8 with a BOM so Excel opens the Vietnamese text right, errors first.
///
///     error,mau-2024-917-o-mon.xlsx,Cấp xã,H9,31157,dong_ho_dat,Số dòng họ đạt là số âm (-5)...
public enum IssuesCSV {
    public static let header = ["severity", "file", "sheet", "cell", "unit", "field", "message"]

    public static func render(_ issues: [Issue]) -> String {
        var out = ""
        rows(issues) { out += $0 }
        return out
    }

    /// Writes the file row by row (`AtomicFileStream`): every finding, in the same bytes as
    /// `render`, without the whole text in memory (200,000 findings are ~70 MB of text).
    @discardableResult
    public static func write(_ issues: [Issue], to url: URL) throws -> AtomicFileStream.Written {
        try AtomicFileStream.write(to: url) { out in
            var failure: Error? = nil
            rows(issues) { row in
                guard failure == nil else { return }
                do { try out.write(row) } catch { failure = error }
            }
            if let failure { throw failure }
        }
    }

    /// The BOM and header, then one row per finding in the report's order
    /// (`IssueOrder.less`), so the CSV and the page list findings alike.
    static func rows(_ issues: [Issue], _ emit: (String) -> Void) {
        // Sorting positions, not the issues: no copy of 200,000 findings.
        let order = issues.indices.sorted { IssueOrder.less(issues[$0], issues[$1]) }
        emit("\u{FEFF}" + CSVText.row(header))
        for i in order {
            let issue = issues[i]
            emit(CSVText.row([issue.severity.rawValue, issue.provenance.file, issue.provenance.sheet, issue.provenance.cell,
                              issue.unit, issue.field, issue.message]))
        }
    }
}

/// CSV text for spreadsheets: RFC 4180 quoting, and no cell that Excel or LibreOffice would
/// run as a formula (a value starting with = + - @, tab or carriage return gets a leading
/// single quote, the OWASP recommendation; numbers like "-5" stay numbers).
public enum CSVText {
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var text = value.precomposedStringWithCanonicalMapping
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
           Double(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
