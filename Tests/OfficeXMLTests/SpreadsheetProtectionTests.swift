import Foundation
import TestSupport
import Testing
@testable import OfficeXML

/// Data validation and protection, as a form uses them: the schemas accept them, openpyxl
/// reads them back, and a sheet without them keeps its bytes.
@Suite("Spreadsheet validation and protection")
struct SpreadsheetProtectionTests {
    /// A form's table: a locked header and name, three input columns (a count, a level, yes/no).
    static func form() -> SpreadsheetWorkbook {
        var sheet = SpreadsheetSheet(name: "Cấp xã", rows: [
            [.text("Tên đơn vị", bold: true), .text("Tổng số hộ", bold: true), .text("Mức độ", bold: true), .text("Có trung tâm", bold: true)],
            [.text("Phường A"), SpreadsheetCell.input.unlockedForInput(), SpreadsheetCell.input.unlockedForInput(),
             SpreadsheetCell.input.unlockedForInput()],
        ])
        sheet.dataValidations = [
            SpreadsheetDataValidation(range: "B2", rule: .wholeNumber(minimum: 0),
                                      prompt: .init(title: "Tổng số hộ", text: "Nhập một số nguyên từ 0 trở lên."),
                                      error: .init(title: "Số không hợp lệ", text: "Chỉ nhập số nguyên, không âm, không có dấu chấm ngăn cách.")),
            SpreadsheetDataValidation(range: "C2", rule: .list(["0", "1", "2"])),
            SpreadsheetDataValidation(range: "D2", rule: .list(["Có", "Không"]),
                                      error: .init(title: String(repeating: "T", count: 40), text: "Chọn Có hoặc Không.")),
        ]
        sheet.protected = true
        return SpreadsheetWorkbook(sheets: [sheet])
    }

    @Test func validationsAndProtectionAreWrittenInTheSchemasOrder() throws {
        let zip = try ZipContainer(bytes: try Self.form().archiveBytes(), name: "a.xlsx")
        let sheet = String(decoding: try zip.readPart("xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(sheet.contains("</sheetData><sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\"/>"))
        #expect(sheet.contains("<dataValidations count=\"3\"><dataValidation type=\"whole\" operator=\"greaterThanOrEqual\" allowBlank=\"1\""))
        #expect(sheet.contains("<formula1>\"Có,Không\"</formula1>"))
        #expect(sheet.contains("errorTitle=\"\(String(repeating: "T", count: 32))\""), "titles cut at Excel's 32 characters")
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"/>"), "an input cell has a style and no value")
        let styles = String(decoding: try zip.readPart("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("applyProtection=\"1\"><protection locked=\"0\"/></xf>"))
    }

    @Test func aSheetWithoutThemWritesNoneOfIt() throws {
        let zip = try ZipContainer(bytes: try SpreadsheetWorkbookTests.table().archiveBytes(), name: "a.xlsx")
        let sheet = String(decoding: try zip.readPart("xl/worksheets/sheet1.xml"), as: UTF8.self)
        let styles = String(decoding: try zip.readPart("xl/styles.xml"), as: UTF8.self)
        #expect(!sheet.contains("sheetProtection") && !sheet.contains("dataValidation") && !styles.contains("protection"))
    }

    @Test(.enabled(if: SpreadsheetWorkbookTests.fullTests || SpreadsheetWorkbookTests.hasValidator,
                   "skipped: tools/ooxml/validate.sh, unzip, xmllint or xsltproc missing (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func aFormValidatesAgainstTheSchemas() throws {
        let file = try temporary(try Self.form().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [SpreadsheetWorkbookTests.validator, file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("OK   xl/worksheets/sheet1.xml") && r.stdout.contains("OK   xl/styles.xml"), "\(r.stdout)")
    }

    @Test(.enabled(if: SpreadsheetWorkbookTests.fullTests || SpreadsheetWorkbookTests.python != nil,
                   "skipped: python3 with openpyxl missing (apt-get install python3-openpyxl; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func openpyxlReadsValidationsAndProtectionBack() throws {
        let python = try #require(SpreadsheetWorkbookTests.python, "python3 with openpyxl is missing")
        let file = try temporary(try Self.form().archiveBytes())
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Cấp xã"]
            print(ws.protection.sheet, ws["A2"].protection.locked, ws["B2"].protection.locked)
            for v in ws.data_validations.dataValidation:
                print(str(v.sqref), v.type, v.operator, v.formula1, v.allow_blank, v.promptTitle, v.prompt)
            """
        let r = try ChildProcess.run(python, ["-c", script, file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "True True False",
            "B2 whole greaterThanOrEqual 0 True Tổng số hộ Nhập một số nguyên từ 0 trở lên.",
            "C2 list None \"0,1,2\" True None None",
            "D2 list None \"Có,Không\" True None None",
        ], "\(r.stdout)")
    }

    func temporary(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-form-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: url)
        return url
    }
}
