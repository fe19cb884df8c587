import Foundation
import Testing
import OfficeXML
@testable import XLSX

/// Only regular files are opened (issue 14: `xhht cells` on a FIFO blocked forever). A FIFO,
/// a folder or a device is refused before any read; a symlink to a workbook is read.
@Suite("Paths that are not regular files")
struct NonRegularFileTests {
    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-nonreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func workbookBytes() throws -> [UInt8] {
        var book = TestWorkbook()
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1"><v>7</v></c></row>"#))]
        return try book.bytes()
    }

    /// With no writer, opening this FIFO for reading blocks forever unless the reader never
    /// tries: the test would hang (and the suite time out), not pass, if it did.
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("huyen-a.xlsx").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let e = try #require(throws: XLSXError.self) { try Workbook(path: fifo) }
        #expect(e.kind == .notARegularFile)
        #expect(e.description.contains("named pipe (FIFO)"))
        #expect(e.description.hasPrefix(fifo))
    }

    @Test func folderAndDeviceAreRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("huyen-b.xlsx")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let folder = try #require(throws: XLSXError.self) { try Workbook(path: sub.path) }
        #expect(folder.kind == .notARegularFile && folder.description.contains("a folder"))
        let device = try #require(throws: XLSXError.self) { try Workbook(path: "/dev/zero") }
        #expect(device.kind == .notARegularFile && device.description.contains("a device"))
    }

    @Test func symlinkToAWorkbookIsReadAndADanglingOneIsNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.xlsx")
        try Data(Self.workbookBytes()).write(to: real)
        let link = dir.appendingPathComponent("link.xlsx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(try readAll(Workbook(path: link.path))["S"]?["A1"]?.value == .number(7))
        let dangling = dir.appendingPathComponent("dangling.xlsx")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: dir.appendingPathComponent("gone.xlsx"))
        let e = try #require(throws: XLSXError.self) { try Workbook(path: dangling.path) }
        #expect(e.kind == .unreadableFile && e.description.contains("does not exist"))
    }

    @Test func readAllRefusesAFileAboveTheCapWithoutReadingIt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.xlsx")
        try Data(count: 5000).write(to: file)
        #expect(try RegularFile.readAll(file.path, maxSize: 5000).count == 5000)
        let e = try #require(throws: ContainerError.self) { try RegularFile.readAll(file.path, maxSize: 4999) }
        #expect(e.kind == .totalTooLarge)
    }
}
