import Mustache
import OfficeXML

/// Turns one Word part (`word/document.xml`, a header, a footer, the notes) into a Mustache
/// template whose output is the rendered part, so that swift-mustache does all the rendering
/// and the engine only moves tags:
///
/// 1. Per paragraph, the text of its `w:t` nodes is joined and the tags are found in it
///    (`TagScanner`). A tag split across runs (spell-check marks, bookmarks, a change of
///    formatting inside the name) is moved whole into the `w:t` holding its start, so it takes
///    that run's formatting, and removed from the others. Every `w:t` rewritten gets
///    `xml:space="preserve"`, so spaces in values survive.
/// 2. Sections (`{{#x}}`, `{{^x}}` ... `{{/x}}`) are placed where repeating them keeps the XML
///    balanced, in this order of preference:
///    - both tags in one paragraph: left inline (their `w:t` must sit at the same depth);
///    - each tag alone in its paragraph (only spaces besides it), the two paragraphs siblings:
///      each paragraph is replaced by the bare tag, so no empty paragraph is left behind
///      (docxtemplater's paragraph loop); the last paragraph of a cell, header or note is kept
///      empty instead, since Word requires one there;
///    - both tags in one table row (different cells or paragraphs): the row repeats, the open
///      tag going before `<w:tr>` and the close after `</w:tr>`;
///    - anything else is an error naming the place (`WordTemplateError`), never a broken file.
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

    /// A tag by its paragraph (index in the layout) and its position in that paragraph's tags.
    private struct Ref: Hashable {
        var paragraph: Int
        var tag: Int
    }

    /// Where a section tag ends up.
    private enum Placement {
        case inline
        /// The paragraph is replaced by the bare tag.
        case replacingParagraph
        /// A bare tag before or after an event (a row's start or end, a kept paragraph).
        case bare
    }

    private struct Found {
        var tags: [Tag]
        /// Start of each text node in the joined text (UTF-8 offsets), plus the total length.
        var offsets: [Int]
        var text: [UInt8]
    }

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
        let layout = PartLayout(events)
        var found: [Int: Found] = [:]
        for (p, paragraph) in layout.paragraphs.enumerated() where !paragraph.texts.isEmpty {
            var offsets: [Int] = []
            var text: [UInt8] = []
            for node in paragraph.texts {
                offsets.append(text.count)
                text.append(contentsOf: node.text)
            }
            offsets.append(text.count)
            guard text.contains(UInt8(ascii: "{")) else { continue }
            do {
                let tags = try TagScanner.scan(text)
                if !tags.isEmpty { found[p] = Found(tags: tags, offsets: offsets, text: text) }
            } catch {
                let kind: WordTemplateError.Kind = switch error.kind {
                case .unclosed: .unclosedTag
                case .unsupported: .unsupportedTag
                case .invalidName: .invalidName
                case .emptyName: .emptyName
                }
                throw failure(kind, layout, p, text: text, range: error.offset..<(error.offset + error.typed.utf8.count), tag: error.typed)
            }
        }
        guard !found.isEmpty else { return nil }

        // Every tag's place in the document: the event of the `w:t` holding its start.
        func node(_ ref: Ref) -> Int {
            let f = found[ref.paragraph]!
            let start = f.tags[ref.tag].start
            return (f.offsets.lastIndex { $0 <= start && $0 < f.text.count }) ?? 0
        }
        func order(_ ref: Ref) -> (Int, Int) {
            (layout.paragraphs[ref.paragraph].texts[node(ref)].start, found[ref.paragraph]!.tags[ref.tag].start)
        }
        var structural: [Ref] = []
        for (p, f) in found {
            for (t, tag) in f.tags.enumerated() where tag.isStructural { structural.append(Ref(paragraph: p, tag: t)) }
        }
        structural.sort { order($0) < order($1) }
        func tag(_ ref: Ref) -> Tag { found[ref.paragraph]!.tags[ref.tag] }
        func fail(_ kind: WordTemplateError.Kind, _ ref: Ref, detail: String? = nil) -> WordTemplateError {
            let t = tag(ref)
            return failure(kind, layout, ref.paragraph, text: found[ref.paragraph]!.text, range: t.start..<t.end, tag: t.typed, detail: detail)
        }
        func describe(_ ref: Ref) -> String {
            var words = ["\"\(tag(ref).typed)\""]
            if let row = layout.paragraphs[ref.paragraph].rows.last {
                words.append("bảng \(layout.rows[row].table), hàng \(layout.rows[row].number)")
            }
            words.append("đoạn \"\(excerpt(found[ref.paragraph]!.text, tag(ref).start..<tag(ref).end))\"")
            return words.joined(separator: ", ")
        }

        // Pair the sections as Mustache will, and place each pair.
        var placement: [Ref: Placement] = [:]
        var before: [Int: [Ref]] = [:]
        var after: [Int: [Ref]] = [:]
        var open: [Ref] = []
        for ref in structural {
            if tag(ref).isOpening { open.append(ref); continue }
            guard let opening = open.popLast() else { throw fail(.unopenedSection, ref) }
            guard tag(opening).name == tag(ref).name else {
                throw fail(.mismatchedSection, ref, detail: describe(opening))
            }
            let po = layout.paragraphs[opening.paragraph], pc = layout.paragraphs[ref.paragraph]
            if opening.paragraph == ref.paragraph {
                guard po.texts[node(opening)].chain == pc.texts[node(ref)].chain else {
                    throw fail(.unbalancedSection, opening, detail: describe(ref))
                }
                placement[opening] = .inline
                placement[ref] = .inline
            } else if standsAlone(opening, found, layout), standsAlone(ref, found, layout), po.parent == pc.parent {
                for (r, paragraph, isOpening) in [(opening, po, true), (ref, pc, false)] {
                    if isLastChild(paragraph, events: events, layout: layout) {
                        placement[r] = .bare
                        if isOpening { after[paragraph.end, default: []].append(r) } else { before[paragraph.start, default: []].append(r) }
                    } else {
                        placement[r] = .replacingParagraph
                    }
                }
            } else if let row = commonRow(po.rows, pc.rows) {
                placement[opening] = .bare
                placement[ref] = .bare
                before[layout.rows[row].start, default: []].append(opening)
                after[layout.rows[row].end, default: []].append(ref)
            } else {
                throw fail(.unbalancedSection, opening, detail: describe(ref))
            }
        }
        if let unclosed = open.last { throw fail(.unclosedSection, unclosed) }
        for key in before.keys { before[key]!.sort { order($0) < order($1) } }
        for key in after.keys { after[key]!.sort { order($0) < order($1) } }

        // The rewritten text nodes, by the event index of their `<w:t>`.
        var rewrites: [Int: (node: PartLayout.TextNode, content: [UInt8], inline: [Ref])] = [:]
        var replaced: [Int: (end: Int, ref: Ref)] = [:]
        for (p, f) in found {
            let paragraph = layout.paragraphs[p]
            if let t = f.tags.indices.first(where: { placement[Ref(paragraph: p, tag: $0)].map { if case .replacingParagraph = $0 { true } else { false } } ?? false }) {
                replaced[paragraph.start] = (paragraph.end, Ref(paragraph: p, tag: t))
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
                    let current = f.tags[t]
                    if current.start > at { content += Self.literal(f.text[at..<current.start]) }
                    if current.start >= lower {
                        let ref = Ref(paragraph: p, tag: t)
                        switch current.kind {
                        case .variable: content += Array(current.mustache.utf8)
                        case .comment: break
                        default:
                            if case .inline = placement[ref] {
                                content += Array(current.mustache.utf8)
                                inline.append(ref)
                            }
                        }
                    }
                    at = max(at, min(current.end, upper))
                }
                if at < upper { content += Self.literal(f.text[at..<upper]) }
                rewrites[textNode.start] = (textNode, content, inline)
            }
        }

        // The content type for the prefix of the `w:t` that hold values (one per part).
        let prefixes = Set(rewrites.values.compactMap { rewrite -> String?? in
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
                out += Array(tag(ref).mustache.utf8)
                emitted.append(ref)
            }
        }
        var i = 0
        while i < events.count {
            bare(before[i])
            if let replacement = replaced[i] {
                bare([replacement.ref])
                i = replacement.end
            } else if let rewrite = rewrites[i], case .start(let start) = events[i] {
                out += Self.preserving(start)
                out += rewrite.content
                emitted += rewrite.inline
                i = rewrite.node.end
                out += events[i].raw
            } else {
                LiteralXML.append(events[i], to: &out)
            }
            bare(after[i])
            i += 1
        }
        if emitted != structural {
            let k = zip(emitted, structural).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(emitted.count, structural.count - 1)
            throw fail(.crossedSections, structural[k], detail: k < emitted.count ? describe(emitted[k]) : nil)
        }
        do {
            return try MustacheTemplate(string: String(decoding: out, as: UTF8.self))
        } catch {
            throw WordTemplateError(.renderedPartMalformed, file: file, part: part, detail: "Mustache: \(error)")
        }
    }

    /// Whether the tag is the only thing in its paragraph besides spaces, and the paragraph
    /// holds nothing else the user would miss.
    private func standsAlone(_ ref: Ref, _ found: [Int: Found], _ layout: PartLayout) -> Bool {
        guard layout.paragraphs[ref.paragraph].plain, let f = found[ref.paragraph], f.tags.count == 1 else { return false }
        let tag = f.tags[ref.tag]
        let rest = String(decoding: f.text[..<tag.start], as: UTF8.self) + String(decoding: f.text[tag.end...], as: UTF8.self)
        return rest.trimmingWhitespace().isEmpty
    }

    /// The last element in a parent other than the body (a cell, a header, a note, a text box,
    /// a content control): Word requires a paragraph there, so it is kept, emptied.
    private func isLastChild(_ paragraph: PartLayout.Paragraph, events: [XMLEvent], layout: PartLayout) -> Bool {
        if paragraph.parent >= 0, case .start(let parent) = events[paragraph.parent],
           parent.localName == "body", PartLayout.wordNamespaces.contains(parent.namespaceURI ?? "") {
            return false
        }
        var j = paragraph.end + 1
        while j < events.count {
            switch events[j] {
            case .text(_, let decoded) where decoded.allSatisfy(\.isWhitespace): j += 1
            case .comment: j += 1
            case .end: return true
            default: return false
            }
        }
        return true
    }

    /// The innermost row around both paragraphs.
    private func commonRow(_ a: [Int], _ b: [Int]) -> Int? {
        var row: Int?
        for (x, y) in zip(a, b) where x == y { row = x }
        return row
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

    private func failure(_ kind: WordTemplateError.Kind, _ layout: PartLayout, _ p: Int, text: [UInt8], range: Range<Int>,
                         tag: String, detail: String? = nil) -> WordTemplateError {
        let row = layout.paragraphs[p].rows.last.map { layout.rows[$0] }
        return WordTemplateError(kind, file: file, part: part, tag: tag, paragraph: excerpt(text, range),
                                 table: row?.table, row: row?.number, detail: detail)
    }

    /// The paragraph's text around `range`: up to 40 characters on each side.
    private func excerpt(_ text: [UInt8], _ range: Range<Int>) -> String {
        let lower = min(range.lowerBound, text.count), upper = min(max(range.upperBound, lower), text.count)
        let before = String(decoding: text[..<lower], as: UTF8.self)
        let after = String(decoding: text[upper...], as: UTF8.self)
        let head = before.count > 40 ? "…" + before.suffix(40) : before
        let tail = after.count > 40 ? after.prefix(40) + "…" : after
        return head + String(decoding: text[lower..<upper], as: UTF8.self) + tail
    }
}
