import Foundation
import Rollup

/// `Output/<year>/issues.csv`: one row per finding, `severity,file,sheet,cell,unit,field,message`
/// (DESIGN.md), UTF-8 with a BOM so Excel opens the Vietnamese text right, errors first.
///
///     error,mau-2024-917-o-mon.xlsx,Cấp xã,H9,31157,dong_ho_dat,Số dòng họ đạt là số âm (-5)...
public enum IssuesCSV {
    public static let header = ["severity", "file", "sheet", "cell", "unit", "field", "message"]

    public static func render(_ issues: [Issue]) -> String {
        let sorted = QualityOrder.sorted(issues)
        var out = "\u{FEFF}" + CSVText.row(header)
        for issue in sorted {
            out += CSVText.row([issue.severity.rawValue, issue.provenance.file, issue.provenance.sheet, issue.provenance.cell,
                                issue.unit, issue.field, issue.message])
        }
        return out
    }
}

/// The one order of findings for every output: errors first, then by file, sheet, row, column.
public enum QualityOrder {
    public static func sorted(_ issues: [Issue]) -> [Issue] {
        issues.sorted { a, b in
            let ka = (a.severity, a.provenance.file, a.provenance.sheet, cellKey(a.provenance.cell), a.rule, a.message)
            let kb = (b.severity, b.provenance.file, b.provenance.sheet, cellKey(b.provenance.cell), b.rule, b.message)
            if ka.0 != kb.0 { return ka.0 < kb.0 }
            if ka.1 != kb.1 { return Array(ka.1.utf8).lexicographicallyPrecedes(Array(kb.1.utf8)) }
            if ka.2 != kb.2 { return Array(ka.2.utf8).lexicographicallyPrecedes(Array(kb.2.utf8)) }
            if ka.3 != kb.3 { return ka.3.lexicographicallyPrecedes(kb.3) }
            if ka.4 != kb.4 { return ka.4 < kb.4 }
            return Array(ka.5.utf8).lexicographicallyPrecedes(Array(kb.5.utf8))
        }
    }

    /// "B9" before "A10": row first, then column; "" first.
    static func cellKey(_ a1: String) -> [Int] {
        let letters = a1.prefix { $0.isASCII && $0.isLetter }
        let row = Int(a1.dropFirst(letters.count)) ?? 0
        let column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return [row, column]
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
