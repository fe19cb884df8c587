import Foundation

/// A workbook to write (.xlsx): sheets of numbers and texts with number formats and column
/// widths, as small as Excel, LibreOffice and openpyxl read without complaint. The embedded
/// table behind a Word chart is one; issue 18's input forms will be others.
///
///     let workbook = SpreadsheetWorkbook(sheets: [SpreadsheetSheet(name: "Sheet1", rows: [
///         [.text("Đơn vị", bold: true), .text("Tỷ lệ", bold: true)],
///         [.text("Quận Ninh Kiều"), .number(0.5556, format: .percent2)]])])
///     let bytes = try workbook.archiveBytes()        // or try workbook.write(to: path)
///
/// - Texts are shared strings (`t="s"`), in NFC, XML-escaped, with the characters XML forbids
///   dropped (`XMLWriter`). There is no formula cell: no text can become a formula.
/// - Deterministic: the same sheets give the same bytes (parts in a fixed order through
///   `ZipWriter`: fixed dates and compression; strings and styles numbered in the order met).
/// - Sheet names are made safe (`SpreadsheetSheet.safeName`) and unique (" (2)" appended to a
///   repeated name), since Excel refuses a workbook otherwise.
public struct SpreadsheetWorkbook: Sendable, Hashable {
    public var sheets: [SpreadsheetSheet]

    public init(sheets: [SpreadsheetSheet]) {
        self.sheets = sheets
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The .xlsx's bytes.
    /// - Throws: `ContainerError` if libzip cannot build the archive in memory.
    public func archiveBytes() throws -> [UInt8] {
        let sheets = self.sheets.isEmpty ? [SpreadsheetSheet(name: "Sheet1")] : self.sheets
        var strings = SharedStrings()
        var styles = SpreadsheetStyles()
        let sheetParts = sheets.map { Self.worksheet($0, strings: &strings, styles: &styles) }

        let zip = ZipWriter()
        zip.add("[Content_Types].xml", Self.contentTypes(sheetCount: sheets.count))
        zip.add("_rels/.rels", Self.relationshipsPart([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]))
        let names = Self.uniqueNames(sheets.map(\.name))
        zip.add("xl/workbook.xml", Self.workbookPart(names: names, printTitles: sheets.map { $0.printSetup?.repeatedRows }))
        var rels = sheets.indices.map { ("rId\($0 + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet\($0 + 1).xml") }
        rels.append(("rId\(sheets.count + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"))
        rels.append(("rId\(sheets.count + 2)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings", "sharedStrings.xml"))
        zip.add("xl/_rels/workbook.xml.rels", Self.relationshipsPart(rels))
        // A sheet of more than a megabyte of XML (a national summary's communes) is deflated at
        // level 1: four times faster, a third larger; smaller sheets keep level 6 and their bytes.
        for (i, part) in sheetParts.enumerated() {
            zip.add("xl/worksheets/sheet\(i + 1).xml", part, compression: part.count > Self.fastDeflateAbove ? .fastDeflate : .deflate)
        }
        zip.add("xl/styles.xml", styles.part(mainNamespace: Self.main))
        zip.add("xl/sharedStrings.xml", strings.part(mainNamespace: Self.main))
        return try zip.archiveBytes()
    }

    /// Writes the workbook to `path` atomically (`AtomicWrite`); a file already holding these
    /// bytes is left alone.
    /// - Returns: true when the file was created or changed.
    @discardableResult
    public func write(to path: String) throws -> Bool {
        try AtomicWrite.replace(path, with: try archiveBytes())
    }

    /// Sheet parts larger than this many bytes are deflated at level 1 (`ZipWriter.Compression.fastDeflate`).
    static let fastDeflateAbove = 1 << 20

    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { name in
            var candidate = name
            var n = 2
            while seen.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            seen.insert(candidate.lowercased())
            return candidate
        }
    }

    static func worksheet(_ sheet: SpreadsheetSheet, strings: inout SharedStrings, styles: inout SpreadsheetStyles) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("worksheet", attributes: [("xmlns", main), ("xmlns:r", relationships)])
        if sheet.printSetup?.fitToWidth == true {
            w.start("sheetPr")
            w.element("pageSetUpPr", attributes: [("fitToPage", "1")])
            w.end("sheetPr")
        }
        let width = sheet.rows.map(\.count).max() ?? 0
        if width > 0 {
            let last = SpreadsheetSheet.cellName(row: sheet.rows.count, column: width - 1)
            w.element("dimension", attributes: [("ref", "A1:" + last)])
        }
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            frozenPane(sheet, into: &w)
        }
        let widths = sheet.columnWidths.enumerated().compactMap { i, w in w.map { (i, $0) } }
        if !widths.isEmpty {
            w.start("cols")
            for (column, chars) in widths {
                w.element("col", attributes: [("min", String(column + 1)), ("max", String(column + 1)),
                                              ("width", SpreadsheetCell.xmlNumber(chars) ?? "10"), ("customWidth", "1")])
            }
            w.end("cols")
        }
        w.start("sheetData")
        // A national summary sheet has 800,000 cells: each is written as bytes straight into a
        // row buffer (its reference, style and value are ASCII that needs no escaping), the same
        // bytes XMLWriter's start/element/end would write, without their attribute arrays.
        let columnNames = (0..<width).map { Array(SpreadsheetSheet.columnName($0).utf8) }
        var cells: [UInt8] = []
        for (r, row) in sheet.rows.enumerated() where row.contains(where: { $0 != nil }) {
            var rowAttributes = [("r", String(r + 1))]
            if let height = sheet.rowHeights[r + 1], let points = SpreadsheetCell.xmlNumber(height) {
                rowAttributes += [("ht", points), ("customHeight", "1")]
            }
            w.start("row", attributes: rowAttributes)
            let rowNumber = Array(String(r + 1).utf8)
            cells.removeAll(keepingCapacity: true)
            for (c, cell) in row.enumerated() {
                guard let cell else { continue }
                cells.append(contentsOf: #"<c r=""#.utf8)
                cells.append(contentsOf: columnNames[c])
                cells.append(contentsOf: rowNumber)
                cells.append(0x22)
                let style = styles.style(for: cell)
                if style != 0 {
                    cells.append(contentsOf: #" s=""#.utf8)
                    cells.append(contentsOf: String(style).utf8)
                    cells.append(0x22)
                }
                let value: String?
                switch cell.value {
                case .number(let number): value = SpreadsheetCell.xmlNumber(number)
                case .empty: value = nil
                case .text(let text):
                    cells.append(contentsOf: #" t="s""#.utf8)
                    value = String(strings.index(of: text))
                }
                if let value {
                    cells.append(contentsOf: "><v>".utf8)
                    cells.append(contentsOf: value.utf8)
                    cells.append(contentsOf: "</v></c>".utf8)
                } else {
                    cells.append(contentsOf: "/>".utf8)
                }
            }
            w.raw(cells)
            w.end("row")
        }
        w.end("sheetData")
        // CT_Worksheet's order: sheetProtection, mergeCells, conditionalFormatting,
        // dataValidations, printOptions, pageMargins, pageSetup.
        if sheet.protected {
            w.element("sheetProtection", attributes: [("sheet", "1"), ("objects", "1"), ("scenarios", "1")])
        }
        if !sheet.merges.isEmpty {
            w.start("mergeCells", attributes: [("count", String(sheet.merges.count))])
            for area in sheet.merges { w.element("mergeCell", attributes: [("ref", area)]) }
            w.end("mergeCells")
        }
        for (i, format) in sheet.conditionalFormats.enumerated() {
            w.start("conditionalFormatting", attributes: [("sqref", format.range)])
            w.start("cfRule", attributes: [("type", "cellIs"), ("dxfId", String(styles.differentialFormat(for: format.highlight))),
                                           ("priority", String(i + 1)), ("operator", "equal")])
            w.element("formula", text: format.formula)
            w.end("cfRule")
            w.end("conditionalFormatting")
        }
        if !sheet.dataValidations.isEmpty {
            w.start("dataValidations", attributes: [("count", String(sheet.dataValidations.count))])
            for validation in sheet.dataValidations {
                let (attributes, formula) = validation.attributesAndFormula
                w.start("dataValidation", attributes: attributes)
                w.element("formula1", text: formula)
                w.end("dataValidation")
            }
            w.end("dataValidations")
        }
        if let print = sheet.printSetup {
            w.element("printOptions", attributes: [("horizontalCentered", "1")])
            // Excel's "Normal" margins (inches); pageSetup may not come without them.
            w.element("pageMargins", attributes: [("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"),
                                                  ("header", "0.3"), ("footer", "0.3")])
            var attributes = [("paperSize", String(print.paperSize))]
            if print.fitToWidth { attributes += [("fitToWidth", "1"), ("fitToHeight", "0")] }
            attributes.append(("orientation", print.landscape ? "landscape" : "portrait"))
            w.element("pageSetup", attributes: attributes)
        }
        w.end("worksheet")
        return w.bytes
    }

    /// `sheetViews` with a frozen pane below `frozenRows` and right of `frozenColumns`.
    static func frozenPane(_ sheet: SpreadsheetSheet, into w: inout XMLWriter) {
        let rows = sheet.frozenRows, columns = sheet.frozenColumns
        let topLeft = SpreadsheetSheet.cellName(row: rows + 1, column: columns)
        let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
        w.start("sheetViews")
        w.start("sheetView", attributes: [("workbookViewId", "0")])
        var attributes: [(String, String)] = []
        if columns > 0 { attributes.append(("xSplit", String(columns))) }
        if rows > 0 { attributes.append(("ySplit", String(rows))) }
        attributes += [("topLeftCell", topLeft), ("activePane", pane), ("state", "frozen")]
        w.element("pane", attributes: attributes)
        w.element("selection", attributes: [("pane", pane), ("activeCell", topLeft), ("sqref", topLeft)])
        w.end("sheetView")
        w.end("sheetViews")
    }

    /// `xl/workbook.xml`: the sheets, and each sheet's repeated rows as its local
    /// `_xlnm.Print_Titles` ("'Cấp xã'!$6:$7"), the name Excel and LibreOffice print them by.
    static func workbookPart(names: [String], printTitles: [ClosedRange<Int>?] = []) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("workbook", attributes: [("xmlns", main), ("xmlns:r", relationships)])
        w.start("sheets")
        for (i, name) in names.enumerated() {
            w.element("sheet", attributes: [("name", name), ("sheetId", String(i + 1)), ("r:id", "rId\(i + 1)")])
        }
        w.end("sheets")
        let titles = printTitles.enumerated().compactMap { i, rows in rows.map { (i, $0) } }
        if !titles.isEmpty {
            w.start("definedNames")
            for (i, rows) in titles {
                w.element("definedName", attributes: [("name", "_xlnm.Print_Titles"), ("localSheetId", String(i))],
                          text: SpreadsheetSheet.quotedSheet(names[i]) + "!$\(rows.lowerBound):$\(rows.upperBound)")
            }
            w.end("definedNames")
        }
        w.end("workbook")
        return w.bytes
    }

    static func relationshipsPart(_ list: [(id: String, type: String, target: String)]) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("Relationships", attributes: [("xmlns", packageRelationships)])
        for r in list { w.element("Relationship", attributes: [("Id", r.id), ("Type", r.type), ("Target", r.target)]) }
        w.end("Relationships")
        return w.bytes
    }

    static func contentTypes(sheetCount: Int) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("Types", attributes: [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        w.element("Default", attributes: [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")])
        w.element("Default", attributes: [("Extension", "xml"), ("ContentType", "application/xml")])
        w.element("Override", attributes: [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")])
        for i in 0..<sheetCount {
            w.element("Override", attributes: [("PartName", "/xl/worksheets/sheet\(i + 1).xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")])
        }
        w.element("Override", attributes: [("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")])
        w.element("Override", attributes: [("PartName", "/xl/sharedStrings.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")])
        w.end("Types")
        return w.bytes
    }
}
