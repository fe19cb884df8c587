import CLibXML2

/// A streaming XML parser over libxml2's SAX2 push parser: feed it the chunks `ZipContainer`
/// inflates, it calls a `XMLStreamHandler`. Memory stays at one chunk plus what the handler keeps.
///
/// Safe by construction: no entity substitution, no DTD loading, no network, no XInclude,
/// no HUGE mode; any DOCTYPE stops the parse with `XMLParseError.Kind.doctype` before its
/// internal subset is read; the external entity loader returns nothing (`file://` included).
///
///     let parser = XMLPushParser(handler: counter, file: "a.xlsx", part: "xl/worksheets/sheet1.xml")
///     try zip.streamPart(part) { try parser.feed($0) }
///     try parser.finish()
///
/// Ownership: one parser per part and per thread; not Sendable.
public final class XMLPushParser {
    private let context: ParserContext
    private var ctxt: xmlParserCtxtPtr?
    private var finished = false

    public init(handler: any XMLStreamHandler, file: String, part: String) {
        XMLSafety.install()
        cxml_silence_generic_errors()  // per thread: nothing from libxml2 reaches stderr
        context = ParserContext(handler: handler, file: file, part: part)
    }

    deinit {
        if let ctxt { xmlFreeParserCtxt(ctxt) }
    }

    /// Parses the next chunk; throws at the first well-formedness or safety error.
    public func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let bytes = base.assumingMemoryBound(to: CChar.self)
        var offset = 0
        if ctxt == nil {
            // The first bytes go to the constructor: libxml2 detects the encoding from them.
            let head = min(4, chunk.count)
            try create(first: bytes, count: head)
            offset = head
        }
        if offset < chunk.count {
            let rc = xmlParseChunk(ctxt, bytes + offset, Int32(chunk.count - offset), 0)
            try check(rc)
        }
    }

    /// Ends the document (an unterminated one is an error).
    public func finish() throws {
        guard !finished else { return }
        finished = true
        if ctxt == nil {
            throw XMLParseError(kind: .malformed, file: context.file, part: context.part, line: 0, message: "the part is empty")
        }
        let rc = xmlParseChunk(ctxt, nil, 0, 1)
        try check(rc)
    }

    /// Parses a whole buffer (small parts).
    public func parse(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try feed($0) }
        try finish()
    }

    private func create(first: UnsafePointer<CChar>, count: Int) throws {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                c.handler.startElement(XMLStartElement(
                    name: XMLName(localname), namespaceURI: uri,
                    attributes: XMLAttributes(base: attributes, count: Int(nbAttributes))))
            }
        }
        sax.endElementNs = { ctx, localname, _, _ in
            guard let ctx, let localname else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                c.handler.endElement(XMLName(localname))
            }
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let ctx, let text, length > 0 else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                c.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
            }
        }
        sax.characters = characters
        sax.cdataBlock = characters
        sax.ignorableWhitespace = characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in c.refuseDoctype() }
        }
        sax.externalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in c.refuseDoctype() }
        }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in c.refuseDoctype() }
        }
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            Unmanaged<ParserContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef { c in
                c.record(error.pointee)
            }
        }
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        guard let created = xmlCreatePushParserCtxt(&sax, opaque, first, Int32(count), context.part) else {
            throw XMLParseError(kind: .malformed, file: context.file, part: context.part, line: 0, message: "libxml2 could not create a parser (out of memory)")
        }
        ctxt = created
        context.ctxt = created
        // Safe options only: see the type's documentation.
        xmlCtxtUseOptions(created, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue))
        created.pointee.replaceEntities = 0
        created.pointee.loadsubset = 0
        created.pointee.validate = 0
    }

    private func check(_ rc: Int32) throws {
        try context.status.check(rc, file: context.file, part: context.part)
    }
}

/// What the C callbacks reach through their `void *` (passed unretained: the parser owns it).
final class ParserContext {
    let handler: any XMLStreamHandler
    let file: String
    let part: String
    var ctxt: xmlParserCtxtPtr?
    var status = LibXMLStatus()

    init(handler: any XMLStreamHandler, file: String, part: String) {
        self.handler = handler
        self.file = file
        self.part = part
    }

    func refuseDoctype() { status.refuseDoctype(ctxt) }

    func record(_ error: xmlError) { status.record(error) }
}
