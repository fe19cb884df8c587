import Testing
import OfficeXML
import XLSX

/// Inputs the fuzz targets found (Fuzz/, docs/fuzzing.md), kept so that they stay fixed.
@Suite struct FuzzRegressionTests {
    /// A package around one worksheet part, as the xhht-fuzz-sheetxml target builds it.
    static func workbook(sheetXML: String) throws -> [UInt8] {
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.utf8))
        zip.add("_rels/.rels", Array(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8))
        zip.add("xl/worksheets/sheet1.xml", Array(sheetXML.utf8))
        return try zip.archiveBytes()
    }

    /// Found by xhht-fuzz-sheetxml (2026-11-23, input 101ec6e7...): a worksheet that declares
    /// encoding="UTF-7" but holds UTF-8 bytes. libxml2 converts through iconv, the conversion
    /// fails, and libxml2 2.9 printed "encoding error : input conversion failed ..." and
    /// "xmlParseChunk: encoder error" straight to stderr (noise in cron logs), around the
    /// reader's own error. Now the generic error function is silenced (CLibXML2 shim) and the
    /// sheet fails with one `XLSXError`. (That nothing reaches stderr is checked by hand:
    /// `xhht cells` on this workbook prints only its own message.)
    @Test func undecodableDeclaredEncodingFailsWithOneError() throws {
        let bytes = try Self.workbook(sheetXML: """
            <?xml version="1.0" encoding="UTF-7"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cộng đồng</t></is></c></row></sheetData></worksheet>
            """)
        let book = try Workbook(bytes: bytes, name: "utf7.xlsx", limits: .default)
        #expect(book.sheets.map(\.name) == ["S"])
        let error = #expect(throws: XLSXError.self) {
            try book.forEachCell(in: book.sheets[0]) { _ in }
        }
        #expect(error?.file == "utf7.xlsx")
    }
}
