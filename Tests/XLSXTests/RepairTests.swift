import Foundation
import Testing
import OfficeXML
@testable import XLSX

/// Files Excel or LibreOffice open "with a repair" (issue 14: six such real workbooks were
/// refused outright): what can be read is read, and each repair is said.
@Suite("Damaged files read with a repair")
struct RepairTests {
    static let oneCell = TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>7</v></c></row>"#)

    /// Rewrites the CRC-32 of `entry` in its local header and in the central directory.
    static func corruptCRC(of entry: String, in bytes: [UInt8]) -> [UInt8] {
        var b = bytes
        let name = Array(entry.utf8)
        func le32(_ at: Int) -> UInt32 { UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24 }
        func le16(_ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
        var i = 0
        while i + 46 < b.count {
            if le32(i) == 0x04034b50, le16(i + 26) == name.count, Array(b[(i + 30)..<(i + 30 + name.count)]) == name {
                b[i + 14] ^= 0xFF
            } else if le32(i) == 0x02014b50, le16(i + 28) == name.count, Array(b[(i + 46)..<(i + 46 + name.count)]) == name {
                b[i + 16] ^= 0xFF
            }
            i += 1
        }
        return b
    }

    /// The package of `book` rebuilt with `replace` applied to each part (nil drops the part).
    static func rebuild(_ bytes: [UInt8], _ replace: (String, [UInt8]) -> [UInt8]?) throws -> [UInt8] {
        let container = try ZipContainer(bytes: bytes, name: "base.xlsx")
        let zip = ZipWriter()
        for part in container.partNames {
            if let data = replace(part, try container.readPart(part)) { zip.add(part, data) }
        }
        return try zip.archiveBytes()
    }

    /// A workbook listing a macro sheet "Module1" whose part was dropped, before a real sheet.
    static func missingModule1() throws -> [UInt8] {
        var book = TestWorkbook()
        book.sheets = [("Module1", oneCell), ("Cấp xã", oneCell)]
        return try rebuild(book.bytes()) { part, data in part == "xl/worksheets/sheet1.xml" ? nil : data }
    }

    @Test func sheetListedWithoutItsPartIsSkippedAndTheOthersAreRead() throws {
        let book = try Workbook(bytes: Self.missingModule1(), name: "m.xlsx")
        #expect(book.sheets.map(\.name) == ["Module1", "Cấp xã"])
        #expect(book.sheets[0].part == nil)
        #expect(book.repairs.map(\.kind) == [.missingSheetPart])
        #expect(book.repairs.first?.sheet == "Module1")
        #expect(book.repairs.first?.description.hasPrefix("m.xlsx: repaired: ") == true)
        var count = 0
        let skipped = try book.forEachCell(in: book.sheets[0]) { _ in count += 1 }
        #expect(count == 0 && skipped.repairs.isEmpty)
        #expect(try readAll(book)["Cấp xã"]?["A1"]?.value == .number(7))
    }

    @Test func manyMissingSheetsAreNamedUpToALimitThenCounted() throws {
        let n = Workbook.maxNamedMissingSheets + 5
        let list = (1...n).map { #"<sheet name="M\#($0)" sheetId="\#($0 + 100)" r:id="rIdX\#($0)"/>"# }.joined()
        var book = TestWorkbook()
        book.sheets = [("S", Self.oneCell)]
        let bytes = try Self.rebuild(book.bytes()) { part, data in
            guard part == "xl/workbook.xml" else { return data }
            return Array(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "</sheets>", with: list + "</sheets>").utf8)
        }
        let opened = try Workbook(bytes: bytes, name: "many.xlsx")
        #expect(opened.repairs.count == Workbook.maxNamedMissingSheets + 1)
        #expect(opened.repairs.last?.count == 5)
        #expect(try readAll(opened)["S"]?["A1"]?.value == .number(7))
    }

    @Test func partWithAWrongChecksumThatInflatesIsReadAndSaid() throws {
        var book = TestWorkbook()
        book.sheets = [("S", Self.oneCell)]
        let bytes = Self.corruptCRC(of: "xl/worksheets/sheet1.xml", in: try book.bytes())
        let opened = try Workbook(bytes: bytes, name: "crc.xlsx")
        #expect(opened.repairs.isEmpty)  // found when the sheet is read, not before
        var cells: [Cell] = []
        let meta = try opened.forEachCell(in: opened.sheets[0]) { cells.append($0) }
        #expect(cells.map(\.value) == [.number(7)])
        #expect(meta.repairs.map(\.kind) == [.checksumMismatch])
        #expect(meta.repairs.first?.part == "xl/worksheets/sheet1.xml")
        #expect(meta.repairs.first?.sheet == "S")
    }

    /// A sheet above 1 MiB inflates on a second thread (`InflatePipe`): the same repair there.
    @Test func largeSheetWithAWrongChecksumIsReadOnTheConcurrentPathToo() throws {
        let rows = (1...40_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet(rows))]
        let bytes = Self.corruptCRC(of: "xl/worksheets/sheet1.xml", in: try book.bytes())
        let opened = try Workbook(bytes: bytes, name: "crc-big.xlsx")
        #expect((try ZipContainer(bytes: bytes, name: "x").declaredSize(of: "xl/worksheets/sheet1.xml") ?? 0) > 1 << 20)
        var last: Cell?
        var count = 0
        let meta = try opened.forEachCell(in: opened.sheets[0]) { last = $0; count += 1 }
        #expect(count == 40_000 && last?.value == .number(40_000))
        #expect(meta.repairs.map(\.kind) == [.checksumMismatch])
    }

    @Test func sharedStringsWithAWrongChecksumAreAWorkbookRepair() throws {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>Xã A</t>"])
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#))]
        let opened = try Workbook(bytes: Self.corruptCRC(of: "xl/sharedStrings.xml", in: try book.bytes()), name: "sst.xlsx")
        #expect(opened.repairs.map(\.kind) == [.checksumMismatch])
        #expect(opened.repairs.first?.part == "xl/sharedStrings.xml")
        #expect(try readAll(opened)["S"]?["A1"]?.value == .string("Xã A"))
    }

    @Test func damagedDeflateDataIsStillRefused() throws {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet((1...200).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c></row>"# }.joined()))]
        var bytes = try book.bytes()
        // Flip bytes in the middle of the sheet's compressed data: inflate itself fails.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let start = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name }) + name.count
        for k in 40..<60 { bytes[start + k] ^= 0x5A }
        let e = try #require(throws: XLSXError.self) {
            let opened = try Workbook(bytes: bytes, name: "bad.xlsx")
            try opened.forEachCell(in: opened.sheets[0]) { _ in }
        }
        #expect(e.kind == .corrupt || e.kind == .malformedXML)
    }

    @Test func sharedStringIndexPastTheTableReadsAsEmpty() throws {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>Xã A</t>"])
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>99</v></c><c r="D1"><v>4</v></c><c r="E1" t="s"><f>X1</f><v>7</v></c></row>"#))]
        let opened = try book.open(name: "sst-range.xlsx")
        var cells: [String: Cell] = [:]
        let meta = try opened.forEachCell(in: opened.sheets[0]) { cells[$0.reference.a1] = $0 }
        #expect(cells["A1"]?.value == .string("Xã A"))
        #expect(cells["B1"] == nil && cells["C1"] == nil)
        #expect(cells["D1"]?.value == .number(4))
        #expect(cells["E1"] == Cell(reference: CellReference("E1")!, value: .empty, hasFormula: true))
        let repair = try #require(meta.repairs.first)
        #expect(meta.repairs.count == 1)
        #expect(repair.kind == .sharedStringOutOfRange)
        #expect(repair.count == 3 && repair.firstCell == "B1" && repair.sheet == "S")
    }

    @Test("An empty _rels/.rels: the workbook is found at xl/workbook.xml",
          arguments: [Array<UInt8>(), Array(" \r\n ".utf8)])
    func emptyPackageRelationships(content: [UInt8]) throws {
        var book = TestWorkbook()
        book.sheets = [("S", Self.oneCell)]
        let bytes = try Self.rebuild(book.bytes()) { part, data in part == "_rels/.rels" ? content : data }
        let opened = try Workbook(bytes: bytes, name: "rels.xlsx")
        #expect(opened.repairs.map(\.kind) == [.packageRelationshipsMissing])
        #expect(opened.repairs.first?.part == "_rels/.rels")
        #expect(try readAll(opened)["S"]?["A1"]?.value == .number(7))
    }

    /// calamine's issue252.xlsx (in the corpus): relationships that are not XML at all, which
    /// neither calamine nor openpyxl reads. Refused, as before.
    @Test("Relationships that are not XML are still refused",
          arguments: ["_rels/.rels", "xl/_rels/workbook.xml.rels"])
    func garbledRelationshipsAreRefused(part: String) throws {
        var book = TestWorkbook()
        book.sheets = [("S", Self.oneCell)]
        let bytes = try Self.rebuild(book.bytes()) { name, data in name == part ? Array("<Rel\"\"\"o\"emas".utf8) : data }
        let e = try #require(throws: XLSXError.self) { try Workbook(bytes: bytes, name: "garbled.xlsx") }
        #expect(e.kind == .malformedXML)
    }

    @Test func missingPackageRelationshipsAreRepairedToo() throws {
        var book = TestWorkbook()
        book.sheets = [("S", Self.oneCell)]
        let bytes = try Self.rebuild(book.bytes()) { part, data in part == "_rels/.rels" ? nil : data }
        let opened = try Workbook(bytes: bytes, name: "norels.xlsx")
        #expect(opened.repairs.map(\.kind) == [.packageRelationshipsMissing])
        #expect(try readAll(opened)["S"]?["A1"]?.value == .number(7))
    }

    @Test func anUndamagedWorkbookHasNoRepairs() throws {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>a</t>"])
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#))]
        let opened = try book.open()
        #expect(opened.repairs.isEmpty)
        #expect(try opened.forEachCell(in: opened.sheets[0]) { _ in }.repairs.isEmpty)
    }
}

/// The shared-string bomb of issue 14: 12,000 cells naming one 1 MB string made `xhht cells`
/// print 12.5 GB. A sheet's cells may expand to `ContainerLimits.maxSheetText` bytes of text.
@Suite("Text a sheet expands to")
struct SheetTextLimitTests {
    static func bomb(cells: Int, stringSize: Int) throws -> TestWorkbook {
        var book = TestWorkbook()
        book.sharedStrings = TestWorkbook.sst(["<t>" + String(repeating: "x", count: stringSize) + "</t>"])
        let row = String(repeating: #"<c t="s"><v>0</v></c>"#, count: cells)
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1">\#(row)</row>"#))]
        return book
    }

    @Test func sharedStringBombStopsAtTheDefaultLimit() throws {
        let book = try Self.bomb(cells: 12_000, stringSize: 1 << 20).open(name: "bomb.xlsx")
        var delivered = 0
        let e = try #require(throws: XLSXError.self) {
            try book.forEachCell(in: book.sheets[0]) { _ in delivered += 1 }
        }
        #expect(e.kind == .sheetTooLarge)
        #expect(e.description.contains("bomb.xlsx") && e.description.contains("sheet S"))
        #expect(Int64(delivered) == ContainerLimits.default.maxSheetText / (1 << 20))
    }

    @Test func theLimitIsTheCallersAndCountsInlineTextToo() throws {
        var limits = ContainerLimits.default
        limits.maxSheetText = 1000
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet((1...20).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>\#(String(repeating: "y", count: 100))</t></is></c></row>"# }.joined()))]
        let opened = try book.open(limits: limits)
        var delivered = 0
        #expect(throws: XLSXError.self) { try opened.forEachCell(in: opened.sheets[0]) { _ in delivered += 1 } }
        #expect(delivered == 10)
        // Numbers are not text: a sheet of numbers is not limited by it.
        book.sheets = [("S", TestWorkbook.sheet((1...2000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>123456789</v></c></row>"# }.joined()))]
        let numbers = try book.open(limits: limits)
        var n = 0
        try numbers.forEachCell(in: numbers.sheets[0]) { _ in n += 1 }
        #expect(n == 2000)
    }

    @Test func aRealisticSheetIsFarBelowTheLimit() throws {
        let book = try Self.bomb(cells: 100, stringSize: 1 << 20).open()
        var delivered = 0
        try book.forEachCell(in: book.sheets[0]) { _ in delivered += 1 }
        #expect(delivered == 100)
    }
}
