import Mustache
import OfficeXML

/// Turns one Word part (`word/document.xml`, a header, a footer, the notes) into a Mustache
/// template whose output is the rendered part, so that swift-mustache does all the rendering
/// and the engine only moves tags:
///
/// 1. Per paragraph, the text of its `w:t` nodes is joined and the tags are found in it
///    (`TagIndex`, `TagScanner`). A tag split across runs (spell-check marks, bookmarks, a change of
///    formatting inside the name) is moved whole into the `w:t` holding its start, so it takes
///    that run's formatting, and removed from the others. Every `w:t` rewritten gets
///    `xml:space="preserve"`, so spaces in values survive.
/// 2. Sections (`{{#x}}`, `{{^x}}` ... `{{/x}}`) are placed where repeating them keeps the XML
///    balanced (`SectionPlan`): inline in one paragraph, each tag replacing its own paragraph
///    (no empty paragraph left behind), or around a whole table row; anything else is an error
///    naming the place (`WordTemplateError`), never a broken file.
/// 3. The sections must come out in the order they were written (a row widened around a
///    section that was inside another would swap them): otherwise an error.
/// 4. Everything else is copied as it is (`LiteralXML` neutralises stray `{{`).
///
///     <w:p><w:r><w:t>Huyện {{te</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>n}}</w:t></w:r></w:p>
///     -> {{%CONTENT_TYPE:WORD_XML}}<w:p><w:r><w:t xml:space="preserve">Huyện {{ten}}</w:t></w:r>
///        <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"></w:t></w:r></w:p>
struct PartCompiler {
    let file: String
    let part: String

    typealias Ref = TagIndex.Ref

    /// The compiled template, or nil when the part holds no tag (it is then copied byte for byte).
    func compile(_ bytes: [UInt8]) throws -> MustacheTemplate? {
        // No brace, no tag: the common case for headers, footers and notes, at no parsing cost.
        guard bytes.contains(UInt8(ascii: "{")) else { return nil }
        let events: [XMLEvent]
        do {
            events = try XMLEventReader.read(bytes, file: file, part: part)
        } catch let error as XMLParseError {
            throw WordTemplateError(.unreadablePart, file: file, part: part, detail: error.line > 0 ? "dòng \(error.line): \(error.message)" : error.message)
        }
        let index = try TagIndex(layout: PartLayout(events), file: file, part: part)
        guard !index.isEmpty else { return nil }
        let plan = try SectionPlan(index, events: events)
        let rewrites = rewrittenTexts(index, plan)

        // The content type for the prefix of the `w:t` that hold values (one per part).
        let prefixes = Set(rewrites.texts.values.compactMap { rewrite -> String?? in
            guard case .start(let start) = events[rewrite.node.start] else { return nil }
            return .some(start.prefix)
        })
        guard prefixes.count <= 1, let contentType = WordXMLContentType.register(prefix: prefixes.first ?? "w") else {
            throw WordTemplateError(.unreadablePart, file: file, part: part,
                                    detail: "WordprocessingML is bound to \(prefixes.count) prefixes or to one Mustache cannot name; save the template again from Word")
        }

        // Write the template.
        var out: [UInt8] = Array("{{%CONTENT_TYPE:\(contentType)}}".utf8)
        out.reserveCapacity(bytes.count + 1024)
        var emitted: [Ref] = []
        func bare(_ refs: [Ref]?) {
            for ref in refs ?? [] {
                out += Array(index.tag(ref).mustache.utf8)
                emitted.append(ref)
            }
        }
        var i = 0
        while i < events.count {
            bare(plan.before[i])
            if let text = plan.textBefore[i] { out += Array(text.utf8) }
            if let cell = plan.replacedCells[i] {
                bare([cell.ref])
                i = cell.end
            } else if let end = plan.skipped[i] {
                i = end
            } else if let replacement = rewrites.paragraphs[i] {
                // A bookmark the paragraph held stays, outside the section: written once.
                let marks = Self.rangeMarks(events, i...replacement.end)
                if index.tag(replacement.ref).isOpening { out += marks }
                bare([replacement.ref])
                if !index.tag(replacement.ref).isOpening { out += marks }
                i = replacement.end
            } else if let rewrite = rewrites.texts[i], case .start(let start) = events[i] {
                out += Self.preserving(start)
                out += rewrite.content
                emitted += rewrite.inline
                i = rewrite.node.end
                out += events[i].raw
            } else {
                LiteralXML.append(events[i], to: &out)
            }
            bare(plan.after[i])
            if let text = plan.textAfter[i] { out += Array(text.utf8) }
            if let empty = plan.emptyRows[i] {
                // The table's only row, for an empty list: a `w:tbl` must keep one `w:tr`.
                let name = index.tag(empty.opening).name
                out += Array("{{^\(name)}}".utf8)
                Self.appendEmptied(events, index.layout.rows[empty.row].start...index.layout.rows[empty.row].end, to: &out)
                out += Array("{{/\(name)}}".utf8)
            }
            i += 1
        }
        // A row widened around a section that was inside another would swap them.
        let structural = index.structural
        if emitted != structural {
            let k = zip(emitted, structural).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(emitted.count, structural.count - 1)
            throw index.failure(.crossedSections, structural[k], detail: k < emitted.count ? index.describe(emitted[k]) : nil)
        }
        do {
            return try MustacheTemplate(string: String(decoding: out, as: UTF8.self))
        } catch {
            throw WordTemplateError(.renderedPartMalformed, file: file, part: part, detail: "Mustache: \(error)")
        }
    }

    private struct Rewrites {
        /// By the event index of a `<w:t>`: its new content and the inline section tags in it.
        var texts: [Int: (node: PartLayout.TextNode, content: [UInt8], inline: [Ref])] = [:]
        /// By the event index of a `<w:p>` replaced by a bare tag: its end and the tag.
        var paragraphs: [Int: (end: Int, ref: Ref)] = [:]
    }

    /// The new content of every `w:t` a tag touches: text outside tags kept, each tag whole in
    /// the `w:t` holding its start, moved section tags and comments gone.
    private func rewrittenTexts(_ index: TagIndex, _ plan: SectionPlan) -> Rewrites {
        var rewrites = Rewrites()
        for (p, f) in index.found {
            let paragraph = index.layout.paragraphs[p]
            if let t = f.tags.indices.first(where: { plan.replacesParagraph(Ref(paragraph: p, tag: $0)) }) {
                rewrites.paragraphs[paragraph.start] = (paragraph.end, Ref(paragraph: p, tag: t))
                continue
            }
            for (k, textNode) in paragraph.texts.enumerated() {
                let lower = f.offsets[k], upper = f.offsets[k + 1]
                let touching = f.tags.indices.filter { f.tags[$0].start < upper && f.tags[$0].end > lower }
                guard !touching.isEmpty else { continue }
                var content: [UInt8] = []
                var inline: [Ref] = []
                var at = lower
                for t in touching {
                    let tag = f.tags[t]
                    if tag.start > at { content += Self.literal(f.text[at..<tag.start]) }
                    if tag.start >= lower {
                        let ref = Ref(paragraph: p, tag: t)
                        switch tag.kind {
                        case .variable:
                            content += Array(tag.mustache.utf8)
                        case .comment:
                            break
                        case .section, .invertedSection, .close:
                            if plan.isInline(ref) {
                                content += Array(tag.mustache.utf8)
                                inline.append(ref)
                            }
                        }
                    }
                    at = max(at, min(tag.end, upper))
                }
                if at < upper { content += Self.literal(f.text[at..<upper]) }
                rewrites.texts[textNode.start] = (textNode, content, inline)
            }
        }
        return rewrites
    }

    /// The bookmarks and permission ranges in a span of events (a paragraph replaced by a tag).
    private static func rangeMarks(_ events: [XMLEvent], _ span: ClosedRange<Int>) -> [UInt8] {
        var out: [UInt8] = []
        var inside = false
        for i in span {
            switch events[i] {
            case .start(let start) where Self.marks.contains(start.localName)
                && PartLayout.wordNamespaces.contains(start.namespaceURI ?? ""):
                out += start.raw
                inside = true
            case .end(_, let raw) where inside:
                out += raw
                inside = false
            default:
                break
            }
        }
        return out
    }

    private static let marks: Set<String> = ["bookmarkStart", "bookmarkEnd", "permStart", "permEnd"]

    /// A row with the text of every `w:t` left out (tags and all): the row shown for an empty list.
    private static func appendEmptied(_ events: [XMLEvent], _ span: ClosedRange<Int>, to out: inout [UInt8]) {
        var i = span.lowerBound
        while i <= span.upperBound {
            LiteralXML.append(events[i], to: &out)
            if case .start(let start) = events[i], start.localName == "t", !start.selfClosing,
               PartLayout.wordNamespaces.contains(start.namespaceURI ?? "") {
                while i < span.upperBound, case .text = events[i + 1] { i += 1 }
            }
            i += 1
        }
    }

    /// Text between tags, escaped for XML; `{` as a reference, so that no brace left beside a
    /// removed tag can make a new one.
    private static func literal(_ text: ArraySlice<UInt8>) -> [UInt8] {
        let escaped = XMLEscaping.text(String(decoding: text, as: UTF8.self))
        return Array(escaped.replacingOccurrences(of: "{", with: "&#123;").utf8)
    }

    /// The `w:t` start tag with `xml:space="preserve"`.
    private static func preserving(_ start: XMLStartTag) -> [UInt8] {
        if start.attribute("xml:space") == "preserve" { return start.raw }
        if start.attribute("xml:space") == nil {
            var raw = start.raw
            let close = raw.count - (start.selfClosing ? 2 : 1)
            raw.insert(contentsOf: Array(" xml:space=\"preserve\"".utf8), at: close)
            return raw
        }
        var w = XMLWriter()
        var attributes: [(String, String)] = start.namespaceDeclarations.map { ($0.prefix.map { "xmlns:" + $0 } ?? "xmlns", $0.uri) }
        attributes += start.attributes.map { ($0.qualifiedName, $0.qualifiedName == "xml:space" ? "preserve" : $0.value) }
        w.start(start.qualifiedName, attributes: attributes)
        w.text("")
        return w.bytes
    }
}
