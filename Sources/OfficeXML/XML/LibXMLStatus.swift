import CLibXML2

/// What libxml2 said while parsing one part: the first error with its line, or that a DOCTYPE
/// was refused (which stops the parser). Shared by the streaming parser (`XMLPushParser`) and
/// the lossless one (`XMLEventReader`), so that both refuse and report the same way.
struct LibXMLStatus {
    var doctype = false
    var errorMessage: String?
    var errorLine = 0

    /// A DOCTYPE, an entity declaration or an external subset: stop at once.
    mutating func refuseDoctype(_ ctxt: xmlParserCtxtPtr?) {
        if !doctype, let ctxt { errorLine = Int(xmlSAX2GetLineNumber(ctxt)) }
        doctype = true
        if let ctxt { xmlStopParser(ctxt) }
    }

    /// Keeps the first error (warnings are not errors).
    mutating func record(_ error: xmlError) {
        guard errorMessage == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        errorMessage = message
        errorLine = Int(error.line)
    }

    /// Throws what went wrong after `xmlParseChunk` returned `rc`.
    func check(_ rc: Int32, file: String, part: String) throws {
        if doctype {
            throw XMLParseError(kind: .doctype, file: file, part: part, line: errorLine, message: "DOCTYPE")
        }
        if rc != 0 || errorMessage != nil {
            throw XMLParseError(kind: .malformed, file: file, part: part, line: errorLine, message: errorMessage ?? "libxml2 error \(rc)")
        }
    }
}
