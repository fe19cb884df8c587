import Testing
import Foundation
@testable import Render

/// Loading templates from a folder: clear errors with file, line and column.
@Suite("HTML templates loading")
struct HTMLTemplateTests {
    /// A fresh folder with the given files (relative path -> text), removed by the caller.
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-templates-\(UUID().uuidString)")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }

    @Test("the project's templates load, with every partial they call")
    func projectTemplatesLoad() throws {
        let set = try TemplateSet.load(from: RenderFixtures.templatesFolder)
        #expect(set.names.contains("report"))
        #expect(set.names.contains("partials/header"))
        #expect(set.names.contains("partials/style"))
    }

    @Test("a syntax error names the file, the line and the column")
    func syntaxError() throws {
        let dir = try Self.folder([
            "report.mustache": "<p>ok</p>\n{{> partials/x}}\n",
            "partials/x.mustache": "<ul>\n{{#rows}}\n<li>{{name}}</li>\n{{/row}}\n</ul>\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try TemplateSet.load(from: dir)
        } throws: { error in
            guard case .syntax(let path, let line, _, let lineText, _) = error as? TemplateError else { return false }
            let message = "\(error)"
            return path.hasSuffix("partials/x.mustache") && line == 4 && lineText.contains("{{/row}}")
                && message.contains("partials/x.mustache, dòng 4") && message.contains("thẻ đóng không khớp")
        }
    }

    @Test("a missing partial names the file and line that call it")
    func missingPartial() throws {
        let dir = try Self.folder(["report.mustache": "<p>ok</p>\n\n{{> partials/nowhere}}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: TemplateError.partialMissing(path: dir.standardizedFileURL.path + "/report.mustache", line: 3, partial: "partials/nowhere")) {
            try TemplateSet.load(from: dir)
        }
    }

    @Test("a folder without report.mustache, and no folder at all")
    func missingMain() throws {
        let dir = try Self.folder(["other.mustache": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: TemplateError.mainMissing(folder: dir.path, name: "report.mustache")) { try TemplateSet.load(from: dir) }
        let nowhere = dir.appendingPathComponent("none")
        #expect(throws: TemplateError.folderMissing(path: nowhere.path)) { try TemplateSet.load(from: nowhere) }
        #expect("\(TemplateError.folderMissing(path: "/x"))".contains("report.mustache"))
    }

    @Test("an unclosed section is reported")
    func unclosed() throws {
        let dir = try Self.folder(["report.mustache": "a\n{{#indicators}}\nb\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            try TemplateSet.load(from: dir)
        } throws: { error in
            "\(error)".contains("report.mustache") && "\(error)".contains("chưa có thẻ đóng")
        }
    }
}
