import OfficeXML

/// Reads xl/sharedStrings.xml into one `[String]`, built once and shared by every cell that
/// refers to it (a `t="s"` cell costs a retain, not a copy, however long the string).
///
/// Each `<si>` is its text: plain `<t>`, or the `<t>` of its rich-text runs `<r>` joined;
/// phonetic guides (`<rPh>`, furigana) are not part of the text and are skipped.
enum SharedStrings {
    static func read(container: ZipContainer, part: String) throws -> [String] {
        let handler = SharedStringsHandler()
        let parser = XMLPushParser(handler: handler, file: container.fileName, part: part)
        try container.streamPart(part) { try parser.feed($0) }
        try parser.finish()
        return handler.strings
    }
}

private final class SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    var text: [UInt8] = []
    var collecting = false
    var phoneticDepth = 0
    var inItem = false
    var runStart = 0
    var preserve = false

    func startElement(_ e: XMLStartElement) {
        switch e.name.first {
        case UInt8(ascii: "s"):
            if e.name == "si" {
                inItem = true
                text.removeAll(keepingCapacity: true)
            } else if e.name == "sst", strings.isEmpty, let count = e.attributes.string("uniqueCount").flatMap({ Int($0) }) {
                strings.reserveCapacity(min(max(count, 0), 1 << 20))  // a hint, never trusted further
            }
        case UInt8(ascii: "t"):
            if e.name == "t", inItem, phoneticDepth == 0 {
                collecting = true
                runStart = text.count
                preserve = XMLWhitespace.preserves(e.attributes)
            }
        case UInt8(ascii: "r"):
            if e.name == "rPh" { phoneticDepth += 1 }
        default:
            break
        }
    }

    func endElement(_ name: XMLName) {
        switch name.first {
        case UInt8(ascii: "t"):
            if name == "t", collecting {
                collecting = false
                if !preserve { XMLWhitespace.trim(&text, from: runStart) }
            }
        case UInt8(ascii: "s"):
            if name == "si" {
                strings.append(text.withUnsafeBufferPointer { EscapedText.string($0) })
                inItem = false
                collecting = false
            }
        case UInt8(ascii: "r"):
            if name == "rPh" { phoneticDepth = max(0, phoneticDepth - 1) }
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if collecting { text.append(contentsOf: bytes) }
    }
}
