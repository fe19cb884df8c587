import Testing
@testable import OfficeXML

@Suite("Part names")
struct PartNameTests {
    @Test func normalizes() {
        #expect(PartName.normalize("\\xl\\Worksheets\\Sheet1.xml") == "xl/Worksheets/Sheet1.xml")
        #expect(PartName.normalize("/xl//./workbook.xml") == "xl/workbook.xml")
        #expect(PartName.normalize("../evil.xml") == nil)
        #expect(PartName.normalize("xl/../../evil.xml") == nil)
        #expect(PartName.normalize("C:/Windows/evil.xml") == nil)
        #expect(PartName.key("XL/Workbook.XML") == "xl/workbook.xml")
    }

    @Test func resolvesTargets() {
        #expect(PartName.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(PartName.resolve("/xl/worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
        #expect(PartName.resolve("..\\media\\a.png", from: "xl/worksheets") == "xl/media/a.png")
        #expect(PartName.resolve("./sheet1.xml#frag", from: "xl") == "xl/sheet1.xml")
        #expect(PartName.resolve("../../../etc/passwd", from: "xl") == nil)
    }

    @Test func relationshipsParts() {
        #expect(PartName.relationships(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(PartName.relationships(of: "workbook.xml") == "_rels/workbook.xml.rels")
        #expect(PartName.folder(of: "xl/worksheets/sheet1.xml") == "xl/worksheets")
    }
}
