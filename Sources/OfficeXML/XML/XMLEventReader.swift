import CLibXML2

/// Reads an XML part into a lossless list of `XMLEvent`s: libxml2's SAX2 parser checks the
/// part and names the events; the raw bytes of each event are cut from the input at the
/// offsets libxml2 reports (`xmlByteConsumed`) when it calls back, so nothing is parsed by hand.
/// The concatenation of the events' `raw` is checked against the input before returning:
/// the result is byte-for-byte or an error, never silently lossy.
///
///     let events = try XMLEventReader.read(bytes, file: "mau.docx", part: "word/document.xml")
///     var writer = XMLWriter()
///     for event in events { writer.write(event) }
///     // writer.bytes == bytes
///
/// Same safety as `XMLPushParser`: no DTD (a DOCTYPE is refused), no entity expansion, no
/// network, a depth limit (`EventContext.maxDepth`), libxml2's default size limits (no HUGE mode). The whole part is held in
/// memory (Word's document.xml is a few megabytes at most); UTF-8 parts only, as OOXML writes them.
public enum XMLEventReader {
    public static func read(_ bytes: [UInt8], file: String, part: String) throws -> [XMLEvent] {
        XMLSafety.install()
        cxml_silence_generic_errors()
        guard bytes.count >= 4 else {
            throw XMLParseError(kind: .malformed, file: file, part: part, line: 0, message: "the part is empty")
        }
        let context = EventContext(input: bytes, file: file, part: part)
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startDocument = { ctx in eventContext(ctx) { $0.declarationEnded() } }
        sax.startElementNs = { ctx, localname, prefix, uri, nbNamespaces, namespaces, nbAttributes, _, attributes in
            eventContext(ctx) { c in
                var declarations: [XMLNamespaceDeclaration] = []
                if let namespaces {
                    for i in 0..<Int(nbNamespaces) {
                        declarations.append(XMLNamespaceDeclaration(
                            prefix: namespaces[2 * i].map { String(cString: $0) },
                            uri: namespaces[2 * i + 1].map { String(cString: $0) } ?? ""))
                    }
                }
                var list: [XMLAttribute] = []
                if let attributes {
                    // Five pointers per attribute: localname, prefix, URI, value, end of value.
                    for i in 0..<Int(nbAttributes) {
                        let local = attributes[5 * i].map { String(cString: $0) } ?? ""
                        let name = attributes[5 * i + 1].map { String(cString: $0) + ":" + local } ?? local
                        var value = ""
                        if let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] {
                            value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                        }
                        list.append(XMLAttribute(qualifiedName: name, value: value))
                    }
                }
                let local = localname.map { String(cString: $0) } ?? ""
                let pre = prefix.map { String(cString: $0) }
                c.startTag(XMLStartTag(
                    qualifiedName: pre.map { $0 + ":" + local } ?? local, prefix: pre, localName: local,
                    namespaceURI: uri.map { String(cString: $0) }, namespaceDeclarations: declarations,
                    attributes: list, selfClosing: false, raw: []))
            }
        }
        sax.endElementNs = { ctx, localname, prefix, _ in
            eventContext(ctx) { c in
                let local = localname.map { String(cString: $0) } ?? ""
                c.endTag(prefix.map { String(cString: $0) + ":" + local } ?? local)
            }
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let text, length > 0 else { return }
            eventContext(ctx) { $0.characters(UnsafeBufferPointer(start: text, count: Int(length))) }
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = { ctx, text, length in
            guard let text else { return }
            eventContext(ctx) { $0.cdataBlock(UnsafeBufferPointer(start: text, count: Int(length))) }
        }
        sax.comment = { ctx, text in
            eventContext(ctx) { c in c.markup { .comment(raw: $0, content: text.map { String(cString: $0) } ?? "") } }
        }
        sax.processingInstruction = { ctx, target, data in
            eventContext(ctx) { c in
                c.markup { .processingInstruction(raw: $0, target: target.map { String(cString: $0) } ?? "", data: data.map { String(cString: $0) } ?? "") }
            }
        }
        sax.internalSubset = { ctx, _, _, _ in eventContext(ctx) { $0.refuseDoctype() } }
        sax.externalSubset = { ctx, _, _, _ in eventContext(ctx) { $0.refuseDoctype() } }
        sax.entityDecl = { ctx, _, _, _, _, _ in eventContext(ctx) { $0.refuseDoctype() } }
        sax.serror = { ctx, error in
            guard let error else { return }
            eventContext(ctx) { $0.record(error.pointee) }
        }
        let opaque = Unmanaged.passUnretained(context).toOpaque()
        let created: xmlParserCtxtPtr? = bytes.withUnsafeBytes { raw in
            xmlCreatePushParserCtxt(&sax, opaque, raw.baseAddress!.assumingMemoryBound(to: CChar.self), 4, part)
        }
        guard let ctxt = created else {
            throw XMLParseError(kind: .malformed, file: file, part: part, line: 0, message: "libxml2 could not create a parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(ctxt) }
        context.ctxt = ctxt
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        ctxt.pointee.replaceEntities = 0
        ctxt.pointee.loadsubset = 0
        ctxt.pointee.validate = 0
        let rc = bytes.withUnsafeBytes { raw in
            xmlParseChunk(ctxt, raw.baseAddress!.assumingMemoryBound(to: CChar.self) + 4, Int32(raw.count - 4), 1)
        }
        try context.status.check(rc, file: file, part: part)
        return try context.finish()
    }
}

/// The context behind a callback's `void *` (a free function: C callbacks capture nothing).
private func eventContext(_ ctx: UnsafeMutableRawPointer?, _ body: (EventContext) -> Void) {
    guard let ctx else { return }
    Unmanaged<EventContext>.fromOpaque(ctx)._withUnsafeGuaranteedRef(body)
}
