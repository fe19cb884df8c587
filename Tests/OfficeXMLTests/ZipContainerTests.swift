import Foundation
import Testing
@testable import OfficeXML

@Suite("Zip container")
struct ZipContainerTests {
    func archive(_ entries: [(String, String)]) throws -> [UInt8] {
        let zip = ZipWriter()
        for (name, text) in entries { zip.add(name, Array(text.utf8)) }
        return try zip.archiveBytes()
    }

    @Test func caseInsensitiveAndBackslashLookup() throws {
        let zip = try ZipContainer(bytes: try archive([("xl\\Workbook.XML", "<w/>"), ("[Content_Types].xml", "<T/>")]), name: "a.xlsx")
        #expect(zip.resolve("xl/workbook.xml") == "xl/Workbook.XML")
        #expect(zip.contains("XL\\WORKBOOK.xml"))
        #expect(try zip.readPart("xl/workbook.xml") == Array("<w/>".utf8))
        #expect(!zip.contains("xl/styles.xml"))
        let e = try #require(throws: ContainerError.self) { try zip.readPart("xl/styles.xml") }
        #expect(e.kind == .missingPart)
    }

    /// A part named twice (an odd writer appending instead of replacing): the last one is read,
    /// as by Python's zipfile (openpyxl) and the zip crate (calamine).
    @Test func aPartNamedTwiceReadsTheLastOne() throws {
        var bytes = try archive([("xl/a.xml", "<first/>"), ("xl/b.xml", "<second/>")])
        // Rename the second entry to the first's name in its local header and the central
        // directory (names are not covered by the CRC).
        let from = Array("xl/b.xml".utf8), to = Array("xl/a.xml".utf8)
        var renamed = 0
        for i in 0...(bytes.count - from.count) where Array(bytes[i..<(i + from.count)]) == from {
            bytes.replaceSubrange(i..<(i + from.count), with: to)
            renamed += 1
        }
        #expect(renamed == 2)
        let zip = try ZipContainer(bytes: bytes, name: "dup.xlsx")
        #expect(zip.partNames == ["xl/a.xml"])
        #expect(try zip.readPart("xl/a.xml") == Array("<second/>".utf8))
    }

    @Test func pathAndMemoryGiveTheSameParts() throws {
        let bytes = try archive([("a.xml", String(repeating: "<x>Xã</x>", count: 20_000))])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-zip-test-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let fromPath = try ZipContainer(path: path)
        let fromMemory = try ZipContainer(bytes: bytes, name: "m.xlsx")
        #expect(try fromPath.readPart("a.xml") == fromMemory.readPart("a.xml"))
        var chunks = 0
        try fromPath.streamPart("a.xml", chunkSize: 4096) { chunk in
            chunks += 1
            #expect(chunk.count <= 4096)
        }
        #expect(chunks > 10)
    }

    @Test func concurrentInflateGivesTheSameBytesAndStopsWhenTheReaderThrows() throws {
        struct Stop: Error {}
        let text = (0..<50_000).map { "<c r=\"A\($0)\"><v>\($0)</v></c>" }.joined()
        let zip = try ZipContainer(bytes: try archive([("s.xml", text)]), name: "c.xlsx")
        var whole: [UInt8] = []
        try zip.streamPartConcurrently("s.xml", chunkSize: 4096) { whole.append(contentsOf: $0) }
        #expect(whole == Array(text.utf8))
        var chunks = 0
        #expect(throws: Stop.self) {
            try zip.streamPartConcurrently("s.xml", chunkSize: 4096) { _ in
                chunks += 1
                if chunks == 3 { throw Stop() }
            }
        }
        #expect(chunks == 3)
        // The container is still usable afterwards: the inflating thread has stopped.
        #expect(try zip.readPart("s.xml").count == text.utf8.count)
    }

    @Test func writerIsDeterministic() throws {
        let a = try archive([("x.xml", "<a/>"), ("y.xml", "<b/>")])
        let b = try archive([("x.xml", "<a/>"), ("y.xml", "<b/>")])
        #expect(a == b)
    }

    @Test func tooManyEntries() throws {
        let bytes = try archive((0..<20).map { ("e\($0).xml", "<a/>") })
        let e = try #require(throws: ContainerError.self) {
            try ZipContainer(bytes: bytes, name: "many.xlsx", limits: ContainerLimits(maxEntries: 10))
        }
        #expect(e.kind == .tooManyEntries)
        #expect(e.description.hasPrefix("many.xlsx: "))
    }

    @Test func totalSizeLimitCountsEveryPartRead() throws {
        let bytes = try archive([("a.xml", String(repeating: "a", count: 3000)), ("b.xml", String(repeating: "b", count: 3000))])
        let zip = try ZipContainer(bytes: bytes, name: "t.xlsx", limits: ContainerLimits(maxTotalSize: 5000))
        _ = try zip.readPart("a.xml")
        let e = try #require(throws: ContainerError.self) { try zip.readPart("b.xml") }
        #expect(e.kind == .totalTooLarge)
    }

    @Test("Sniffing names what a file is", arguments: [
        ([UInt8](), FileKind.empty), (Array("a,b\n1,2\n".utf8), .text), (Array("<?xml version=\"1.0\"?><Workbook/>".utf8), .xml),
        ([0x50, 0x4B, 0x03, 0x04, 0, 0], .zip), ([0x00, 0x01, 0x02, 0xFF], .unknown),
    ])
    func sniff(bytes: [UInt8], kind: FileKind) {
        #expect(FileKind.sniff(bytes) == kind)
    }
}
