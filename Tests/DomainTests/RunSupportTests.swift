@testable import Core
import Foundation
@testable import Run
import Testing

@Suite struct RunSupportTests {
    private func tempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func atomicWriteCreatesReplacesAndSkipsIdenticalBytes() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a/b/report.html")
        #expect(try AtomicFile.write("một", to: file))
        #expect(try String(contentsOf: file, encoding: .utf8) == "một")
        #expect(try AtomicFile.write("một", to: file) == false)
        #expect(try AtomicFile.write("hai", to: file))
        #expect(try String(contentsOf: file, encoding: .utf8) == "hai")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(leftovers == ["report.html"])
    }

    @Test func atomicWriteReportsTheFileItCannotWrite() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A regular file where a folder is needed.
        let blocker = folder.appendingPathComponent("blocker")
        try AtomicFile.write("x", to: blocker)
        #expect(throws: (any Error).self) { try AtomicFile.write("y", to: blocker.appendingPathComponent("out.csv")) }
    }

    @Test func secondLockIsRefusedUntilTheFirstIsReleased() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(".xhht.lock")
        let first = try #require(try RunLock.acquire(at: url))
        #expect(try RunLock.acquire(at: url) == nil)
        first.release()
        let again = try RunLock.acquire(at: url)
        #expect(again != nil)
        again?.release()
    }

    @Test func exitStatusFollowsTheWorstFinding() {
        let p = Provenance(file: "a.xlsx")
        #expect(ExitStatus.of(issues: []) == .success)
        #expect(ExitStatus.of(issues: [Issue(severity: .info, rule: "r", provenance: p, message: "m")]) == .success)
        #expect(ExitStatus.of(issues: [Issue(severity: .warning, rule: "r", provenance: p, message: "m")]) == .warnings)
        #expect(ExitStatus.of(issues: [Issue(severity: .warning, rule: "r", provenance: p, message: "m"),
                                        Issue(severity: .error, rule: "r", provenance: p, message: "m")]) == .inputErrors)
    }

    /// A PDF asked for and not made raises a clean run to 1, never lowers a run with input errors.
    @Test func aMissingOutputRaisesTheStatusToWarnings() {
        #expect(ExitStatus.success.atLeast(.warnings) == .warnings)
        #expect(ExitStatus.warnings.atLeast(.warnings) == .warnings)
        #expect(ExitStatus.inputErrors.atLeast(.warnings) == .inputErrors)
    }
}
