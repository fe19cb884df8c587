import Foundation
import Testing
@testable import OfficeXML

@Suite("Zip writer")
struct ZipWriterTests {
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-zipwriter-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func writer(_ note: String = "") -> ZipWriter {
        let zip = ZipWriter()
        zip.add("[Content_Types].xml", Array("<Types/>".utf8))
        zip.add("word/document.xml", Array("<w:document>Cờ Đỏ \(note)</w:document>".utf8))
        zip.add("word/media/image1.png", [0x89, 0x50, 0x4E, 0x47], compression: .store)
        return zip
    }

    @Test func theSameEntriesGiveTheSameBytes() throws {
        let a = try writer().archiveBytes()
        let b = try writer().archiveBytes()
        #expect(a == b)
        #expect(try writer("x").archiveBytes() != a)
    }

    @Test func readsBackWithZipContainerInTheOrderAdded() throws {
        let zip = try ZipContainer(bytes: try writer().archiveBytes(), name: "a.docx")
        #expect(zip.partNames == ["[Content_Types].xml", "word/document.xml", "word/media/image1.png"])
        #expect(try zip.readPart("word/document.xml") == Array("<w:document>Cờ Đỏ </w:document>".utf8))
        #expect(try zip.readPart("word/media/image1.png") == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func writesAtomicallyAndLeavesAnUnchangedFileAlone() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/bao-cao.docx"
        #expect(try writer().write(to: path))
        // Back-date the file: an unchanged archive must keep that time.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(try writer().write(to: path) == false)
        let kept = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(kept == old)
        #expect(try writer("changed").write(to: path))
        let changed = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(changed != old)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bao-cao.docx"])
        let zip = try ZipContainer(bytes: [UInt8](try #require(FileManager.default.contents(atPath: path))), name: "bao-cao.docx")
        #expect(try zip.readPart("word/document.xml") == Array("<w:document>Cờ Đỏ changed</w:document>".utf8))
    }

    /// `.fastDeflate` is deflate at another level (level 1): other bytes, the same part read back.
    @Test func fastDeflateIsAnotherLevelOfTheSameDeflate() throws {
        let xml = Array((0..<20_000).map { "<c r=\"E\($0)\" s=\"3\"><v>\($0 * 7 % 1000)</v></c>" }.joined().utf8)
        func archive(_ compression: ZipWriter.Compression) throws -> [UInt8] {
            let zip = ZipWriter()
            zip.add("xl/worksheets/sheet1.xml", xml, compression: compression)
            return try zip.archiveBytes()
        }
        let normal = try archive(.deflate), fast = try archive(.fastDeflate)
        #expect(normal != fast)
        #expect(fast.count < xml.count / 2)
        #expect(try archive(.fastDeflate) == fast)
        #expect(try ZipContainer(bytes: fast, name: "a.xlsx").readPart("xl/worksheets/sheet1.xml") == xml)
    }

    @Test func aMissingFolderIsAnErrorNotACrash() {
        #expect(throws: ContainerError.self) { try writer().write(to: "/nonexistent-xhht-folder/a.docx") }
    }

    // Skipped visibly when the machine has no python3 (the cross-check needs another reader).
    @Test(.enabled(if: python != nil, "python3 is needed for the zipfile cross-check"))
    func readsBackWithPythonsZipfile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/a.docx"
        try writer().write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = ["-c", """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            for i in z.infolist():
                print(i.filename, i.date_time, i.compress_type, z.read(i).hex())
            """, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "[Content_Types].xml (1980, 1, 1, 0, 0, 0) 8 \(Array("<Types/>".utf8).hex)",
            "word/document.xml (1980, 1, 1, 0, 0, 0) 8 \(Array("<w:document>Cờ Đỏ </w:document>".utf8).hex)",
            "word/media/image1.png (1980, 1, 1, 0, 0, 0) 0 89504e47",
        ])
    }
}

private extension Array where Element == UInt8 {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
