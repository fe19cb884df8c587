import CLibXML2

/// What `XMLEventReader`'s C callbacks reach through their `void *`: cuts the input into
/// events at the byte offsets libxml2 reports. Rules that make the cut exact without parsing:
/// raw character data never contains `<` (it would be markup), so every markup event starts at
/// the first `<` from the current position; libxml2 calls back after the end of end tags,
/// comments, CDATA sections and processing instructions, and before the `>` or `/>` of a start
/// tag (after its last attribute, where no `>` can hide in a value).
final class EventContext {
    let input: [UInt8]
    let file: String
    let part: String
    var ctxt: xmlParserCtxtPtr?
    var status = LibXMLStatus()

    private var events: [XMLEvent] = []
    private var position = 0
    private var depth = 0
    private var text: [UInt8]?
    private var lastStartSelfClosing = false
    /// The CDATA section being delivered (libxml2's push parser hands a long one over in
    /// pieces): its event index and the length of its content.
    private var cdata: (index: Int, contentLength: Int, delivered: Int)?

    /// Deeper than this is refused, as libxml2's pull parser does (`xmlParserMaxDepth`);
    /// its push parser in 2.9 does not check depth. Word nests tables a few dozen levels at most.
    static let maxDepth = 256

    init(input: [UInt8], file: String, part: String) {
        self.input = input
        self.file = file
        self.part = part
    }

    private var offset: Int {
        guard let ctxt else { return position }
        return min(max(Int(xmlByteConsumed(ctxt)), position), input.count)
    }

    /// libxml2 has read the XML declaration (if any) and starts the document.
    func declarationEnded() {
        let end = offset
        if end > position {
            events.append(.declaration(raw: Array(input[position..<end])))
            position = end
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        lastStartSelfClosing = false
        cdata = nil
        text = (text ?? []) + bytes
    }

    /// Ends pending text (or whitespace outside the root) at the next `<`; returns its index.
    private func flushToMarkup() -> Int {
        var start = position
        while start < input.count, input[start] != UInt8(ascii: "<") { start += 1 }
        if start > position {
            let raw = Array(input[position..<start])
            if depth == 0 {
                events.append(.whitespace(raw: raw))
            } else {
                events.append(.text(raw: raw, decoded: String(decoding: text ?? [], as: UTF8.self)))
            }
        }
        text = nil
        position = start
        return start
    }

    /// A piece of a CDATA section. The section's raw bytes run to its `]]>` (which its content
    /// cannot contain), wherever libxml2 stands when it calls back.
    func cdataBlock(_ bytes: UnsafeBufferPointer<UInt8>) {
        lastStartSelfClosing = false
        if let open = cdata, open.delivered < open.contentLength,
           case .cdata(let raw, let content) = events[open.index] {
            events[open.index] = .cdata(raw: raw, content: content + String(decoding: bytes, as: UTF8.self))
            cdata = (open.index, open.contentLength, open.delivered + bytes.count)
            return
        }
        let start = flushToMarkup()
        let terminator: [UInt8] = Array("]]>".utf8)
        var close = min(start + 9, input.count)
        while close + 3 <= input.count, !input[close..<(close + 3)].elementsEqual(terminator) { close += 1 }
        let end = min(close + 3, input.count)
        events.append(.cdata(raw: Array(input[start..<end]), content: String(decoding: bytes, as: UTF8.self)))
        cdata = (events.count - 1, max(close - start - 9, 0), bytes.count)
        position = end
    }

    /// A comment or processing instruction that libxml2 has just read to its end.
    func markup(_ make: ([UInt8]) -> XMLEvent) {
        lastStartSelfClosing = false
        cdata = nil
        let start = flushToMarkup()
        let end = max(offset, start)
        events.append(make(Array(input[start..<end])))
        position = end
    }

    func startTag(_ tag: XMLStartTag) {
        cdata = nil
        if depth >= Self.maxDepth {
            if status.errorMessage == nil, let ctxt {
                status.errorMessage = "the elements are nested more than \(Self.maxDepth) deep"
                status.errorLine = Int(xmlSAX2GetLineNumber(ctxt))
                xmlStopParser(ctxt)
            }
            return
        }
        let start = flushToMarkup()
        var close = max(offset, start)
        while close < input.count, input[close] != UInt8(ascii: ">") { close += 1 }
        let end = min(close + 1, input.count)
        var tag = tag
        tag.selfClosing = close > start && input[close - 1] == UInt8(ascii: "/")
        tag.raw = Array(input[start..<end])
        events.append(.start(tag))
        position = end
        depth += 1
        lastStartSelfClosing = tag.selfClosing
    }

    func endTag(_ qualifiedName: String) {
        cdata = nil
        if lastStartSelfClosing {
            events.append(.end(qualifiedName: qualifiedName, raw: []))
        } else {
            let start = flushToMarkup()
            let end = max(offset, start)
            events.append(.end(qualifiedName: qualifiedName, raw: Array(input[start..<end])))
            position = end
        }
        lastStartSelfClosing = false
        depth -= 1
    }

    /// The events, after checking that their raw bytes are the input.
    func finish() throws -> [XMLEvent] {
        if position < input.count {
            events.append(.whitespace(raw: Array(input[position...])))
            position = input.count
        }
        var at = 0
        for event in events {
            let raw = event.raw
            guard at + raw.count <= input.count, input[at..<(at + raw.count)].elementsEqual(raw) else {
                throw XMLParseError(kind: .malformed, file: file, part: part, line: 0,
                                    message: "the part could not be cut into events losslessly near byte \(at)")
            }
            at += raw.count
        }
        return events
    }

    func refuseDoctype() { status.refuseDoctype(ctxt) }

    func record(_ error: xmlError) { status.record(error) }
}
