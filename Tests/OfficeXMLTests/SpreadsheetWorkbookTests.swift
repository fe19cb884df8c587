import Foundation
import TestSupport
import Testing
@testable import OfficeXML

/// The XLSX writer: what Excel, LibreOffice and openpyxl need, deterministic, and no text that
/// can become a formula. The schema check (tools/ooxml/validate.sh) and openpyxl are real
/// clients; without them those two tests are skipped with a message.
@Suite("Spreadsheet writer")
struct SpreadsheetWorkbookTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let validator = repository.appendingPathComponent("tools/ooxml/validate.sh").path
    static let fullTests = ProcessInfo.processInfo.environment["XHHT_FULL_TESTS"] == "1"
    static let hasValidator = FileManager.default.fileExists(atPath: validator)
        && ["/usr/bin/unzip", "/usr/bin/xmllint", "/usr/bin/xsltproc"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    static let python: URL? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let python = URL(fileURLWithPath: "\(dir)/python3")
            guard FileManager.default.isExecutableFile(atPath: python.path) else { continue }
            if let r = try? ChildProcess.run(python, ["-c", "import openpyxl"], timeout: 60), r.status == 0 { return python }
            return nil
        }
        return nil
    }()

    static func workbook() -> SpreadsheetWorkbook {
        SpreadsheetWorkbook(sheets: [
            SpreadsheetSheet(name: "Sheet1", rows: [
                [.text("Đơn vị", bold: true), .text("Tỷ lệ", bold: true), .text("Số hộ", bold: true)],
                [.text("Quận Ninh Kiều"), .number(0.5555555555555556, format: .percent2), .number(1998, format: .integerGrouped)],
                [.text("=HYPERLINK(\"http://x\")"), nil, .number(12.5, format: SpreadsheetNumberFormat(code: "0.0"))],
                [.text("  Cờ Đỏ & <Ô Môn>  "), .number(.nan), .number(1, format: .percent2)],
            ], columnWidths: [32, nil, 12]),
            SpreadsheetSheet(name: "Tỷ lệ: 2024/2025", rows: [[.text("Quận Ninh Kiều")]]),
        ])
    }

    /// A table as the summary workbook lays it out: merged title, styled header, frozen panes,
    /// conditional formats, A4 landscape with repeated header rows.
    static func table() -> SpreadsheetWorkbook {
        let header = SpreadsheetCell.text("Tỷ lệ", bold: true).styled(fill: "FFD9E1F2", bordered: true, wrapped: true, alignment: .center)
        var sheet = SpreadsheetSheet(name: "Cấp xã", rows: [
            [.text("BIỂU TỔNG HỢP", bold: true).styled(alignment: .center), nil, nil],
            [.text("Đơn vị", bold: true).styled(fill: "FFD9E1F2", bordered: true), header, .text("Đánh giá", bold: true).styled(fill: "FFD9E1F2", bordered: true)],
            [.text("Phường A").styled(bordered: true), SpreadsheetCell.number(0.5, format: .percent2).styled(bordered: true), .text("Đạt").styled(bordered: true)],
            [.text("Phường \"B\"").styled(bordered: true), SpreadsheetCell.number(0.25, format: .percent2).styled(bordered: true), .text("Chưa đạt").styled(bordered: true)],
        ], columnWidths: [30, 12, 12])
        sheet.frozenRows = 2
        sheet.frozenColumns = 1
        sheet.merges = [SpreadsheetSheet.area(rows: 1...1, columns: 0...2)]
        sheet.rowHeights = [2: 30]
        sheet.conditionalFormats = [SpreadsheetConditionalFormat(range: "C3:C4", equals: "Đạt", highlight: .good),
                                    SpreadsheetConditionalFormat(range: "C3:C4", equals: "Chưa đạt", highlight: .bad)]
        sheet.printSetup = SpreadsheetPrintSetup(landscape: true, repeatedRows: 2...2)
        return SpreadsheetWorkbook(sheets: [sheet, SpreadsheetSheet(name: "Plain", rows: [[.text("x")]])])
    }

    @Test func tablesHaveFrozenPanesMergesHighlightsAndAPrintSetup() throws {
        let zip = try ZipContainer(bytes: try Self.table().archiveBytes(), name: "a.xlsx")
        let sheet = String(decoding: try zip.readPart("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<row r=\"2\" ht=\"30\" customHeight=\"1\">"))
        #expect(sheet.contains("<mergeCells count=\"1\"><mergeCell ref=\"A1:C1\"/></mergeCells>"))
        #expect(sheet.contains("<cfRule type=\"cellIs\" dxfId=\"1\" priority=\"2\" operator=\"equal\"><formula>\"Chưa đạt\"</formula></cfRule>"))
        #expect(sheet.contains("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
        #expect(!sheet.contains("<f>"))
        let plain = String(decoding: try zip.readPart("xl/worksheets/sheet2.xml"), as: UTF8.self)
        #expect(!plain.contains("sheetViews") && !plain.contains("pageSetup") && !plain.contains("sheetPr"))
        let workbook = String(decoding: try zip.readPart("xl/workbook.xml"), as: UTF8.self)
        #expect(workbook.contains("<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Cấp xã'!$2:$2</definedName></definedNames>"))
        let styles = String(decoding: try zip.readPart("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("<fills count=\"3\">") && styles.contains("<fgColor rgb=\"FFD9E1F2\"/>"))
        #expect(styles.contains("<borders count=\"2\">") && styles.contains("<dxfs count=\"2\">"))
        #expect(SpreadsheetSheet.area(rows: 2...2, columns: 1...1) == "B2" && SpreadsheetSheet.area(rows: 1...3, columns: 0...27) == "A1:AB3")
    }

    @Test func plainCellsKeepThePlainStylesPart() throws {
        // The Word charts' embedded workbooks were written before fills, borders and dxfs: their styles stay as they were.
        let zip = try ZipContainer(bytes: try Self.workbook().archiveBytes(), name: "a.xlsx")
        let styles = String(decoding: try zip.readPart("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"))
        #expect(styles.contains("<borders count=\"1\">") && !styles.contains("dxfs") && !styles.contains("alignment"))
        let workbook = String(decoding: try zip.readPart("xl/workbook.xml"), as: UTF8.self)
        #expect(!workbook.contains("definedNames"))
    }

    @Test(.enabled(if: fullTests || hasValidator,
                   "skipped: tools/ooxml/validate.sh, unzip, xmllint or xsltproc missing (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func aStyledTableValidatesAgainstTheSchemas() throws {
        let file = try temporary(try Self.table().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [Self.validator, file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("OK   xl/worksheets/sheet1.xml") && r.stdout.contains("OK   xl/styles.xml") && r.stdout.contains("OK   xl/workbook.xml"), "\(r.stdout)")
    }

    @Test(.enabled(if: fullTests || python != nil,
                   "skipped: python3 with openpyxl missing (apt-get install python3-openpyxl; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func openpyxlReadsTheTableSetupBack() throws {
        let python = try #require(Self.python, "python3 with openpyxl is missing")
        let file = try temporary(try Self.table().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Cấp xã"]
            print(ws.freeze_panes, [str(r) for r in ws.merged_cells.ranges], ws.row_dimensions[2].height)
            print(ws.page_setup.orientation, ws.page_setup.paperSize, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage)
            print(ws.print_title_rows)
            b = ws["B2"]
            print(b.fill.fgColor.rgb, b.border.left.style, b.alignment.wrap_text, b.alignment.horizontal, b.font.b)
            for rng in ws.conditional_formatting:
                for rule in rng.rules:
                    print(str(rng.sqref), rule.type, rule.operator, rule.formula, rule.dxf.fill.bgColor.rgb)
            print(ws["B3"].value, ws["B3"].number_format, ws["C4"].value)
            """
        let r = try ChildProcess.run(python, ["-c", script, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7, "\(r.stdout)")
        guard lines.count == 7 else { return }
        #expect(lines[0] == "B3 ['A1:C1'] 30.0")
        #expect(lines[1] == "landscape 9 1 0 True")
        #expect(lines[2] == "$2:$2")
        #expect(lines[3] == "FFD9E1F2 thin True center True")
        #expect(lines[4] == "C3:C4 cellIs equal ['\"Đạt\"'] FFC6EFCE")
        #expect(lines[5] == "C3:C4 cellIs equal ['\"Chưa đạt\"'] FFFFC7CE")
        #expect(lines[6] == "0.5 0.00% Chưa đạt")
    }

    func temporary(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-xlsx-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: url)
        return url
    }

    /// A sheet of more than a megabyte of XML (a national summary) is deflated at level 1, and
    /// reads back as the same part; a small one keeps level 6 (the bytes of every other test).
    @Test func aLargeSheetIsDeflatedFastAndReadsBack() throws {
        let rows = (0..<30_000).map { r -> [SpreadsheetCell?] in [.text("Xã \(r % 500)"), .number(Double(r)), .number(Double(r) / 7, format: .percent2)] }
        let workbook = SpreadsheetWorkbook(sheets: [SpreadsheetSheet(name: "Cấp xã", rows: rows)])
        var strings = SharedStrings(), styles = SpreadsheetStyles()
        let part = SpreadsheetWorkbook.worksheet(workbook.sheets[0], strings: &strings, styles: &styles)
        #expect(part.count > SpreadsheetWorkbook.fastDeflateAbove)
        let bytes = try workbook.archiveBytes()
        #expect(try ZipContainer(bytes: bytes, name: "a.xlsx").readPart("xl/worksheets/sheet1.xml") == part)
        let text = String(decoding: part, as: UTF8.self)
        #expect(text.contains(#"<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1</v></c>"#))
        #expect(try workbook.archiveBytes() == bytes)
    }

    @Test func theSameSheetsGiveTheSameBytes() throws {
        let bytes = try Self.workbook().archiveBytes()
        #expect(try Self.workbook().archiveBytes() == bytes)
        var changed = Self.workbook()
        changed.sheets[0].rows[1][1] = .number(0.5, format: .percent2)
        #expect(try changed.archiveBytes() != bytes)
    }

    @Test func textIsAlwaysAStringCellAndNumbersUseTheirFormats() throws {
        let zip = try ZipContainer(bytes: try Self.workbook().archiveBytes(), name: "a.xlsx")
        #expect(zip.partNames == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                  "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml", "xl/sharedStrings.xml"])
        let sheet = String(decoding: try zip.readPart("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("<c r=\"A3\" t=\"s\"><v>4</v></c>"))       // the "=HYPERLINK" text: a shared string
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"><v>0.5555555555555556</v></c>"))
        #expect(sheet.contains("<c r=\"B4\"/>"))                           // NaN: an empty cell, no value
        #expect(sheet.contains("<dimension ref=\"A1:C4\"/>"))
        #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width=\"32\" customWidth=\"1\"/><col min=\"3\" max=\"3\" width=\"12\" customWidth=\"1\"/></cols>"))
        let strings = String(decoding: try zip.readPart("xl/sharedStrings.xml"), as: UTF8.self)
        #expect(strings.contains("<t>=HYPERLINK(\"http://x\")</t>"))
        #expect(strings.contains("<t>  Cờ Đỏ &amp; &lt;Ô Môn&gt;  </t>"))
        #expect(strings.contains("count=\"7\" uniqueCount=\"6\""))         // "Quận Ninh Kiều" shared by both sheets
        let styles = String(decoding: try zip.readPart("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/></numFmts>"))
        #expect(styles.contains("<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"))
        let workbook = String(decoding: try zip.readPart("xl/workbook.xml"), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"Tỷ lệ_ 2024_2025\" sheetId=\"2\" r:id=\"rId2\"/>"))
    }

    @Test func referencesAndNumbersAreWrittenAsChartsNeedThem() {
        #expect(SpreadsheetSheet.columnName(0) == "A" && SpreadsheetSheet.columnName(25) == "Z")
        #expect(SpreadsheetSheet.columnName(26) == "AA" && SpreadsheetSheet.columnName(701) == "ZZ" && SpreadsheetSheet.columnName(702) == "AAA")
        #expect(SpreadsheetSheet.range(column: 1, rows: 2...10, sheet: "Sheet1") == "Sheet1!$B$2:$B$10")
        #expect(SpreadsheetSheet.range(column: 0, rows: 2...2, sheet: "Tỷ lệ") == "'Tỷ lệ'!$A$2")
        #expect(SpreadsheetSheet.cell(row: 1, column: 2, sheet: "Sheet1") == "Sheet1!$C$1")
        #expect(SpreadsheetCell.xmlNumber(0.75) == "0.75" && SpreadsheetCell.xmlNumber(1) == "1" && SpreadsheetCell.xmlNumber(-3) == "-3")
        #expect(SpreadsheetCell.xmlNumber(.infinity) == nil && SpreadsheetCell.xmlNumber(.nan) == nil)
        #expect(SpreadsheetSheet.safeName("a[b]:c*?/\\") == "a_b__c____" && SpreadsheetSheet.safeName("  ") == "Sheet")
        #expect(SpreadsheetSheet.safeName(String(repeating: "x", count: 40)).count == 31)
        #expect(SpreadsheetWorkbook.uniqueNames(["Sheet", "sheet", "Sheet"]) == ["Sheet", "sheet (2)", "Sheet (3)"])
    }

    @Test(.enabled(if: fullTests || hasValidator,
                   "skipped: tools/ooxml/validate.sh, unzip, xmllint or xsltproc missing (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func everyPartValidatesAgainstTheSchemas() throws {
        let file = try temporary(try Self.workbook().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [Self.validator, file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("OK   xl/worksheets/sheet1.xml") && r.stdout.contains("OK   xl/styles.xml") && r.stdout.contains("OK   xl/sharedStrings.xml"), "\(r.stdout)")
    }

    @Test(.enabled(if: fullTests || python != nil,
                   "skipped: python3 with openpyxl missing (apt-get install python3-openpyxl; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func openpyxlReadsTheValuesFormatsAndWidthsBack() throws {
        let python = try #require(Self.python, "python3 with openpyxl is missing")
        let file = try temporary(try Self.workbook().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(wb.sheetnames)
            ws = wb["Sheet1"]
            for row in ws.iter_rows():
                print([(c.value, c.data_type, c.number_format, bool(c.font.b)) for c in row])
            print(ws.column_dimensions["A"].width)
            """
        let r = try ChildProcess.run(python, ["-c", script, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "['Sheet1', 'Tỷ lệ_ 2024_2025']")
        #expect(lines.count == 6)
        guard lines.count == 6 else { return }
        #expect(lines[1] == "[('Đơn vị', 's', 'General', True), ('Tỷ lệ', 's', 'General', True), ('Số hộ', 's', 'General', True)]")
        #expect(lines[2] == "[('Quận Ninh Kiều', 's', 'General', False), (0.5555555555555556, 'n', '0.00%', False), (1998, 'n', '#,##0', False)]")
        #expect(lines[3] == "[('=HYPERLINK(\"http://x\")', 's', 'General', False), (None, 'n', 'General', False), (12.5, 'n', '0.0', False)]")
        #expect(lines[4] == "[('  Cờ Đỏ & <Ô Môn>  ', 's', 'General', False), (None, 'n', 'General', False), (1, 'n', '0.00%', False)]")
        #expect(lines[5] == "32.0")
    }
}
