import OfficeXML

/// Where each section tag of a part goes so that repeating a section keeps the XML balanced:
/// the rules of docs/word-templates.md, applied pair by pair in the order Mustache pairs them.
///
///     {{#huyen}}{{ten}} | {{ty_le}}{{/huyen}}     (one table row, two cells)
///     -> placement: both .bare; before[<w:tr>] = [{{#huyen}}], after[</w:tr>] = [{{/huyen}}]
///
/// - both tags in one paragraph: `.inline`, if their `w:t` sit at the same depth (same chain of
///   elements from the paragraph), else the section could not repeat cleanly;
/// - each alone in a plain paragraph, the paragraphs siblings: `.replacingParagraph` (no empty
///   paragraph left behind); the last paragraph of a cell, header, note or text box is kept
///   (Word requires one there) and the tag goes beside it (`.bare`);
/// - both in one table row, in different cells or paragraphs: `.bare` before `<w:tr>` and after
///   `</w:tr>` of the innermost row around both;
/// - anything else: `unbalancedSection`, naming both tags.
struct SectionPlan {
    enum Placement {
        case inline
        /// The paragraph is replaced by the bare tag.
        case replacingParagraph
        /// A bare tag before or after an event (a row's start or end, a kept paragraph).
        case bare
    }

    private(set) var placement: [TagIndex.Ref: Placement] = [:]
    /// Bare tags to write before / after the event at an index, in document order.
    private(set) var before: [Int: [TagIndex.Ref]] = [:]
    private(set) var after: [Int: [TagIndex.Ref]] = [:]

    init(_ index: TagIndex, events: [XMLEvent]) throws {
        let layout = index.layout
        var open: [TagIndex.Ref] = []
        for ref in index.structural {
            if index.tag(ref).isOpening { open.append(ref); continue }
            guard let opening = open.popLast() else { throw index.failure(.unopenedSection, ref) }
            guard index.tag(opening).name == index.tag(ref).name else {
                throw index.failure(.mismatchedSection, ref, detail: index.describe(opening))
            }
            let po = layout.paragraphs[opening.paragraph], pc = layout.paragraphs[ref.paragraph]
            if opening.paragraph == ref.paragraph {
                guard index.textNode(opening).chain == index.textNode(ref).chain else {
                    throw index.failure(.unbalancedSection, opening, detail: index.describe(ref))
                }
                placement[opening] = .inline
                placement[ref] = .inline
            } else if index.standsAlone(opening), index.standsAlone(ref), po.parent == pc.parent {
                for (r, paragraph, isOpening) in [(opening, po, true), (ref, pc, false)] {
                    if Self.mustKeep(paragraph, events: events) {
                        placement[r] = .bare
                        if isOpening { after[paragraph.end, default: []].append(r) } else { before[paragraph.start, default: []].append(r) }
                    } else {
                        placement[r] = .replacingParagraph
                    }
                }
            } else if let row = Self.commonRow(po.rows, pc.rows) {
                placement[opening] = .bare
                placement[ref] = .bare
                before[layout.rows[row].start, default: []].append(opening)
                after[layout.rows[row].end, default: []].append(ref)
            } else {
                throw index.failure(.unbalancedSection, opening, detail: index.describe(ref))
            }
        }
        if let unclosed = open.last { throw index.failure(.unclosedSection, unclosed) }
        for key in before.keys { before[key]!.sort { index.order($0) < index.order($1) } }
        for key in after.keys { after[key]!.sort { index.order($0) < index.order($1) } }
    }

    func replacesParagraph(_ ref: TagIndex.Ref) -> Bool {
        if case .replacingParagraph = placement[ref] { true } else { false }
    }

    func isInline(_ ref: TagIndex.Ref) -> Bool {
        if case .inline = placement[ref] { true } else { false }
    }

    /// The last element in a parent other than the body (a cell, a header, a note, a text box,
    /// a content control): Word requires a paragraph there, so it is kept, emptied.
    private static func mustKeep(_ paragraph: PartLayout.Paragraph, events: [XMLEvent]) -> Bool {
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

    /// The innermost row around both paragraphs (row lists are outermost first).
    private static func commonRow(_ a: [Int], _ b: [Int]) -> Int? {
        var row: Int?
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            row = x
        }
        return row
    }
}
