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

    @Test("every template file is NFC already")
    func templatesAreNFC() throws {
        let folder = RenderFixtures.templatesFolder
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(file)")
        }
    }
}

/// The keys a template can use are the view's property names: every one is documented in
/// Templates/README.md, and the row types that answer by name (`MustacheParent`) answer for
/// every property.
@Suite("Templates/README.md documents the view")
struct HTMLTemplateKeysTests {
    /// Property names of the view, walking into nested values and the first element of lists.
    static func keys(of value: Any, into keys: inout Set<String>, problems: inout [String]) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            if let first = mirror.children.first { Self.keys(of: first.value, into: &keys, problems: &problems) }
            return
        }
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first { Self.keys(of: wrapped.value, into: &keys, problems: &problems) }
            return
        }
        guard mirror.displayStyle == .struct else { return }
        for child in mirror.children {
            guard let label = child.label else { continue }
            keys.insert(label)
            if let parent = value as? MustacheParentProbe {
                let isNilOptional = Mirror(reflecting: child.value).displayStyle == .optional && Mirror(reflecting: child.value).children.isEmpty
                if parent.probe(label) == nil && !isNilOptional { problems.append("\(type(of: value)).\(label) is not answered by child(named:)") }
            }
            Self.keys(of: child.value, into: &keys, problems: &problems)
        }
    }

    @Test("every key of the page view is in Templates/README.md")
    func documented() throws {
        let readmeURL = RenderFixtures.templatesFolder.deletingLastPathComponent().appendingPathComponent("README.md")
        let readme = try String(contentsOf: readmeURL, encoding: .utf8)
        var keys = Set<String>()
        var problems: [String] = []
        for model in [RenderFixtures.canTho(), RenderFixtures.canTho(kind: .review2023To2025, year: 2025)] {
            Self.keys(of: HTMLReport.page(for: model), into: &keys, problems: &problems)
        }
        #expect(keys.count > 80)
        #expect(problems.isEmpty, "\(problems)")
        let undocumented = keys.filter { !readme.contains("`\($0)`") }.sorted()
        #expect(undocumented.isEmpty, "not in Templates/README.md: \(undocumented)")
    }
}

/// Lets the test ask a `MustacheParent` row for a key without importing Mustache here.
protocol MustacheParentProbe { func probe(_ key: String) -> Any? }
extension UnitRowView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
extension TrendRowView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
extension TrendCellView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
extension IssueView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
extension UnitTableRowView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
extension UnitTableCellView: MustacheParentProbe { func probe(_ key: String) -> Any? { child(named: key) } }
