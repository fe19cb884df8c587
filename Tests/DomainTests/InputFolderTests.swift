@testable import Core
import Foundation
@testable import Run
import Testing

/// Every entry of the input folder is accounted for: read, skipped by design (hidden, lock
/// files, notes) or named in a finding; nothing that is not a regular file is ever opened.
@Suite struct InputFolderTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func symlinkToAFileIsReadUnderTheLinksName() throws {
        let input = try folder(), elsewhere = try folder()
        defer { try? FileManager.default.removeItem(at: input); try? FileManager.default.removeItem(at: elsewhere) }
        let target = elsewhere.appendingPathComponent("ban-goc.xlsx")
        try Data("x".utf8).write(to: target)
        let old = Date(timeIntervalSince1970: 1_732_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: target.path)
        try FileManager.default.createSymbolicLink(at: input.appendingPathComponent("huyen-a.xlsx"), withDestinationURL: target)
        try Data("y".utf8).write(to: input.appendingPathComponent("huyen-b.xlsx"))

        let listing = try InputFolder.list(in: input.path)
        #expect(listing.files.map(\.name) == ["huyen-a.xlsx", "huyen-b.xlsx"])
        #expect(listing.issues.isEmpty)
        // Received: the time of the file the link points at, not of the link.
        #expect(listing.files[0].modified == old)
    }

    @Test func danglingLinkIsAnErrorNamingTheEntry() throws {
        let input = try folder()
        defer { try? FileManager.default.removeItem(at: input) }
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("huyen-c.xlsx").path,
                                                   withDestinationPath: "/khong/co/tep.xlsx")
        // A loop of links is as dangling as a link to nothing.
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("vong.xlsx").path, withDestinationPath: "vong.xlsx")

        let listing = try InputFolder.list(in: input.path)
        #expect(listing.files.isEmpty)
        #expect(listing.issues.map(\.rule) == [RuleID.inputLinkBroken.rawValue, RuleID.inputLinkBroken.rawValue])
        #expect(listing.issues.map(\.provenance.file) == ["huyen-c.xlsx", "vong.xlsx"])
        #expect(listing.issues.allSatisfy { $0.severity == .error })
        #expect(listing.issues[0].message.contains("/khong/co/tep.xlsx"))
    }

    @Test func folderNamedLikeAWorkbookIsAnErrorAndAPlainSubfolderANote() throws {
        let input = try folder()
        defer { try? FileManager.default.removeItem(at: input) }
        try FileManager.default.createDirectory(at: input.appendingPathComponent("huyen-d.xlsx"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: input.appendingPathComponent("cu"), withIntermediateDirectories: false)
        try Data("z".utf8).write(to: input.appendingPathComponent("cu/huyen-d-2023.xlsx"))

        let listing = try InputFolder.list(in: input.path)
        #expect(listing.files.isEmpty)
        let byFile = Dictionary(uniqueKeysWithValues: listing.issues.map { ($0.provenance.file, $0) })
        #expect(byFile["huyen-d.xlsx"]?.rule == RuleID.inputNotAFile.rawValue)
        #expect(byFile["huyen-d.xlsx"]?.severity == .error)
        #expect(byFile["huyen-d.xlsx"]?.message.contains("một thư mục") == true)
        #expect(byFile["cu"]?.rule == RuleID.inputSubfolder.rawValue)
        #expect(byFile["cu"]?.severity == .info)
    }

    /// A FIFO would block whoever opens it: it must be named, never opened (the listing
    /// returning at all proves it was not).
    @Test func fifoAndSocketAreFindingsNeverOpened() throws {
        let input = try folder()
        defer { try? FileManager.default.removeItem(at: input) }
        #expect(mkfifo(input.appendingPathComponent("huyen-e.xlsx").path, 0o644) == 0)
        // A link to the FIFO is the FIFO.
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("huyen-f.xlsx").path, withDestinationPath: "huyen-e.xlsx")

        let listing = try InputFolder.list(in: input.path)
        #expect(listing.files.isEmpty)
        #expect(listing.issues.map(\.provenance.file) == ["huyen-e.xlsx", "huyen-f.xlsx"])
        #expect(listing.issues.allSatisfy { $0.rule == RuleID.inputNotAFile.rawValue && $0.message.contains("FIFO") })
    }

    @Test func hiddenLockAndNoteFilesAreSkippedByDesign() throws {
        let input = try folder()
        defer { try? FileManager.default.removeItem(at: input) }
        for name in [".DS_Store", "~$huyen-a.xlsx", "ghi-chu.txt", "huyen-a.xlsx"] {
            try Data("x".utf8).write(to: input.appendingPathComponent(name))
        }
        let listing = try InputFolder.list(in: input.path)
        #expect(listing.files.map(\.name) == ["huyen-a.xlsx"])
        #expect(listing.issues.isEmpty)
    }

    @Test func everyInputRuleHasItsSeverityAndADocumentedLine() throws {
        let rules = try String(contentsOf: SharedData.repositoryRoot.appendingPathComponent("docs/validation-rules.md"), encoding: .utf8)
        for rule in [RuleID.inputLinkBroken, .inputNotAFile, .inputSubfolder, .submissionWithdrawn] {
            #expect(rules.contains("- `\(rule.rawValue)` · \(rule.severity.rawValue) ·"), "\(rule.rawValue)")
        }
    }
}
