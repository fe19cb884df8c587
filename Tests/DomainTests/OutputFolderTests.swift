@testable import Core
import Foundation
import Testing

/// The output folder is made, or refused with the component in the way, before anything runs.
@Suite struct OutputFolderTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-folder-\(UUID().uuidString)")

    @Test func missingFoldersAreMadeWithTheirParents() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let wanted = root.appendingPathComponent("Output/2024").path
        try OutputFolder.prepare(wanted)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: wanted, isDirectory: &isFolder) && isFolder.boolValue)
        try OutputFolder.prepare(wanted)  // again: nothing to do, no error
    }

    @Test func aFileInTheWayIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let file = root.appendingPathComponent("Output")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputFolderError(path: file.appendingPathComponent("2024").path, blocking: file.path, code: ENOTDIR)) {
            try OutputFolder.prepare(file.appendingPathComponent("2024").path)
        }
        do {
            try OutputFolder.prepare(file.path)
            Issue.record("a file is not a folder")
        } catch {
            #expect(error.description == "không dùng được \(file.path) làm thư mục kết quả: đó là một tệp, không phải thư mục")
            #expect(error.technicalDetail.contains("Not a directory"))
        }
        #expect(SystemErrorText.vietnamese(EACCES).contains("quyền"))
    }
}
