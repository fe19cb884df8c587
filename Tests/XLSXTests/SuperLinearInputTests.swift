import Testing
import OfficeXML
@testable import XLSX

/// Hostile inputs that were super-linear (issue 14: a hang on one file of 1,208). Each of
/// these took minutes to hours before its fix (the test would hang, never pass); each is
/// linear now. No timings are asserted: the work they would have done is the test.
@Suite("Inputs that were super-linear")
struct SuperLinearInputTests {
    /// 30,000 sheets and 30,000 relationships: every sheet looked up its relationship by
    /// scanning all of them (4.5e8 string comparisons).
    @Test func thirtyThousandSheetsFindTheirRelationshipsByIndex() throws {
        let n = 30_000
        var list = ""
        var rels = ""
        for i in 1...n {
            list += #"<sheet name="S\#(i)" sheetId="\#(i)" r:id="rId\#(i)"/>"#
            rels += #"<Relationship Id="rId\#(i)" Type="\#(TestWorkbook.rel)/worksheet" Target="worksheets/sheet1.xml"/>"#
        }
        let zip = ZipWriter()
        zip.add("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(TestWorkbook.rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns="\#(TestWorkbook.main)" xmlns:r="\#(TestWorkbook.rel)"><sheets>\#(list)</sheets></workbook>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#.utf8))
        zip.add("xl/worksheets/sheet1.xml", Array(TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#).utf8))
        let book = try Workbook(bytes: try zip.archiveBytes(), name: "many.xlsx")
        #expect(book.sheets.count == n)
        #expect(book.sheets.allSatisfy { $0.part == "xl/worksheets/sheet1.xml" })
        #expect(book.repairs.isEmpty)
    }

    /// 200,000 cell formats naming one 64 KB custom format code: the code was classified
    /// once per format (1.3e10 character steps).
    @Test func manyFormatsSharingOneLongCodeAreClassifiedOnce() throws {
        let code = String(repeating: "0", count: 65_536) + "dd/mm/yyyy"
        let xfs = String(repeating: #"<xf numFmtId="164"/>"#, count: 200_000)
        let xml = #"<styleSheet xmlns="\#(TestWorkbook.main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="\#(code)"/></numFmts><cellXfs>\#(xfs)</cellXfs></styleSheet>"#
        let table = try StyleTable.parse(Array(xml.utf8), file: "s.xlsx", part: "xl/styles.xml")
        #expect(table.kinds.count == 200_000)
        #expect(table.kind(ofStyle: 199_999) == .date)
    }
}

/// Relationship targets as odd writers spell them; each resolves to its part.
@Suite("Odd part names")
struct OddPartNameTests {
    @Test func absoluteBackslashedCaseMismatchedAndClimbingTargetsResolve() throws {
        let targets = ["/XL/Worksheets/Sheet1.xml", #"worksheets\sheet2.xml"#, "../xl/worksheets/sheet3.xml", "worksheets/sheet1.xml"]
        var list = ""
        var rels = ""
        for (i, target) in targets.enumerated() {
            list += #"<sheet name="S\#(i + 1)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(TestWorkbook.rel)/worksheet" Target="\#(target)"/>"#
        }
        let zip = ZipWriter()
        zip.add("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(TestWorkbook.rel)/officeDocument" Target="/xl/workbook.xml"/></Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns="\#(TestWorkbook.main)" xmlns:r="\#(TestWorkbook.rel)"><sheets>\#(list)</sheets></workbook>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#.utf8))
        for i in 1...3 {
            zip.add("xl/worksheets/sheet\(i).xml", Array(TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>\#(i)</v></c></row>"#).utf8))
        }
        let book = try Workbook(bytes: try zip.archiveBytes(), name: "odd.xlsx")
        let cells = try readAll(book)
        #expect(book.repairs.isEmpty)
        #expect(cells["S1"]?["A1"]?.value == .number(1))
        #expect(cells["S2"]?["A1"]?.value == .number(2))
        #expect(cells["S3"]?["A1"]?.value == .number(3))
        #expect(cells["S4"]?["A1"]?.value == .number(1))  // two sheets on one part: both read
    }
}
