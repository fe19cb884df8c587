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
/// - each in a cell of its own that holds nothing but section tags, the two cells in one row: a
///   column loop, `.replacingCell` (the two cells vanish, the cells between repeat); in the
///   table's first row the grid (`w:tblGrid`) repeats with it, so that every row keeps as many
///   grid columns as cells;
/// - both in one table row, in different cells or paragraphs: `.bare` before `<w:tr>` and after
///   `</w:tr>` of the innermost row around both; when that row is its table's only one and no
///   other section repeats it, an empty copy of it follows for an empty list (`emptyRows`: a
///   `w:tbl` needs a `w:tr`);
/// - anything else: `unbalancedSection`, naming both tags.
///
///     | {{levelTitle}} | {{#columns}} | ({{number}}) | {{/columns}} |     (a header row)
///     -> <w:tr><w:tc>..</w:tc>{{#columns}}<w:tc>..(3)..</w:tc>{{/columns}}</w:tr>
struct SectionPlan {
    enum Placement {
        case inline
        /// The paragraph is replaced by the bare tag.
        case replacingParagraph
        /// A bare tag before or after an event (a row's start or end, a kept paragraph).
        case bare
        /// The table cell holding the tag is replaced by the bare tag (a column loop).
        case replacingCell
    }

    private(set) var placement: [TagIndex.Ref: Placement] = [:]
    /// Bare tags to write before / after the event at an index, in document order.
    private(set) var before: [Int: [TagIndex.Ref]] = [:]
    private(set) var after: [Int: [TagIndex.Ref]] = [:]
    /// Cells replaced by their column loop's tag, by the cell's start event: its end event and the tag.
    private(set) var replacedCells: [Int: (end: Int, ref: TagIndex.Ref)] = [:]
    /// Template text written before / after an event: a column loop's tags around grid columns.
    private(set) var textBefore: [Int: String] = [:]
    private(set) var textAfter: [Int: String] = [:]
    /// Events left out, by their first index: the last one (a tag cell's grid column).
    private(set) var skipped: [Int: Int] = [:]
    /// A table's only row, repeated by one section: by the row's end event, the row and the
    /// section's opening tag; the compiler writes the row emptied for an empty list.
    private(set) var emptyRows: [Int: (row: Int, opening: TagIndex.Ref)] = [:]

    init(_ index: TagIndex, events: [XMLEvent]) throws {
        let layout = index.layout
        var open: [TagIndex.Ref] = []
        var rowSections: [Int: [TagIndex.Ref]] = [:]
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
            } else if let a = po.cell, let b = pc.cell, a != b, layout.cells[a].row == layout.cells[b].row,
                      Self.isTagCell(a, paragraph: opening.paragraph, index), Self.isTagCell(b, paragraph: ref.paragraph, index) {
                placement[opening] = .replacingCell
                placement[ref] = .replacingCell
                replacedCells[layout.cells[a].start] = (layout.cells[a].end, opening)
                replacedCells[layout.cells[b].start] = (layout.cells[b].end, ref)
                repeatGrid(layout, from: a, to: b, opening: index.tag(opening).mustache, closing: index.tag(ref).mustache)
            } else if let row = Self.commonRow(po.rows, pc.rows) {
                placement[opening] = .bare
                placement[ref] = .bare
                before[layout.rows[row].start, default: []].append(opening)
                after[layout.rows[row].end, default: []].append(ref)
                rowSections[row, default: []].append(opening)
            } else {
                throw index.failure(.unbalancedSection, opening, detail: index.describe(ref))
            }
        }
        if let unclosed = open.last { throw index.failure(.unclosedSection, unclosed) }
        for (row, sections) in rowSections where sections.count == 1 && index.tag(sections[0]).kind == .section
            && layout.tables[layout.rows[row].table - 1].rowCount == 1 {
            emptyRows[layout.rows[row].end] = (row, sections[0])
        }
        for key in before.keys { before[key]!.sort { index.order($0) < index.order($1) } }
        for key in after.keys { after[key]!.sort { index.order($0) < index.order($1) } }
    }

    func replacesParagraph(_ ref: TagIndex.Ref) -> Bool {
        if case .replacingParagraph = placement[ref] { true } else { false }
    }

    func isInline(_ ref: TagIndex.Ref) -> Bool {
        if case .inline = placement[ref] { true } else { false }
    }

    /// A cell that holds one paragraph and, in it, only section tags: one side of a column loop.
    private static func isTagCell(_ cell: Int, paragraph: Int, _ index: TagIndex) -> Bool {
        let layout = index.layout
        return layout.cells[cell].children == 1 && layout.paragraphs[paragraph].parent == layout.cells[cell].start
            && index.holdsOnlySections(paragraph)
    }

    /// In a table's first row, a column loop repeats the grid columns under the cells it
    /// repeats; the grid columns under the two tag cells go, as the cells do.
    private mutating func repeatGrid(_ layout: PartLayout, from a: Int, to b: Int, opening: String, closing: String) {
        let row = layout.rows[layout.cells[a].row]
        guard row.number == 1 else { return }
        let grid = layout.tables[row.table - 1].gridColumns
        var column = 0, columnA = 0, columnB = 0
        for c in row.cells {
            if c == a { columnA = column }
            if c == b { columnB = column }
            column += layout.cells[c].span
        }
        let spanA = layout.cells[a].span, spanB = layout.cells[b].span
        guard columnB + spanB <= grid.count else { return }
        for g in Array(grid[columnA..<columnA + spanA]) + Array(grid[columnB..<columnB + spanB]) { skipped[g.start] = g.end }
        if columnA + spanA < columnB {
            textBefore[grid[columnA + spanA].start, default: ""] += opening
            textAfter[grid[columnB - 1].end, default: ""] = closing + textAfter[grid[columnB - 1].end, default: ""]
        }
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
