import Testing
import OfficeXML
@testable import XLSX

@Suite("Reading cells")
struct CellReadingTests {
    /// From a real file with 54,976 cells like these: Excel shows 16:00, not 15:59:59.
    @Test func isoDateCellsRoundToTheMillisecond() throws {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1" t="d"><v>2014-01-16T15:59:59.99999979</v></c><c r="B1" t="d"><v>2014-12-31T23:59:59.9999+07:00</v></c><c r="C1" t="d"><v>không phải ngày</v></c></row>"#))]
        let cells = try readAll(book.open())["S"]!
        #expect(cells["A1"]?.value == .date(ExcelDateTime(year: 2014, month: 1, day: 16, hour: 16)))
        #expect(cells["B1"]?.value == .date(ExcelDateTime(year: 2015, month: 1, day: 1)))
        #expect(cells["C1"]?.value == .string("không phải ngày"))
    }

    @Test func valueTypes() throws {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>Tên đơn vị</t>", "<r><t xml:space=\"preserve\">Cộng đồng </t></r><r><rPr><b/></rPr><t>học tập</t></r>",
                                                "<t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh><phoneticPr fontId=\"1\"/>",
                                                "<t>a_x000D_b_x005F_x0041_</t>", "<t xml:space=\"preserve\">  giữ  </t>", "<t>  bỏ  </t>"])
        book.sheets = [("Cấp xã", TestWorkbook.sheet(#"""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; &lt;b&gt;</t></is></c><c r="B2" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c>
              <c r="C2" t="str"><f>A1&amp;"x"</f><v>Tên đơn vịx</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c><c r="F2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            <row r="3"><c r="A3"><v>12</v></c><c r="B3"><v>-0.5</v></c><c r="C3"><v>1.23456789e+22</v></c><c r="D3"><f>SUM(A3:C3)</f><v>11.5</v></c><c r="E3"><f>SUM(A1:A2)</f></c><c r="F3" s="0"/><c r="G3" t="d"><v>2024-11-30T07:30:00Z</v></c></row>
            """#))]
        let cells = try readAll(book.open())["Cấp xã"]!
        #expect(cells["A1"]?.value == .string("Tên đơn vị"))
        #expect(cells["B1"]?.value == .string("Cộng đồng học tập"))          // rich-text runs joined
        #expect(cells["C1"]?.value == .string("漢字"))                        // phonetic run ignored
        #expect(cells["D1"]?.value == .string("a\rb_x0041_"))                 // _xHHHH_ escapes
        #expect(cells["E1"]?.value == .string("  giữ  "))                    // xml:space="preserve"
        #expect(cells["F1"]?.value == .string("bỏ"))                          // trimmed without it
        #expect(cells["A2"]?.value == .string("inline & <b>"))
        #expect(cells["B2"]?.value == .string("rich"))
        #expect(cells["C2"]?.value == .string("Tên đơn vịx"))
        #expect(cells["C2"]?.hasFormula == true)
        #expect(cells["D2"]?.value == .bool(true))
        #expect(cells["E2"]?.value == .bool(false))
        #expect(cells["F2"]?.value == .error("#DIV/0!"))
        #expect(cells["A3"]?.value == .number(12))
        #expect(cells["B3"]?.value == .number(-0.5))
        #expect(cells["C3"]?.value == .number(1.23456789e22))
        #expect(cells["D3"] == Cell(reference: CellReference("D3")!, value: .number(11.5), hasFormula: true))
        // A formula saved without its result is present and empty, never zero.
        #expect(cells["E3"] == Cell(reference: CellReference("E3")!, value: .empty, hasFormula: true))
        #expect(cells["F3"] == nil)                                           // a blank styled cell
        #expect(cells["G3"]?.value == .date(ExcelDateTime(year: 2024, month: 11, day: 30, hour: 7, minute: 30)))
    }

    @Test func rowsAndCellsWithoutReferencesAndOutOfOrder() throws {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet("""
            <row><c><v>1</v></c><c><v>2</v></c></row>
            <row><c r="C2"><v>3</v></c><c><v>4</v></c></row>
            <row r="10"><c><v>5</v></c></row>
            <row r="5"><c r="B5"><v>6</v></c></row>
            <row><c><v>7</v></c></row>
            """))]
        var order: [String] = []
        let b = try book.open()
        try b.forEachCell(in: b.sheets[0]) { order.append("\($0.reference.a1)=\($0.value)") }
        #expect(order == ["A1=number(1.0)", "B1=number(2.0)", "C2=number(3.0)", "D2=number(4.0)", "A10=number(5.0)",
                          "B5=number(6.0)", "A6=number(7.0)"])
    }

    @Test func prefixedNamespacesStrictAndLyingDimension() throws {
        var book = TestWorkbook()
        let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        book.sheets = [("S", #"<x:worksheet xmlns:x="\#(strict)"><x:dimension ref="A1:A1"/><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row><x:row r="70000"><x:c r="ZZ70000"><x:v>42</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C2"/></x:mergeCells></x:worksheet>"#)]
        let b = try book.open()
        var cells: [String: CellValue] = [:]
        let meta = try b.forEachCell(in: b.sheets[0]) { cells[$0.reference.a1] = $0.value }
        #expect(cells == ["A1": .string("x"), "ZZ70000": .number(42)])
        #expect(meta.mergedRanges == [MergedRange("A1:C2")!])
        #expect(meta.declaredDimension == "A1:A1")
    }

    @Test func sheetsInWorkbookOrderWithVisibilityAndKinds() throws {
        var book = TestWorkbook()
        book.sheets = [("Cấp xã", TestWorkbook.sheet("")), ("Cấp huyện", TestWorkbook.sheet(""))]
        let b = try book.open()
        #expect(b.sheets.map(\.name) == ["Cấp xã", "Cấp huyện"])
        #expect(b.sheets.map(\.index) == [0, 1])
        #expect(b.sheets.allSatisfy { $0.kind == .worksheet && $0.visibility == .visible })
    }

    @Test func callerErrorsStopTheReadAndComeBackUnchanged() throws {
        struct Stop: Error {}
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet((1...5000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()))]
        let b = try book.open()
        var seen = 0
        #expect(throws: Stop.self) {
            try b.forEachCell(in: b.sheets[0]) { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            }
        }
        #expect(seen == 10)
    }

    /// Excel and LibreOffice repair such a file and show the cell empty: so does the reader,
    /// and it says so (more cases in RepairTests).
    @Test func sharedStringIndexOutOfRangeReadsAsEmptyWithARepair() throws {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>a</t>"])
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="B4" t="s"><v>7</v></c></row>"#))]
        let b = try book.open(name: "huyen.xlsx")
        var count = 0
        let meta = try b.forEachCell(in: b.sheets[0]) { _ in count += 1 }
        #expect(count == 0)
        #expect(meta.repairs.first?.kind == .sharedStringOutOfRange)
        #expect(meta.repairs.first?.firstCell == "B4")
        #expect(meta.repairs.first?.description.contains("huyen.xlsx") == true)
    }

    @Test func aMegabyteSharedStringReferencedByAHundredThousandCells() throws {
        let big = String(repeating: "Xã hội học tập.", count: 1_000_000 / 20)
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>\(big)</t>"])
        var rows = ""
        rows.reserveCapacity(100_000 * 40)
        for r in 1...10_000 {
            rows += "<row r=\"\(r)\">"
            for c in 0..<10 { rows += "<c r=\"\(CellReference.columnLetters(c + 1))\(r)\" t=\"s\"><v>0</v></c>" }
            rows += "</row>"
        }
        book.sheets = [("S", TestWorkbook.sheet(rows))]
        // 100 GB of text: far past the default `maxSheetText` (the shared-string bomb, see
        // SheetTextLimitTests); a caller who lifts the limit gets every cell, by reference.
        var limits = ContainerLimits.default
        limits.maxSheetText = .max
        let b = try book.open(limits: limits)
        var count = 0
        var allSame = true
        try b.forEachCell(in: b.sheets[0]) { cell in
            count += 1
            // The same storage every time: a retain, not a 1 MB copy per cell.
            if case .string(let s) = cell.value { allSame = allSame && s.utf8.count == big.utf8.count } else { allSame = false }
        }
        #expect(count == 100_000)
        #expect(allSame)
    }
}
