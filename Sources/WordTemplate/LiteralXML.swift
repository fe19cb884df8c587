import OfficeXML

/// Copies the XML that holds no tag into a template so that Mustache reads it as plain text.
///
/// The whole part becomes a Mustache template, so a `{{` anywhere else (a field code in
/// `w:instrText`, a hyperlink's address, alt text, a comment) would be read as a tag. Where a
/// character reference means the same, `{` followed by `{` is written `&#123;{`, and a text
/// ending in `{` ends in `&#123;` (the next event might start with `{`); in comments and
/// processing instructions, which have no references, a space goes between two braces; a
/// CDATA section is split between them. Everything else is copied byte for byte.
///
///     <w:instrText> MERGEFIELD {{x}} </w:instrText>  ->  <w:instrText> MERGEFIELD &#123;{x}} </w:instrText>
enum LiteralXML {
    private static let brace = UInt8(ascii: "{")
    private static let reference = Array("&#123;".utf8)

    static func append(_ event: XMLEvent, to out: inout [UInt8]) {
        let raw = event.raw
        guard raw.contains(brace) else { out.append(contentsOf: raw); return }
        switch event {
        case .text, .start:
            // A start tag holds braces only in attribute values, where a reference is read the same.
            let isText = if case .text = event { true } else { false }
            for (i, byte) in raw.enumerated() {
                let next = i + 1 < raw.count ? raw[i + 1] : nil
                if byte == brace, next == brace || (next == nil && isText) {
                    out.append(contentsOf: reference)
                } else {
                    out.append(byte)
                }
            }
        case .cdata:
            out.append(contentsOf: separatingPairs(raw, with: Array("]]><![CDATA[".utf8)))
        default:
            out.append(contentsOf: separatingPairs(raw, with: [UInt8(ascii: " ")]))
        }
    }

    /// `raw` with `separator` between every two adjacent braces ("{{{" -> "{ { {").
    private static func separatingPairs(_ raw: [UInt8], with separator: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count + 8)
        for (i, byte) in raw.enumerated() {
            out.append(byte)
            if byte == brace, i + 1 < raw.count, raw[i + 1] == brace { out.append(contentsOf: separator) }
        }
        return out
    }
}
