/// Every tag of one Word part, found paragraph by paragraph, with what the section placing and
/// the messages need: each tag's place in the document, its paragraph, its table row.
///
///     let index = try TagIndex(layout: PartLayout(events), file: "mau.docx", part: "word/document.xml")
///     index.structural   // the section tags, in document order
///
/// A tag is found in the joined text of its paragraph's `w:t` nodes (`TagScanner`), so a tag
/// that Word split across runs is one tag here.
struct TagIndex {
    /// A tag by its paragraph (index in the layout) and its position among that paragraph's tags.
    struct Ref: Hashable {
        var paragraph: Int
        var tag: Int
    }

    /// A paragraph's tags and joined text.
    struct Found {
        var tags: [Tag]
        /// Start of each text node in the joined text (UTF-8 offsets), plus the total length.
        var offsets: [Int]
        var text: [UInt8]
    }

    let file: String
    let part: String
    let layout: PartLayout
    /// By paragraph index; only paragraphs holding at least one tag.
    private(set) var found: [Int: Found] = [:]
    /// The section tags (`{{#x}}`, `{{^x}}`, `{{/x}}`) in document order.
    private(set) var structural: [Ref] = []

    init(layout: PartLayout, file: String, part: String) throws {
        self.layout = layout
        self.file = file
        self.part = part
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
                throw failure(kind, paragraph: p, text: text, range: error.offset..<(error.offset + error.typed.utf8.count), tag: error.typed)
            }
        }
        var sections: [Ref] = []
        for (p, f) in found {
            for (t, tag) in f.tags.enumerated() where tag.isStructural { sections.append(Ref(paragraph: p, tag: t)) }
        }
        structural = sections.sorted { order($0) < order($1) }
    }

    var isEmpty: Bool { found.isEmpty }

    func tag(_ ref: Ref) -> Tag { found[ref.paragraph]!.tags[ref.tag] }

    /// The index (in its paragraph's `texts`) of the `w:t` holding the tag's start. An empty
    /// `w:t` never holds one: of nodes starting at the same offset, the last is taken.
    func node(_ ref: Ref) -> Int {
        let f = found[ref.paragraph]!
        let start = f.tags[ref.tag].start
        return (f.offsets.lastIndex { $0 <= start && $0 < f.text.count }) ?? 0
    }

    func textNode(_ ref: Ref) -> PartLayout.TextNode {
        layout.paragraphs[ref.paragraph].texts[node(ref)]
    }

    /// Document order: the event of the `w:t` holding the start, then the offset.
    func order(_ ref: Ref) -> (Int, Int) {
        (textNode(ref).start, tag(ref).start)
    }

    /// Whether the tag is the only thing in its paragraph besides spaces, and the paragraph
    /// holds nothing else the user would miss (`PartLayout.Paragraph.plain`).
    func standsAlone(_ ref: Ref) -> Bool {
        guard layout.paragraphs[ref.paragraph].plain, let f = found[ref.paragraph], f.tags.count == 1 else { return false }
        let tag = f.tags[ref.tag]
        let rest = String(decoding: f.text[..<tag.start], as: UTF8.self) + String(decoding: f.text[tag.end...], as: UTF8.self)
        return rest.trimmingWhitespace().isEmpty
    }

    /// A plain paragraph whose text is section tags and spaces only (`{{/cells}}{{/rows}}`).
    func holdsOnlySections(_ paragraph: Int) -> Bool {
        guard layout.paragraphs[paragraph].plain, let f = found[paragraph] else { return false }
        var at = 0
        for tag in f.tags {
            guard tag.isStructural,
                  String(decoding: f.text[at..<tag.start], as: UTF8.self).trimmingWhitespace().isEmpty else { return false }
            at = tag.end
        }
        return String(decoding: f.text[at...], as: UTF8.self).trimmingWhitespace().isEmpty
    }

    /// An error about the tag `ref`, with its paragraph and row.
    func failure(_ kind: WordTemplateError.Kind, _ ref: Ref, detail: String? = nil) -> WordTemplateError {
        let t = tag(ref)
        return failure(kind, paragraph: ref.paragraph, text: found[ref.paragraph]!.text, range: t.start..<t.end, tag: t.typed, detail: detail)
    }

    /// The other tag of a section, for the detail of a message: the tag, its table row, its paragraph.
    func describe(_ ref: Ref) -> String {
        var words = ["\"\(tag(ref).typed)\""]
        if let row = layout.paragraphs[ref.paragraph].rows.last {
            words.append("bảng \(layout.rows[row].table), hàng \(layout.rows[row].number)")
        }
        words.append("đoạn \"\(Self.excerpt(found[ref.paragraph]!.text, tag(ref).start..<tag(ref).end))\"")
        return words.joined(separator: ", ")
    }

    private func failure(_ kind: WordTemplateError.Kind, paragraph p: Int, text: [UInt8], range: Range<Int>,
                         tag: String, detail: String? = nil) -> WordTemplateError {
        let row = layout.paragraphs[p].rows.last.map { layout.rows[$0] }
        return WordTemplateError(kind, file: file, part: part, tag: tag, paragraph: Self.excerpt(text, range),
                                 table: row?.table, row: row?.number, detail: detail)
    }

    /// The paragraph's text around `range`: up to 40 characters on each side.
    static func excerpt(_ text: [UInt8], _ range: Range<Int>) -> String {
        let lower = min(range.lowerBound, text.count), upper = min(max(range.upperBound, lower), text.count)
        let before = String(decoding: text[..<lower], as: UTF8.self)
        let after = String(decoding: text[upper...], as: UTF8.self)
        let head = before.count > 40 ? "…" + before.suffix(40) : before
        let tail = after.count > 40 ? after.prefix(40) + "…" : after
        return head + String(decoding: text[lower..<upper], as: UTF8.self) + tail
    }
}
