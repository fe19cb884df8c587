@testable import Core
import Crypto
import Foundation
@testable import Intake
import OfficeXML
import Testing
import XLSX

/// SubmissionReader on the reader cases of issue 14: Vietnamese messages with the English
/// detail kept apart, repairs as `workbook-repaired` warnings, the shared-string bomb bounded
/// per sheet, and paths that are not regular files never opened.
@Suite struct IngestRepairTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook of `sheets` (name, sheetData content, part present?) and shared strings.
    static func workbook(_ sheets: [(String, String, Bool)], strings: [String] = []) throws -> [UInt8] {
        let zip = ZipWriter()
        zip.add("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        var rels = #"<Relationship Id="rIdS" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#
        var list = ""
        for (i, sheet) in sheets.enumerated() {
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
            list += #"<sheet name="\#(sheet.0)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            if sheet.2 {
                zip.add("xl/worksheets/sheet\(i + 1).xml", Array(#"<worksheet xmlns="\#(main)"><sheetData>\#(sheet.1)</sheetData></worksheet>"#.utf8))
            }
        }
        zip.add("xl/sharedStrings.xml", Array((#"<sst xmlns="\#(main)">"# + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets>\#(list)</sheets></workbook>"#.utf8))
        return try zip.archiveBytes()
    }

    static let table = #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row>"#

    /// No English sentence of the reader leaks into what the statistician reads.
    static func isVietnameseOnly(_ message: String) -> Bool {
        !message.contains("[") && !message.contains(" the ") && !message.contains("part ")
    }

    @Test func repairsAreWarningsAndTheValuesAreRead() throws {
        let bytes = try Self.workbook([("Module1", "", false), ("Cấp xã", Self.table + #"<row r="2"><c r="A2" t="s"><v>9</v></c></row>"#, true)],
                                      strings: ["Xã A"])
        let read = SubmissionReader.read(bytes: bytes, file: "huyen-a.xlsx")
        #expect(read.sheets.map(\.name) == ["Cấp xã"])
        #expect(read.sheets.first?[1, 2]?.value == .number(12))
        #expect(read.sheets.first?[2, 1] == nil)
        let repaired = read.issues.filter { $0.rule == RuleID.workbookRepaired.rawValue }
        #expect(repaired.count == 2)
        #expect(read.issues.count == 2)
        #expect(repaired.allSatisfy { $0.severity == .warning && $0.provenance.file == "huyen-a.xlsx" })
        #expect(RuleID.workbookRepaired.severity == .warning)
        let module = try #require(repaired.first { $0.provenance.sheet == "Module1" })
        #expect(module.message.contains("huyen-a.xlsx") && module.message.contains("\"Module1\"") && module.message.contains("lưu lại"))
        let cells = try #require(repaired.first { $0.provenance.sheet == "Cấp xã" })
        #expect(cells.provenance.cell == "A2")
        #expect(cells.message.contains("1 ô") && cells.message.contains("A2") && cells.message.contains("ô trống"))
        #expect(repaired.allSatisfy { Self.isVietnameseOnly($0.message) })
        // The English detail is kept for the -v log.
        #expect(read.details.count == 2)
        #expect(read.details.allSatisfy { $0.contains("huyen-a.xlsx") && $0.contains("repaired") })
    }

    @Test func sharedStringBombMakesThatSheetUnreadableAndTheOthersAreRead() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let bomb = #"<row r="1">"# + String(repeating: #"<c t="s"><v>1</v></c>"#, count: 12_000) + "</row>"
        let bytes = try Self.workbook([("Bom", bomb, true), ("Cấp xã", Self.table, true)], strings: ["Xã A", big])
        let read = SubmissionReader.read(bytes: bytes, file: "bom.xlsx")
        #expect(read.sheets.map(\.name) == ["Cấp xã"])
        #expect(read.issues.count == 1)
        let issue = try #require(read.issues.first)
        #expect(issue.rule == RuleID.workbookUnreadable.rawValue && issue.provenance.sheet == "Bom")
        #expect(issue.message.contains("quá nhiều chữ") && Self.isVietnameseOnly(issue.message))
        #expect(read.details.first?.contains("MiB of text") == true)
    }

    @Test func unreadableFileMessageIsVietnameseAndTheDetailIsKept() throws {
        let read = SubmissionReader.read(bytes: Array("STT,Tên đơn vị\n1,Cái Khế\n".utf8), file: "huyen-c.xlsx")
        let issue = try #require(read.issues.first)
        #expect(issue.message.contains("văn bản (có thể là .csv)"))
        #expect(Self.isVietnameseOnly(issue.message))
        #expect(read.details == ["huyen-c.xlsx: this is a text file (CSV or similar) renamed as .xlsx; open it in Excel and save it as Excel Workbook (.xlsx)."])
    }

    /// Reading blocks forever if the reader opens the FIFO: the test then hangs, never passes.
    @Test func fifoFolderAndDanglingLinkAreFindingsAndNeverBlock() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo.xlsx")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let folder = dir.appendingPathComponent("folder.xlsx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let dangling = dir.appendingPathComponent("dangling.xlsx")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: dir.appendingPathComponent("gone.xlsx"))
        for url in [fifo, folder, dangling] {
            let read = SubmissionReader.read(path: url.path)
            #expect(read.sheets.isEmpty && read.sha256 == nil)
            #expect(read.issues.count == 1)
            #expect(read.issues.first?.rule == RuleID.workbookUnreadable.rawValue)
            #expect(read.issues.first?.message.contains(url.lastPathComponent) == true)
            #expect(read.issues.first.map { Self.isVietnameseOnly($0.message) } == true)
            #expect(read.details.count == 1)
        }
        #expect(SubmissionReader.read(path: fifo.path).issues.first?.message.contains("FIFO") == true)
        #expect(SubmissionReader.read(path: dangling.path).issues.first?.message.contains("liên kết hỏng") == true)
    }

    @Test func symlinkToAWorkbookIsRead() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.xlsx")
        let bytes = try Self.workbook([("Cấp xã", Self.table, true)], strings: ["Xã A"])
        try Data(bytes).write(to: real)
        let link = dir.appendingPathComponent("huyen-d.xlsx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let read = SubmissionReader.read(path: link.path)
        #expect(read.file == "huyen-d.xlsx")
        #expect(read.issues.isEmpty)
        #expect(read.sheets.first?[1, 1]?.value == .text("Xã A"))
        #expect(read.sha256 == SHA256.hex(bytes))
    }
}
