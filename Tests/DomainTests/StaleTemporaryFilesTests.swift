@testable import Core
import Foundation
import Testing

/// A killed run's temporary files are removed by the next run, and nothing else is: not a
/// live writer's file, not a file written after the lock was taken, not a name of another
/// pattern, not a folder or a link.
@Suite struct StaleTemporaryFilesTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func touch(_ url: URL, modified: Date) throws {
        try Data("x".utf8).write(to: url)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
    }

    @Test func onlyDeadWritersOlderFilesOfThePatternAreRemoved() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lockTaken = Date()
        let old = lockTaken.addingTimeInterval(-3600)
        let dead: Int32 = 4242, alive: Int32 = 4343
        try touch(dir.appendingPathComponent(".bao-cao.docx.\(dead).tmp"), modified: old)          // removed
        try touch(dir.appendingPathComponent(".issues.csv.\(dead).tmp"), modified: old)            // removed
        try touch(dir.appendingPathComponent(".bao-cao.html.\(alive).tmp"), modified: old)         // its writer lives
        try touch(dir.appendingPathComponent(".report.json.\(dead).tmp"), modified: lockTaken.addingTimeInterval(5))  // newer than the lock
        try touch(dir.appendingPathComponent(".ghi-chu.tmp"), modified: old)                       // not the pattern
        try touch(dir.appendingPathComponent("bao-cao.docx"), modified: old)                       // a report
        try touch(dir.appendingPathComponent(".x.\(getpid()).tmp"), modified: old)                // this process's own
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".thu-muc.\(dead).tmp"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(".lien-ket.\(dead).tmp").path,
                                                   withDestinationPath: dir.appendingPathComponent("bao-cao.docx").path)
        let removed = StaleTemporaryFiles.remove(in: dir, before: lockTaken, isAlive: { $0 == alive })
        #expect(removed == [".bao-cao.docx.\(dead).tmp", ".issues.csv.\(dead).tmp"])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        #expect(left == [".bao-cao.html.\(alive).tmp", ".report.json.\(dead).tmp", ".ghi-chu.tmp", "bao-cao.docx",
                         ".x.\(getpid()).tmp", ".thu-muc.\(dead).tmp", ".lien-ket.\(dead).tmp"])
    }

    @Test func aMissingFolderRemovesNothing() {
        #expect(StaleTemporaryFiles.remove(in: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)"), before: Date()).isEmpty)
    }

    /// The streamed writer names its temporary file by the same pattern, so its leftovers are
    /// found too; a finished write leaves none.
    @Test func theStreamedWriterUsesThePattern() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("issues.csv")
        var seen: [String] = []
        try AtomicFileStream.write(to: target) { out in
            seen = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            try out.write("a,b\n")
        }
        #expect(seen == [".issues.csv.\(getpid()).tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["issues.csv"])
    }

    @Test func processIsAliveKnowsThisProcessAndAnImpossiblePid() {
        #expect(StaleTemporaryFiles.processIsAlive(getpid()))
        #expect(!StaleTemporaryFiles.processIsAlive(Int32.max - 1))  // above any pid_max
    }
}
