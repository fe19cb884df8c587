import OfficeXML

/// What the tag compiler needs to know about one Word part, from its lossless events: the
/// paragraphs (`w:p`) with their text nodes (`w:t`), the table rows, and for each paragraph
/// whether it holds nothing but text (so that it may be replaced by a bare section tag).
///
///     <w:p><w:r><w:t>{{#xa}}</w:t></w:r></w:p>
///     -> Paragraph(start: 0, end: 6, texts: [TextNode(start: 2, ..., text: "{{#xa}}")], plain: true)
///
/// Indices are positions in the event list. A `w:t` belongs to its innermost paragraph (a text
/// box inside a paragraph holds paragraphs of its own). Elements are matched by namespace URI
/// and local name, never by prefix: a template may bind WordprocessingML to any prefix.
struct PartLayout {
    /// WordprocessingML, Transitional (what Word writes by default) and Strict.
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    struct TextNode {
        var start: Int
        var end: Int
        /// Indices of the `.text` events inside the `w:t`.
        var texts: [Int]
        /// Qualified names from the paragraph (excluded) down to the `w:t`: two tags of one
        /// section in one paragraph repeat cleanly only when their chains are the same.
        var chain: [String]
        /// The decoded text, UTF-8.
        var text: [UInt8]
    }

    struct Paragraph {
        var start: Int
        var end: Int
        /// The event index of the parent element's start tag (-1 at the root).
        var parent: Int
        var texts: [TextNode]
        /// Only runs of text and marks without content (proofing, bookmarks, permissions,
        /// revisions of text): replacing the paragraph loses nothing the user sees. A section
        /// break (`w:pPr/w:sectPr`), a drawing, a field or a tab makes it false.
        var plain: Bool
        /// The rows around the paragraph (indices into `rows`), outermost first.
        var rows: [Int]
        /// The innermost table cell around the paragraph (an index into `cells`).
        var cell: Int?
    }

    /// A table cell (`w:tc`): where it is, which row it belongs to, how many grid columns it spans.
    struct Cell {
        var start: Int
        var end: Int
        /// The row (an index into `rows`).
        var row: Int
        /// `w:tcPr/w:gridSpan`, 1 without it.
        var span: Int
        /// Elements in the cell other than `w:tcPr`: 1 when the cell holds only one paragraph.
        var children: Int
    }

    /// A table, by its number in the part minus one.
    struct Table {
        /// The `w:gridCol` elements of its `w:tblGrid`, in order: (start, end) event indices.
        var gridColumns: [(start: Int, end: Int)] = []
        /// Its own rows (nested tables' rows not counted).
        var rowCount = 0
    }

    struct Row {
        var start: Int
        var end: Int
        /// The table's number in the part (1-based, document order, nested tables counted).
        var table: Int
        /// The row's number in its table (1-based).
        var number: Int
        /// Its cells (indices into `cells`), in order.
        var cells: [Int] = []
    }

    var paragraphs: [Paragraph] = []
    var rows: [Row] = []
    var cells: [Cell] = []
    var tables: [Table] = []

    /// Elements a plain paragraph may hold outside `w:pPr` and `w:rPr` (local names, WordprocessingML).
    private static let plainContent: Set<String> = [
        "r", "t", "proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak",
        "permStart", "permEnd", "ins", "del", "delText", "noBreakHyphen", "softHyphen",
    ]

    init(_ events: [XMLEvent]) {
        struct Frame {
            var index: Int
            var name: String
            var local: String
            var isWord: Bool
            var paragraph: Int?
            var row: Int?
            var cell: Int?
        }
        var stack: [Frame] = []
        var paragraphStack: [Int] = []
        var rowStack: [Int] = []
        var cellStack: [Int] = []
        var tableStack: [(number: Int, rows: Int)] = []
        var tableCount = 0
        var openText: (paragraph: Int, node: TextNode, depth: Int)?

        for (i, event) in events.enumerated() {
            switch event {
            case .start(let tag):
                let isWord = Self.wordNamespaces.contains(tag.namespaceURI ?? "")
                var frame = Frame(index: i, name: tag.qualifiedName, local: tag.localName, isWord: isWord)
                if let p = paragraphStack.last, paragraphs[p].plain {
                    // Inside the paragraph's or a run's properties only a section break matters;
                    // elsewhere, anything but text and invisible marks is content.
                    var inProperties = false
                    for open in stack.reversed() {
                        if open.paragraph == p { break }
                        if open.isWord, open.local == "pPr" || open.local == "rPr" { inProperties = true; break }
                    }
                    if inProperties {
                        if isWord, tag.localName == "sectPr" { paragraphs[p].plain = false }
                    } else if !(isWord && (tag.localName == "pPr" || tag.localName == "rPr" || Self.plainContent.contains(tag.localName))) {
                        paragraphs[p].plain = false
                    }
                }
                if let parent = stack.last, let c = parent.cell, !(isWord && tag.localName == "tcPr") {
                    cells[c].children += 1
                }
                if isWord {
                    switch tag.localName {
                    case "p":
                        frame.paragraph = paragraphs.count
                        paragraphs.append(Paragraph(start: i, end: i, parent: stack.last?.index ?? -1, texts: [], plain: true,
                                                    rows: rowStack, cell: cellStack.last))
                        paragraphStack.append(frame.paragraph!)
                    case "tbl":
                        tableCount += 1
                        tableStack.append((tableCount, 0))
                        tables.append(Table())
                    case "tr" where !tableStack.isEmpty:
                        tableStack[tableStack.count - 1].rows += 1
                        tables[tableStack.last!.number - 1].rowCount += 1
                        frame.row = rows.count
                        rows.append(Row(start: i, end: i, table: tableStack.last!.number, number: tableStack.last!.rows))
                        rowStack.append(frame.row!)
                    case "tc" where stack.last.map({ $0.row != nil }) ?? false:
                        frame.cell = cells.count
                        rows[rowStack.last!].cells.append(cells.count)
                        cells.append(Cell(start: i, end: i, row: rowStack.last!, span: 1, children: 0))
                        cellStack.append(frame.cell!)
                    case "gridSpan":
                        // w:tc/w:tcPr/w:gridSpan of the innermost cell.
                        if stack.count >= 2, let c = stack[stack.count - 2].cell, stack[stack.count - 1].local == "tcPr",
                           let value = tag.attributes.first(where: { $0.qualifiedName.hasSuffix(":val") })
                               .flatMap({ Int($0.value) }), value > 0 {
                            cells[c].span = value
                        }
                    case "gridCol":
                        if let table = tableStack.last, stack.last?.local == "tblGrid" {
                            tables[table.number - 1].gridColumns.append((i, i))
                        }
                    case "t":
                        if let p = paragraphStack.last, openText == nil {
                            let pFrame = stack.lastIndex { $0.paragraph == p } ?? stack.count
                            let chain = stack[(pFrame + 1)...].map(\.name) + [tag.qualifiedName]
                            openText = (p, TextNode(start: i, end: i, texts: [], chain: chain, text: []), stack.count + 1)
                        }
                    default: break
                    }
                }
                stack.append(frame)
            case .text(_, let decoded):
                if var open = openText, open.depth == stack.count {
                    open.node.texts.append(i)
                    open.node.text.append(contentsOf: decoded.utf8)
                    openText = open
                }
            case .end:
                guard let frame = stack.popLast() else { continue }
                if let open = openText, open.depth == stack.count + 1, open.node.start == frame.index {
                    var node = open.node
                    node.end = i
                    paragraphs[open.paragraph].texts.append(node)
                    openText = nil
                }
                if let p = frame.paragraph {
                    paragraphs[p].end = i
                    paragraphStack.removeLast()
                }
                if let r = frame.row {
                    rows[r].end = i
                    rowStack.removeLast()
                }
                if let c = frame.cell {
                    cells[c].end = i
                    cellStack.removeLast()
                }
                if frame.isWord, frame.local == "gridCol", let table = tableStack.last,
                   let last = tables[table.number - 1].gridColumns.last, last.start == frame.index {
                    tables[table.number - 1].gridColumns[tables[table.number - 1].gridColumns.count - 1].end = i
                }
                if frame.isWord, frame.local == "tbl" { tableStack.removeLast() }
            default:
                break
            }
        }
    }
}
