@testable import Config
@testable import Core
import Foundation
import OfficeXML
@testable import Run
import Testing

/// Faults a run meets on a real machine, each with a clear Vietnamese message and the previous
/// outputs intact: a full disk (the kernel's own ENOSPC, from /dev/full) and a workbook
/// removed between the listing of Input/ and its reading. (A read-only Output/, a locked store
/// and SIGKILL are end to end: EndToEndTests/FaultRunTests.)
@Suite struct FaultTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-fault-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The write goes where the temporary file's name leads: a link to /dev/full there makes the
    /// kernel answer "no space left on device" to the very write() the report's bytes take. The
    /// writer under test is the real one; only the disk is full.
    private func fullDisk(for target: URL) throws {
        try FileManager.default.createSymbolicLink(atPath: AtomicWrite.temporaryPath(for: target.path), withDestinationPath: "/dev/full")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full (Linux) stands for a full disk"))
    func aFullDiskLeavesThePreviousReportAndSaysSo() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("bao-cao.html")
        try AtomicFile.write("bản trước", to: report)
        try fullDisk(for: report)
        let error = try #require(throws: AtomicFileError.self) { try AtomicFile.write("bản mới, dài hơn", to: report) }
        #expect(error.code == ENOSPC)
        #expect(SystemErrorText.vietnamese(error.code) == "ổ đĩa đã đầy (hoặc hết hạn mức)")
        #expect(error.operation == "ghi")
        #expect(error.path == report.path)  // the report named, not its temporary file
        #expect(try String(contentsOf: report, encoding: .utf8) == "bản trước")
        // The failed write removed its temporary name: nothing is left but the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bao-cao.html"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full (Linux) stands for a full disk"))
    func aFullDiskStopsAStreamedWriteAndKeepsThePreviousFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let issues = dir.appendingPathComponent("issues.csv")
        try AtomicFile.write("severity,file\n", to: issues)
        try fullDisk(for: issues)
        let error = try #require(throws: AtomicFileError.self) {
            try AtomicFileStream.write(to: issues) { out in
                for i in 0..<20_000 { try out.write("error,tep-\(i).xlsx\n") }  // past the 64 KiB buffer
            }
        }
        #expect(error.code == ENOSPC)
        #expect(try String(contentsOf: issues, encoding: .utf8) == "severity,file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["issues.csv"])
    }

    /// Listed, then gone before it is opened (a district's officer moving it out of Input/
    /// during a run): one error naming the file, the other workbooks read as usual.
    @Test func aWorkbookRemovedBeforeItIsReadIsAFindingNotACrash() throws {
        let project = try SeasonTruthTests.Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let listing = try InputFolder.list(in: project.input.path)
        let gone = SeasonTruthTests.withdrawnFile
        try FileManager.default.removeItem(at: project.input.appendingPathComponent(gone))
        var clock = StageClock()
        let reading = project.pipeline.read(listing, clock: &clock)
        #expect(reading.workbooks.count == listing.files.count)
        let about = reading.issues.filter { $0.provenance.file == gone }
        #expect(about.count == 1)
        #expect(about.first?.severity == .error)
        #expect(about.first?.message.contains(gone) == true)
        #expect(about.first?.message.contains("tệp không tồn tại") == true, "\(about)")
        #expect(reading.submissions.count == listing.files.count - 1)
        #expect(reading.workbooks.filter { $0.sheets == nil }.map(\.file.name) == [gone])
    }
}
