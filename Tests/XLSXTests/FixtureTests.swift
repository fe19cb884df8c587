import Foundation
import Testing
@testable import XLSX

/// Real workbooks from the corpus, read and compared with the cells two independent readers
/// agree on (Fixtures/expected).
@Suite("Real workbooks")
struct FixtureTests {
    /// `type|value` in the corpus's canonical form.
    static func canonical(_ value: CellValue) -> String? {
        switch value {
        case .number(let n): return "number|" + String(format: "%.12g", n)
        case .string(let s): return s.isEmpty ? nil : "string|" + s
        case .bool(let b): return "bool|\(b)"
        case .date(let d): return "date|" + d.iso
        case .error(let e): return "error|" + e
        case .empty: return nil
        }
    }

    static func expected(_ name: String) throws -> [String: String] {
        let text = try String(contentsOfFile: Fixtures.path("expected/\(name).jsonl"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], o["kind"] as? String == "cell",
                  let sheet = o["sheet"] as? String, let ref = o["ref"] as? String, let type = o["type"] as? String else { continue }
            let value: String
            switch type {
            case "number": value = String(format: "%.12g", (o["value"] as? NSNumber)?.doubleValue ?? .nan)
            case "bool": value = "\((o["value"] as? Bool) ?? false)"
            default: value = "\(o["value"] ?? "")"
            }
            out["\(sheet)!\(ref)"] = "\(type)|\(value)"
        }
        return out
    }

    static func read(_ path: String) throws -> [String: String] {
        let book = try Workbook(path: Fixtures.path(path))
        var out: [String: String] = [:]
        for sheet in book.sheets {
            try book.forEachCell(in: sheet) { cell in
                if let c = canonical(cell.value) { out["\(sheet.name)!\(cell.reference.a1)"] = c }
            }
        }
        return out
    }

    @Test("Agrees with the oracles on every expected cell", arguments: [
        "calamine/date.xlsx", "calamine/date_1904.xlsx", "calamine/rph.xlsx",
        "calamine/richtext-namespaced.xlsx", "calamine/merged_range.xlsx", "calamine/issue_261.xlsx",
        "calamine/strict_iso_paths.xlsx", "calamine/minimal_package.xlsx", "SheetJS/sheet_visibility.xlsx", "SheetJS/phonetic_text.xlsx",
    ])
    func agrees(path: String) throws {
        let expected = try Self.expected(path.replacingOccurrences(of: "/", with: "-"))
        #expect(!expected.isEmpty)
        let got = try Self.read(path)
        for (key, value) in expected {
            #expect(got[key] == value, "\(path) \(key)")
        }
    }

    @Test func isoDateCellsAreDatesAsExcelShowsThem() throws {
        // SheetJS's t="d" cell: calamine hands out the text, Excel shows a date (docs/xlsx-reader.md).
        let got = try Self.read("SheetJS/xlsx-stream-d-date-cell.xlsx")
        #expect(got["Sheet1!B5"] == "date|2014-02-14T08:27:48.765")
        let expected = try Self.expected("SheetJS-xlsx-stream-d-date-cell.xlsx")
        for (key, value) in expected where key != "Sheet1!B5" {
            #expect(got[key] == value, "\(key)")
        }
    }

    @Test func errorsAreKeptAsErrors() throws {
        let got = try Self.read("calamine/errors.xlsx")
        // python-calamine drops error cells, so the corpus cannot check these: the file's own <v> texts.
        let expected = ["A1": "#DIV/0!", "A2": "#NAME?", "A3": "#VALUE!", "A4": "#NULL!", "A5": "#REF!", "A6": "#NUM!", "A7": "#N/A"]
        for (ref, text) in expected {
            #expect(got["Feuil1!\(ref)"] == "error|\(text)")
        }
    }

    @Test func carriageReturnEscapesInInlineStrings() throws {
        // The oracles disagree here (one keeps "_x000D_"), so the corpus cannot score it: Excel decodes it.
        let got = try Self.read("calamine/has_x000D_inline.xlsx")
        #expect(got["Sheet1!A1"] == "string|ABC\r\nDEF")
    }

    @Test func sheetVisibility() throws {
        let book = try Workbook(path: Fixtures.path("SheetJS/sheet_visibility.xlsx"))
        #expect(book.sheets.map(\.visibility) == [.visible, .hidden, .veryHidden])
    }

    @Test func mergedRangesAreReported() throws {
        let book = try Workbook(path: Fixtures.path("calamine/merged_range.xlsx"))
        let meta = try book.forEachCell(in: book.sheets[0]) { _ in }
        #expect(!meta.mergedRanges.isEmpty)
        #expect(meta.mergedRanges.allSatisfy { $0.first <= $0.last })
    }

    @Test func passwordProtectedWorkbookIsNamed() throws {
        let error = try #require(throws: XLSXError.self) { try Workbook(path: Fixtures.path("calamine/pass_protected.xlsx")) }
        #expect(error.kind == .passwordProtected)
        #expect(error.description.contains("pass_protected.xlsx"))
        #expect(error.description.contains("password"))
    }
}
