import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

/// Column loops (one column per indicator), the row a table keeps for an empty list, and the
/// bookmarks of a paragraph replaced by a section tag.
@Suite("Word templates: column loops, empty tables, kept bookmarks")
struct TableLoopTests {
    func render(_ context: Any, _ body: (inout XMLWriter) -> Void) throws -> WordReader {
        let template = try WordTemplate(bytes: try WordFixture.docx(body), name: "mau.docx")
        return try WordReader(try template.render(context))
    }

    static var matrix: [String: Any] { [
        "columns": [["so": "1"], ["so": "2"], ["so": "3"]],
        "rows": [
            ["ten": "Xã A", "cells": [["t": "10,00%"], ["t": "20,00%"], ["t": "30,00%"]]],
            ["ten": "Xã B", "cells": [["t": "40,00%"], ["t": ""], ["t": "60,00%"]]],
        ],
    ] }

    /// | Đơn vị | {{#columns}} | ({{so}}) | {{/columns}} |  over a row loop of the same shape.
    static func matrixTable(_ w: inout XMLWriter) {
        w.table([
            [["Đơn vị"], ["{{#columns}}"], ["({{so}})"], ["{{/columns}}"]],
            [["{{#rows}}{{ten}}"], ["{{#cells}}"], ["{{t}}"], ["{{/cells}}{{/rows}}"]],
        ])
    }

    @Test func aColumnLoopRepeatsTheCellsBetweenTwoTagCells() throws {
        let out = try render(Self.matrix, Self.matrixTable)
        #expect(try out.rows() == [["Đơn vị", "(1)", "(2)", "(3)"], ["Xã A", "10,00%", "20,00%", "30,00%"], ["Xã B", "40,00%", "", "60,00%"]])
    }

    @Test func theGridHasOneColumnPerCell() throws {
        let out = try render(Self.matrix, Self.matrixTable)
        let events = try out.events()
        let gridColumns = events.filter { if case .start(let s) = $0 { s.localName == "gridCol" } else { false } }.count
        #expect(gridColumns == 4)
        let none = try render(["columns": [[String: String]](), "rows": [["ten": "Xã A", "cells": [[String: String]]()]]], Self.matrixTable)
        #expect(try none.rows() == [["Đơn vị"], ["Xã A"]])
        let noneColumns = try none.events().filter { if case .start(let s) = $0 { s.localName == "gridCol" } else { false } }.count
        #expect(noneColumns == 1)
    }

    @Test func aTagCellWithTextIsARowLoopAsBefore() throws {
        // "{{#x}}" beside text in its cell: the row rule, not a column loop.
        let out = try render(["x": [["a": "1"], ["a": "2"]]]) { w in
            w.table([[["{{#x}}Số"], ["{{a}}"], ["{{/x}}"]]])
        }
        #expect(try out.rows() == [["Số", "1", ""], ["Số", "2", ""]])
    }

    @Test func aTableWhoseOnlyRowIsALoopKeepsAnEmptyRowForAnEmptyList() throws {
        func body(_ w: inout XMLWriter) {
            w.table([[["{{#huyen}}{{ten}}"], ["{{ty_le}}{{/huyen}}"]]])
        }
        let empty = try render(["huyen": [[String: String]]()], body)
        #expect(try empty.rows() == [["", ""]])
        let two = try render(["huyen": [["ten": "A", "ty_le": "1/2"], ["ten": "B", "ty_le": "3/4"]]], body)
        #expect(try two.rows() == [["A", "1/2"], ["B", "3/4"]])
        // With a header row the table has a row anyway: no empty row is added.
        let headed = try render(["huyen": [[String: String]]()]) { w in
            w.table([[["Huyện"], ["Tỷ lệ"]], [["{{#huyen}}{{ten}}"], ["{{ty_le}}{{/huyen}}"]]])
        }
        #expect(try headed.rows() == [["Huyện", "Tỷ lệ"]])
    }

    @Test func aBookmarkInAParagraphReplacedByASectionTagIsKept() throws {
        let out = try render(["huyen": [["ten": "A"], ["ten": "B"]]]) { w in
            w.paragraph { w in w.bookmark(start: 7, name: "phu_luc"); w.run("{{#huyen}}") }
            w.paragraph { w in w.run("{{ten}}") }
            w.paragraph { w in w.run("{{/huyen}}"); w.bookmark(end: 7) }
        }
        #expect(try out.paragraphs() == ["A", "B"])
        let xml = try out.xml()
        // Once each, outside the repeated paragraphs.
        #expect(xml.components(separatedBy: "<w:bookmarkStart w:id=\"7\" w:name=\"phu_luc\"/>").count == 2)
        #expect(xml.components(separatedBy: "<w:bookmarkEnd w:id=\"7\"/>").count == 2)
        let start = try #require(xml.range(of: "phu_luc")), end = try #require(xml.range(of: "<w:bookmarkEnd"))
        let a = try #require(xml.range(of: ">A<")), b = try #require(xml.range(of: ">B<"))
        #expect(start.lowerBound < a.lowerBound && b.upperBound < end.lowerBound)
    }

    /// The ISO/IEC 29500 Transitional schemas: the column loop's grid, the empty table's row,
    /// the bookmarks at body level.
    @Test(.enabled(if: Tools.hasValidator, "skipped: needs \(Tools.validator) with unzip, xmllint and xsltproc (apt-get install unzip libxml2-utils xsltproc)"))
    func theOutputsValidate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tableloops-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = try WordTemplate(bytes: try WordFixture.docx { w in
            w.paragraph { w in w.bookmark(start: 1, name: "dau"); w.run("{{#rows}}") }
            w.paragraph { w in w.run("{{ten}}") }
            w.paragraph { w in w.run("{{/rows}}"); w.bookmark(end: 1) }
            Self.matrixTable(&w)
            w.table([[["{{#rows}}{{ten}}"], ["{{/rows}}"]]])
        }, name: "mau.docx")
        for (name, context) in [("full", Self.matrix), ("empty", ["columns": [[String: String]](), "rows": [[String: Any]]()] as [String: Any])] {
            let path = folder.appendingPathComponent("\(name).docx").path
            try template.write(context, to: path)
            let result = try Tools.validate(path)
            #expect(result.ok, "\(name): \(result.output)")
            #expect(result.output.contains("OK   word/document.xml"), "\(name): \(result.output)")
        }
    }
}
