import Foundation
import Testing
import OfficeXML
@testable import XLSX

/// Every file is untrusted: each of these gets one clear error naming the file and the
/// reason, in bounded time and memory, and never a crash.
@Suite("Hostile and broken files")
struct HostileFileTests {
    static func refuse(_ bytes: [UInt8], name: String = "bad.xlsx", limits: ContainerLimits = .default,
                       readSheets: Bool = true) throws -> XLSXError {
        try #require(throws: XLSXError.self) {
            let book = try Workbook(bytes: bytes, name: name, limits: limits)
            if readSheets { for sheet in book.sheets { try book.forEachCell(in: sheet) { _ in } } }
        }
    }

    static func workbook(sheetXML: String, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        var book = TestWorkbook()
        book.sheets = [("S", sheetXML)]
        book.extraEntries = extra
        return try book.bytes()
    }

    /// A workbook whose sheet is ~`size` bytes of empty rows: well-formed XML that libxml2
    /// streams happily and that deflate shrinks ~1000:1.
    static func bomb(size: Int) throws -> [UInt8] {
        let head = TestWorkbook.sheet("").replacingOccurrences(of: "</sheetData></worksheet>", with: "")
        var rows = Array("<row/>".utf8)
        while rows.count < size { rows += rows }
        let xml = Array(head.utf8) + rows + Array("</sheetData></worksheet>".utf8)
        let zip = ZipWriter()
        var book = TestWorkbook()
        book.sheets = [("S", "")]
        let base = try book.bytes()
        // Rebuild with the big sheet (ZipWriter takes bytes, not strings).
        let container = try ZipContainer(bytes: base, name: "base.xlsx")
        for part in container.partNames {
            zip.add(part, part == "xl/worksheets/sheet1.xml" ? xml : try container.readPart(part))
        }
        return try zip.archiveBytes()
    }

    /// Rewrites the declared uncompressed size of `entry` in its local header and in the
    /// central directory: the archive now lies about how big the entry is.
    static func lie(about entry: String, in bytes: [UInt8], declaring size: UInt32) -> [UInt8] {
        var b = bytes
        let name = Array(entry.utf8)
        func le32(_ at: Int) -> UInt32 { UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24 }
        func le16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        func put(_ at: Int) { for k in 0..<4 { b[at + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < b.count {
            if le32(i) == 0x04034b50, le16(i + 26) == name.count, Array(b[(i + 30)..<(i + 30 + name.count)]) == name {
                put(i + 22)
            } else if le32(i) == 0x02014b50, le16(i + 28) == name.count, Array(b[(i + 46)..<(i + 46 + name.count)]) == name {
                put(i + 24)
            }
            i += 1
        }
        return b
    }

    @Test func emptyFile() throws {
        let e = try Self.refuse([], name: "xa-a.xlsx")
        #expect(e.kind == .emptyFile)
        #expect(e.description.hasPrefix("xa-a.xlsx: "))
    }

    @Test func csvRenamed() throws {
        let e = try Self.refuse(Array("STT;Tên đơn vị;Số hộ\n1;Xã A;120\n".utf8))
        #expect(e.kind == .textFile)
        #expect(e.description.contains("CSV"))
    }

    @Test func encryptedWorkbookInACompoundFile() throws {
        var cfb: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1016)
        for name in ["EncryptionInfo", "EncryptedPackage"] {
            for u in name.utf16 { cfb += [UInt8(u & 0xFF), UInt8(u >> 8)] }
            cfb += [UInt8](repeating: 0, count: 64)
        }
        let e = try Self.refuse(cfb)
        #expect(e.kind == .passwordProtected)
        #expect(e.description.contains("password-protected"))
    }

    @Test func legacyXlsRenamed() throws {
        var cfb: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1016)
        for u in "Workbook".utf16 { cfb += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let e = try Self.refuse(cfb)
        #expect(e.kind == .legacyExcel)
        #expect(e.description.contains(".xls"))
    }

    @Test func xlsbRenamed() throws {
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", Array("<Types/>".utf8))
        zip.add("xl/workbook.bin", [0x83, 0x01, 0x00])
        let e = try Self.refuse(try zip.archiveBytes())
        #expect(e.kind == .binaryWorkbook)
        #expect(e.description.contains(".xlsb"))
    }

    @Test func odsRenamed() throws {
        let zip = ZipWriter()
        zip.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8), compression: .store)
        zip.add("content.xml", Array("<office:document-content/>".utf8))
        let e = try Self.refuse(try zip.archiveBytes())
        #expect(e.kind == .openDocument)
        #expect(e.description.contains(".ods"))
    }

    @Test func truncatedZip() throws {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#))]
        let whole = try book.bytes()
        let e = try Self.refuse(Array(whole.prefix(whole.count / 2)))
        #expect(e.kind == .corrupt)
        #expect(e.description.contains("truncated"))
    }

    @Test func zipWithoutAWorkbook() throws {
        let zip = ZipWriter()
        zip.add("notes.txt", Array("hello".utf8))
        let e = try Self.refuse(try zip.archiveBytes())
        #expect(e.kind == .notAWorkbook)
    }

    @Test func zipBombWithHonestDeclaredSizeIsRefusedBeforeInflating() throws {
        let limits = ContainerLimits(maxEntrySize: 4 << 20)
        let e = try Self.refuse(try Self.bomb(size: 8 << 20), limits: limits)
        #expect(e.kind == .tooLarge)
        #expect(e.part == "xl/worksheets/sheet1.xml")
        #expect(e.description.contains("declares"))
    }

    @Test func highCompressionRatioIsRefusedFromTheDeclaredSizes() throws {
        let e = try Self.refuse(try Self.bomb(size: 40 << 20))  // default limits: > 32 MiB at ~1000:1
        #expect(e.kind == .zipBomb)
        #expect(e.description.contains("ratio"))
    }

    @Test func zipBombLyingAboutItsSizeIsStoppedWhileInflating() throws {
        let honest = try Self.bomb(size: 40 << 20)
        let lying = Self.lie(about: "xl/worksheets/sheet1.xml", in: honest, declaring: 1000)
        let container = try ZipContainer(bytes: lying, name: "lying.xlsx")
        #expect(container.declaredSize(of: "xl/worksheets/sheet1.xml") == 1000)
        let e = try Self.refuse(lying, name: "lying.xlsx")
        // libzip hands out more than the declared 1000 bytes: the counted bytes stop it.
        #expect(e.kind == .zipBomb || e.kind == .corrupt, "\(e)")
        #expect(e.description.contains("lying.xlsx"))
    }

    @Test func billionLaughs() throws {
        let entities = (1...9).map { i in "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }.joined()
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">\(entities)]><worksheet xmlns=\"\(TestWorkbook.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
        let e = try Self.refuse(try Self.workbook(sheetXML: xml))
        #expect(e.kind == .unsafeXML)
        #expect(e.description.contains("DOCTYPE"))
    }

    @Test func externalEntityToEtcPasswd() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"\(TestWorkbook.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>"
        let e = try Self.refuse(try Self.workbook(sheetXML: xml))
        #expect(e.kind == .unsafeXML)
        #expect(!e.description.contains("root:"))
    }

    @Test func doctypeInWorkbookXML() throws {
        let zip = ZipWriter()
        zip.add("xl/workbook.xml", Array("<?xml version=\"1.0\"?><!DOCTYPE workbook SYSTEM \"http://example.com/x.dtd\"><workbook/>".utf8))
        let e = try Self.refuse(try zip.archiveBytes())
        #expect(e.kind == .unsafeXML)
        #expect(e.part?.hasPrefix("xl/workbook.xml") == true)
    }

    @Test func malformedSheetXMLNamesPartAndLine() throws {
        let xml = "<worksheet xmlns=\"\(TestWorkbook.main)\">\n<sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></row>\n</sheetData></worksheet>"
        let e = try Self.refuse(try Self.workbook(sheetXML: xml), name: "huyen-b.xlsx")
        #expect(e.kind == .malformedXML)
        #expect(e.part == "xl/worksheets/sheet1.xml, line 3")
        #expect(e.description.hasPrefix("huyen-b.xlsx (part xl/worksheets/sheet1.xml, line 3): the XML is malformed"))
    }

    @Test func pathLikeEntryNamesAreIgnored() throws {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#))]
        book.extraEntries = [("../../evil.xml", Array("<x/>".utf8)), ("/abs/evil2.xml", Array("<x/>".utf8))]
        let bytes = try book.bytes()
        let container = try ZipContainer(bytes: bytes, name: "p.xlsx")
        #expect(container.ignoredEntryNames == ["../../evil.xml"])
        #expect(!container.partNames.contains { $0.contains("..") })
        #expect(container.contains("abs/evil2.xml"))  // a leading slash is only stripped
        let cells = try readAll(Workbook(bytes: bytes, name: "p.xlsx"))
        #expect(cells["S"]?["A1"]?.value == .number(1))
    }

    @Test func relationshipTargetLeavingThePackageIsAMissingSheet() throws {
        let zip = ZipWriter()
        zip.add("xl/workbook.xml", Array(#"<workbook xmlns="\#(TestWorkbook.main)" xmlns:r="\#(TestWorkbook.rel)"><sheets><sheet name="S" sheetId="9" r:id="rId1"/></sheets></workbook>"#.utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(TestWorkbook.rel)/worksheet" Target="../../../etc/passwd"/></Relationships>"#.utf8))
        let book = try Workbook(bytes: try zip.archiveBytes(), name: "r.xlsx")
        #expect(book.sheets.first?.part == nil)
        // Skipped like any sheet whose part is missing, and said (RepairTests).
        // (This package has no _rels/.rels either: that is said too.)
        #expect(book.repairs.map(\.kind) == [.packageRelationshipsMissing, .missingSheetPart])
        var count = 0
        try book.forEachCell(in: book.sheets[0]) { _ in count += 1 }
        #expect(count == 0)
    }

    @Test func randomBytesAfterAZipSignature() throws {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        var seed: UInt64 = 42
        for _ in 0..<4096 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        let e = try Self.refuse(bytes)
        #expect(e.kind == .corrupt)
    }

    @Test func missingFileOnDisk() throws {
        let e = try #require(throws: XLSXError.self) { try Workbook(path: "/nonexistent/huyen.xlsx") }
        #expect(e.kind == .unreadableFile)
        #expect(e.description.contains("does not exist"))
    }
}
