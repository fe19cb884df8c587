import Foundation
import OfficeXML
@testable import XLSX

/// Builds small .xlsx files in memory for targeted tests: one or more sheets' XML, optional
/// shared strings, styles and workbook properties, zipped with OfficeXML's own ZipWriter.
struct TestWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var sheets: [(name: String, xml: String)] = []
    var sharedStrings: String?
    var styles: String?
    var workbookProperties = ""
    var extraEntries: [(String, [UInt8])] = []

    /// A worksheet from the content of `<sheetData>` (and anything after it, e.g. mergeCells).
    static func sheet(_ sheetData: String, after: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)" xmlns:r="\#(rel)"><sheetData>\#(sheetData)</sheetData>\#(after)</worksheet>"#
    }

    static func sst(_ items: [String]) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="\#(main)" count="\#(items.count)" uniqueCount="\#(items.count)">"# + items.map { "<si>\($0)</si>" }.joined() + "</sst>"
    }

    /// styles.xml with custom formats and one `<xf>` per numFmtId in `cellXfs`.
    static func styles(formats: [(Int, String)] = [], cellXfs: [Int]) -> String {
        let fmts = formats.map { #"<numFmt numFmtId="\#($0.0)" formatCode="\#(XMLEscaping.attribute($0.1))"/>"# }.joined()
        let xfs = cellXfs.map { #"<xf numFmtId="\#($0)" fontId="0" fillId="0" borderId="0" xfId="0"/>"# }.joined()
        return #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="\#(main)"><numFmts count="\#(formats.count)">\#(fmts)</numFmts><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs count="\#(cellXfs.count)">\#(xfs)</cellXfs></styleSheet>"#
    }

    func bytes() throws -> [UInt8] {
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#.utf8))
        zip.add("_rels/.rels", Array(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(Self.rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        var rels = ""
        var sheetList = ""
        for (i, sheet) in sheets.enumerated() {
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            sheetList += #"<sheet name="\#(XMLEscaping.attribute(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            zip.add("xl/worksheets/sheet\(i + 1).xml", Array(sheet.xml.utf8))
        }
        if let sharedStrings {
            rels += #"<Relationship Id="rIdS" Type="\#(Self.rel)/sharedStrings" Target="sharedStrings.xml"/>"#
            zip.add("xl/sharedStrings.xml", Array(sharedStrings.utf8))
        }
        if let styles {
            rels += #"<Relationship Id="rIdT" Type="\#(Self.rel)/styles" Target="styles.xml"/>"#
            zip.add("xl/styles.xml", Array(styles.utf8))
        }
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.rel)">\#(workbookProperties)<sheets>\#(sheetList)</sheets></workbook>"#.utf8))
        for (name, data) in extraEntries { zip.add(name, data) }
        return try zip.archiveBytes()
    }

    func open(name: String = "test.xlsx", limits: ContainerLimits = .default) throws -> Workbook {
        try Workbook(bytes: bytes(), name: name, limits: limits)
    }
}

/// Every cell of every worksheet, keyed by sheet name and A1 reference.
func readAll(_ book: Workbook) throws -> [String: [String: Cell]] {
    var out: [String: [String: Cell]] = [:]
    for sheet in book.sheets {
        var cells: [String: Cell] = [:]
        try book.forEachCell(in: sheet) { cells[$0.reference.a1] = $0 }
        out[sheet.name] = cells
    }
    return out
}

/// The fixtures folder, found from this file's path (no bundle needed).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }
}
