import Foundation
import Mustache
import OfficeXML

/// A Word document (.docx) written in Word or LibreOffice with Mustache tags, compiled once and
/// rendered with any context: the same syntax and the same keys as the HTML templates.
///
///     let template = try WordTemplate(path: "Templates/docx/bao-cao.docx")
///     try template.write(["tinh": "Cần Thơ", "huyen": [["ten": "Cờ Đỏ"], ["ten": "Ô Môn"]]],
///                        to: "Output/2025/bao-cao.docx")
///
/// - The parts that may hold tags are `word/document.xml`, `word/header*.xml`,
///   `word/footer*.xml`, `word/footnotes.xml` and `word/endnotes.xml`; each is compiled into a
///   Mustache template by `PartCompiler` (tags split across runs joined, rows and paragraphs
///   repeated, values XML-escaped by `WordXMLContentType`). A part without tags, and every
///   other part (styles, numbering, images, custom XML), is written back byte for byte.
/// - Template mistakes are found when the template is loaded, not halfway through a render:
///   `WordTemplateError` names the file, the part, the tag, the paragraph and the table row.
/// - Rendering is deterministic: the entries keep the template's order and get fixed dates and
///   compression (`ZipWriter`), so the same template and context give the same bytes.
/// - Every rendered part is read back as XML before the archive is written: a document that
///   Word would call damaged is never written (`renderedPartMalformed`).
///
/// A loaded template holds only values: it may be rendered from several tasks at once.
public struct WordTemplate: Sendable {
    /// The template's name in messages (the path given).
    public let file: String

    private enum Content: Sendable {
        case verbatim([UInt8])
        case template(MustacheTemplate)
    }

    private let entries: [(name: String, content: Content)]

    /// The largest `wp:docPr` id in the parts that may hold tags, read from the template's bytes
    /// rather than from each rendered part (a national report's body is 4 MB): the charts'
    /// drawings get ids after it.
    private let largestDrawingID: Int

    /// The parts compiled as templates (those holding at least one tag), in package order.
    public var templatedParts: [String] {
        entries.compactMap { if case .template = $0.content { $0.name } else { nil } }
    }

    /// Reads and compiles the template at `path`.
    public init(path: String) throws {
        let container: ZipContainer
        do {
            container = try ZipContainer(path: path)
        } catch let error as ContainerError {
            throw WordTemplateError(.notAWordFile, file: path, detail: error.reason)
        }
        try self.init(container: container, file: path)
    }

    /// Compiles a template held in memory; `name` serves messages only.
    public init(bytes: [UInt8], name: String) throws {
        let container: ZipContainer
        do {
            container = try ZipContainer(bytes: bytes, name: name)
        } catch let error as ContainerError {
            throw WordTemplateError(.notAWordFile, file: name, detail: error.reason)
        }
        try self.init(container: container, file: name)
    }

    private init(container: ZipContainer, file: String) throws {
        guard container.contains("word/document.xml") else {
            throw WordTemplateError(.notAWordFile, file: file, detail: "the package has no word/document.xml (an Excel or PowerPoint file, or not a document)")
        }
        var entries: [(String, Content)] = []
        var largestDrawingID = 0
        for name in container.partNames {
            let bytes: [UInt8]
            do {
                bytes = try container.readPart(name)
            } catch let error as ContainerError {
                throw WordTemplateError(.notAWordFile, file: file, part: name, detail: error.reason)
            }
            if Self.mayHoldTags(name) { largestDrawingID = max(largestDrawingID, MarkerSplice.largestDrawingID(bytes)) }
            if Self.mayHoldTags(name), let template = try PartCompiler(file: file, part: name).compile(bytes) {
                entries.append((name, .template(template)))
            } else {
                entries.append((name, .verbatim(bytes)))
            }
        }
        self.file = file
        self.entries = entries
        self.largestDrawingID = largestDrawingID
    }

    /// Whether a part is one where Word keeps the user's text: the body, headers, footers, notes.
    static func mayHoldTags(_ part: String) -> Bool {
        guard part.hasPrefix("word/"), part.hasSuffix(".xml") else { return false }
        let name = part.dropFirst("word/".count).dropLast(".xml".count)
        if name.contains("/") { return false }
        if name == "document" || name == "footnotes" || name == "endnotes" { return true }
        for prefix in ["header", "footer"] where name.hasPrefix(prefix) {
            return name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        return false
    }

    /// The rendered document's bytes.
    ///
    /// `context` is what a Mustache template takes: a dictionary, a struct (read by
    /// reflection) or a `MustacheParent`. A key missing from it renders as nothing, as in HTML.
    ///
    /// `charts` are the charts the context holds (`WordChart`): each one whose marker the
    /// rendered body holds becomes an inline drawing with its parts (`ChartPackage`); one the
    /// body does not hold adds nothing.
    public func render(_ context: Any, charts: [WordChart] = []) throws -> [UInt8] {
        var parts: [ChartPackage.Part] = []
        var marked: [Int] = []
        for (name, content) in entries {
            switch content {
            case .verbatim(let bytes):
                parts.append((name, bytes, Self.compression(for: name)))
            case .template(let template):
                let bytes = Array(template.render(context).utf8)
                if ChartPlacement.mayHoldMarker(bytes) {
                    // Read event by event by ChartPackage, which checks it as well.
                    marked.append(parts.count)
                } else {
                    do {
                        try WellFormedCheck.check(bytes, file: file, part: name)
                    } catch let error as XMLParseError {
                        throw WordTemplateError(.renderedPartMalformed, file: file, part: name, detail: error.message)
                    }
                }
                parts.append((name, bytes, .deflate))
            }
        }
        if !marked.isEmpty {
            try ChartPackage(file: file).place(charts, marked: marked, in: &parts, largestDrawingID: largestDrawingID)
        }
        let zip = ZipWriter()
        for part in parts { zip.add(part.name, part.bytes, compression: part.compression) }
        return try zip.archiveBytes()
    }

    /// Renders into `path` through an atomic replace (a temporary file renamed into place); a
    /// file already holding these bytes is left alone.
    /// - Returns: true when the file was created or changed.
    @discardableResult
    public func write(_ context: Any, charts: [WordChart] = [], to path: String) throws -> Bool {
        try AtomicWrite.replace(path, with: try render(context, charts: charts))
    }

    /// Images and other compressed media are stored, not deflated again (no gain, only time).
    static func compression(for part: String) -> ZipWriter.Compression {
        let stored: Set<String> = ["png", "jpg", "jpeg", "gif", "tif", "tiff", "wdp", "zip", "xlsx", "docx"]
        let ext = part.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return stored.contains(ext) ? .store : .deflate
    }
}
