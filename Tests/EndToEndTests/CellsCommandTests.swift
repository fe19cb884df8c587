import Foundation
import Testing
import OfficeXML

/// `xhht cells` on what is not a workbook file, and on a damaged one read with a repair
/// (issue 14), run as the built binary.
@Suite struct CellsCommandTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-cells-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Before the fix this blocked forever (the test would hang, never pass).
    @Test func fifoIsRefusedWithAMessageAndANonZeroExit() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("huyen-a.xlsx")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let result = try SampleRunTests.run(SampleRunTests.binary, ["cells", fifo.path], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""kind":"fatal""#))
        #expect(result.stderr.contains("huyen-a.xlsx") && result.stderr.contains("FIFO"))
        #expect(!result.stderr.contains("[chi tiết]"))  // the English detail only with -v
        let verbose = try SampleRunTests.run(SampleRunTests.binary, ["cells", "-v", fifo.path], in: dir)
        #expect(verbose.stderr.contains("[chi tiết]") && verbose.stderr.contains("named pipe"))
    }

    @Test func folderIsRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try SampleRunTests.run(SampleRunTests.binary, ["cells", dir.path], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("thư mục"))
    }

    @Test func symlinkToAWorkbookIsRead() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = try #require(try FileManager.default.contentsOfDirectory(atPath: SampleRunTests.repository.appendingPathComponent("Input").path)
            .sorted().first { $0.hasSuffix(".xlsx") })
        let link = dir.appendingPathComponent("link.xlsx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: SampleRunTests.repository.appendingPathComponent("Input/\(sample)"))
        let result = try SampleRunTests.run(SampleRunTests.binary, ["cells", link.path], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""kind":"cell""#))
    }

    /// A macro sheet listed without its part: the other sheet is printed, the repair is a
    /// warning line and a message on stderr, and the status stays 0.
    @Test func repairedWorkbookExitsZeroWithAWarning() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let zip = ZipWriter()
        zip.add("_rels/.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(rel)/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#.utf8))
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns="\#(main)" xmlns:r="\#(rel)"><sheets><sheet name="Module1" sheetId="1" r:id="rId1"/><sheet name="S" sheetId="2" r:id="rId2"/></sheets></workbook>"#.utf8))
        zip.add("xl/worksheets/sheet2.xml", Array(#"<worksheet xmlns="\#(main)"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>"#.utf8))
        let file = dir.appendingPathComponent("repaired.xlsx")
        try zip.write(to: file.path)
        let result = try SampleRunTests.run(SampleRunTests.binary, ["cells", file.path], in: dir)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#"{"kind":"cell","sheet":"S","ref":"A1","type":"number","value":7}"#))
        #expect(result.stdout.contains(#""kind":"warning","repair":"missingSheetPart","sheet":"Module1""#))
        #expect(result.stderr.contains("\"Module1\"") && result.stderr.contains("lưu lại"))
    }
}
