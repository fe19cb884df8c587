/// A deterministic XML writer into a byte buffer: what is called is what is written, in that
/// order, with no pretty-printing; the same calls give the same bytes. Names, prefixes and
/// namespace declarations are written as given (declare `xmlns:w` yourself, as an attribute,
/// where Word declares it); attribute order is the order given.
///
///     var w = XMLWriter()
///     w.declaration()
///     w.start("w:t", attributes: [("xml:space", "preserve")])
///     w.text("a < b")
///     w.end("w:t")
///     // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:t xml:space="preserve">a &lt; b</w:t>
///
/// Escaping is `XMLEscaping`'s: `& < >` in text, also `" '` and tab/newline/CR in attribute
/// values; characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are *dropped*, not
/// refused, because a stray control character pasted into a commune's name must not cost the
/// province its report. Swift strings hold no lone surrogates, so the output is valid UTF-8.
/// Normalising text to NFC is the caller's job (the report model already does it).
///
/// An element with nothing written inside is closed as `<a/>`, as Office writes it.
/// `write(_:)` copies an `XMLEvent`'s raw bytes, so a part read by `XMLEventReader` and
/// written back unchanged is byte-for-byte the input.
public struct XMLWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// The names of the open elements, innermost last.
    public private(set) var openElements: [String] = []
    /// A start tag written up to its attributes, waiting for `>` or `/>`.
    private var startTagOpen = false

    public init() {}

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` and CRLF, as Excel and Word write it.
    public mutating func declaration(standalone: Bool = true) {
        append(standalone
               ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
               : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n")
    }

    /// `<name a="v" ...` (closed by the next call). `name` and attribute names are written as
    /// given: they must be XML names (they come from code, not from data).
    public mutating func start(_ name: String, attributes: [(String, String)] = []) {
        closeStartTag()
        append("<")
        append(name)
        for (key, value) in attributes {
            append(" ")
            append(key)
            append("=\"")
            append(XMLEscaping.attribute(value))
            append("\"")
        }
        startTagOpen = true
        openElements.append(name)
    }

    /// Closes the innermost open element: `/>` if nothing was written inside, else `</name>`.
    /// `name`, when given, must be that element (a programming error otherwise).
    public mutating func end(_ name: String? = nil) {
        guard let open = openElements.popLast() else {
            preconditionFailure("XMLWriter.end(\(name ?? "")) with no open element")
        }
        precondition(name == nil || name == open, "XMLWriter.end(\(name!)) closes <\(open)>")
        if startTagOpen {
            append("/>")
            startTagOpen = false
        } else {
            append("</")
            append(open)
            append(">")
        }
    }

    /// `<name .../>`, or `<name ...>text</name>` when `text` is given.
    public mutating func element(_ name: String, attributes: [(String, String)] = [], text: String? = nil) {
        start(name, attributes: attributes)
        if let text { self.text(text) }
        end(name)
    }

    /// Escaped character data. An empty string still ends the start tag (`<a></a>`).
    public mutating func text(_ s: String) {
        closeStartTag()
        append(XMLEscaping.text(s))
    }

    /// `<![CDATA[...]]>`; a `]]>` inside is split across two sections, forbidden characters dropped.
    public mutating func cdata(_ s: String) {
        closeStartTag()
        let safe = XMLEscaping.removingForbidden(s).replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        append("<![CDATA[")
        append(safe)
        append("]]>")
    }

    /// `<!--...-->`; `--` inside (forbidden) becomes `- -`, forbidden characters dropped.
    public mutating func comment(_ s: String) {
        closeStartTag()
        var safe = XMLEscaping.removingForbidden(s)
        while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "- -") }
        if safe.hasSuffix("-") { safe += " " }
        append("<!--")
        append(safe)
        append("-->")
    }

    /// `<?target data?>` (`?>` inside data becomes `? >`).
    public mutating func processingInstruction(_ target: String, _ data: String = "") {
        closeStartTag()
        append("<?")
        append(target)
        if !data.isEmpty {
            append(" ")
            append(XMLEscaping.removingForbidden(data).replacingOccurrences(of: "?>", with: "? >"))
        }
        append("?>")
    }

    /// Bytes written verbatim: for fragments that are already XML (an event's raw bytes, a
    /// run copied from a template). The caller answers for their well-formedness.
    public mutating func raw(_ bytes: [UInt8]) {
        closeStartTag()
        self.bytes.append(contentsOf: bytes)
    }

    /// An event from `XMLEventReader`, as it was read. Keeps `openElements` in step so that
    /// events and generated elements can be mixed (copy a paragraph, write a new run inside).
    public mutating func write(_ event: XMLEvent) {
        switch event {
        case .start(let tag):
            closeStartTag()
            bytes.append(contentsOf: tag.raw)
            // A self-closing tag's `.end` follows with empty raw bytes.
            openElements.append(tag.qualifiedName)
        case .end(_, let raw):
            closeStartTag()
            _ = openElements.popLast()
            bytes.append(contentsOf: raw)
        default:
            raw(event.raw)
        }
    }

    private mutating func closeStartTag() {
        if startTagOpen {
            append(">")
            startTagOpen = false
        }
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }
}
