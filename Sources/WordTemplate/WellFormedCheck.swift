import OfficeXML

/// Reads a rendered part with OfficeXML's streaming parser and keeps nothing: the cheapest
/// proof that the part is well-formed XML before it goes into the archive. (The lossless
/// `XMLEventReader` would also do, at about five times the cost: it copies every event.)
///
///     try WellFormedCheck.check(bytes, file: "mau.docx", part: "word/document.xml")
final class WellFormedCheck: XMLStreamHandler {
    func startElement(_ element: XMLStartElement) {}
    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    static func check(_ bytes: [UInt8], file: String, part: String) throws {
        let parser = XMLPushParser(handler: WellFormedCheck(), file: file, part: part)
        try parser.parse(bytes)
        try parser.finish()
    }
}
