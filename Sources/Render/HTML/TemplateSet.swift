import Foundation
import Mustache

/// The HTML report's Mustache templates, read from a folder at run time (never from the bundle:
/// `Templates/` belongs to the user, beside pipeline.yml, and `Bundle.module` is not there when
/// the binary is copied elsewhere).
///
/// Every `*.mustache` file under the folder is a template, named by its path without the
/// extension ("report", "partials/header"); `report` is the page and the others are partials
/// (`{{> partials/header}}`). Loading checks everything a run would otherwise find too late:
/// a syntax error names the file, line and column; a partial that does not exist names the file
/// and line that asks for it (Mustache itself would silently render nothing).
///
///     let templates = try TemplateSet.load(from: URL(fileURLWithPath: "Templates/html"))
///     let html = try HTMLReport.render(model: model, templates: templates)
public struct TemplateSet: Sendable {
    /// The template that renders the whole page.
    public static let mainTemplate = "report"

    public let folder: URL
    /// Template names, sorted.
    public let names: [String]
    let library: MustacheLibrary

    /// The HTML templates of a Templates folder: `<templatesRoot>/html`.
    public static func defaultFolder(templatesRoot: URL) -> URL {
        templatesRoot.appendingPathComponent("html", isDirectory: true)
    }

    public static func load(from folder: URL) throws -> TemplateSet {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError.folderMissing(path: folder.path)
        }
        var sources: [String: (text: String, path: String)] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = fm.enumerator(atPath: base) else { throw TemplateError.folderMissing(path: folder.path) }
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            let path = base + "/" + relative
            guard let data = fm.contents(atPath: path) else { throw TemplateError.unreadable(path: path) }
            guard let text = String(data: data, encoding: .utf8) else { throw TemplateError.notUTF8(path: path) }
            sources[String(relative.dropLast(".mustache".count))] = (text, path)
        }
        return try TemplateSet(folder: folder, sources: sources)
    }

    /// Templates given as text, by name (for tests and for callers that keep them elsewhere).
    /// `paths` only serve error messages.
    public init(folder: URL, sources: [String: (text: String, path: String)]) throws {
        var library = MustacheLibrary()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError.syntax(path: source.path, line: error.context.lineNumber, column: error.context.columnNumber,
                                           lineText: error.context.line, reason: TemplateError.explain(error.error))
            }
        }
        guard sources[Self.mainTemplate] != nil else {
            throw TemplateError.mainMissing(folder: folder.path, name: Self.mainTemplate + ".mustache")
        }
        for name in sources.keys.sorted() {
            let source = sources[name]!
            for reference in Self.partialReferences(in: source.text) where sources[reference.name] == nil {
                throw TemplateError.partialMissing(path: source.path, line: reference.line, partial: reference.name)
            }
        }
        self.folder = folder
        self.names = sources.keys.sorted()
        self.library = library
    }

    /// `{{> name}}` and `{{< name}}` tags with their line numbers (default delimiters). A plain
    /// scan rather than a regular expression: it runs on every load and must stay cheap.
    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        var out: [(String, Int)] = []
        let bytes = Array(text.utf8)
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; i += 1; continue }
            guard b == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            var j = i + 2
            while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            guard j < bytes.count, bytes[j] == UInt8(ascii: ">") || bytes[j] == UInt8(ascii: "<") else { i += 2; continue }
            j += 1
            while j < bytes.count, bytes[j] == 0x20 { j += 1 }
            let start = j
            while j < bytes.count, bytes[j] != UInt8(ascii: "}"), bytes[j] != 0x20, bytes[j] != 0x0A { j += 1 }
            let name = String(decoding: bytes[start..<j], as: UTF8.self)
            // {{>*dynamic}} names come from data and cannot be checked here.
            if !name.isEmpty, !name.hasPrefix("*") { out.append((name, line)) }
            i = j
        }
        return out
    }

    /// Renders `object` with a named template.
    func render(_ object: Any, template name: String = TemplateSet.mainTemplate) throws -> String {
        guard let text = library.render(object, withTemplate: name) else {
            throw TemplateError.mainMissing(folder: folder.path, name: name + ".mustache")
        }
        return text
    }
}
