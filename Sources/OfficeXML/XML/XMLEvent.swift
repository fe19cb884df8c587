/// One piece of an XML part exactly as it was written, from `XMLEventReader`. Every event
/// keeps its `raw` bytes, so writing all events' `raw` in order gives the part back byte for
/// byte (the contract a template engine needs to leave untouched runs, proofing marks and
/// unknown extensions exactly as Word wrote them).
///
///     <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:p><w:t>a &amp; b</w:t></w:p>
///     -> .declaration, .whitespace("\r\n"), .start(w:p), .start(w:t),
///        .text(raw "a &amp; b", decoded "a & b"), .end(w:t), .end(w:p)
///
/// A self-closing `<w:br/>` is a `.start` with `selfClosing` true (its raw is the whole tag)
/// followed by an `.end` whose raw is empty.
public enum XMLEvent: Sendable, Hashable {
    /// `<?xml ...?>` (and a byte-order mark before it, if any).
    case declaration(raw: [UInt8])
    /// Whitespace outside the root element (between the declaration, comments and the root).
    case whitespace(raw: [UInt8])
    case start(XMLStartTag)
    /// `</w:p>`; `raw` is empty when the element was self-closing.
    case end(qualifiedName: String, raw: [UInt8])
    /// Character data with entity and character references left as written in `raw`.
    case text(raw: [UInt8], decoded: String)
    case cdata(raw: [UInt8], content: String)
    case comment(raw: [UInt8], content: String)
    case processingInstruction(raw: [UInt8], target: String, data: String)

    /// The bytes of the event as they were in the part.
    public var raw: [UInt8] {
        switch self {
        case .declaration(let raw), .whitespace(let raw), .end(_, let raw), .text(let raw, _),
             .cdata(let raw, _), .comment(let raw, _), .processingInstruction(let raw, _, _):
            return raw
        case .start(let tag):
            return tag.raw
        }
    }
}
