import Foundation
import Mustache
import OfficeXML

/// How a value becomes Word XML inside a `w:t`: the content type the Word templates render with
/// (`{{% CONTENT_TYPE: WORD_XML}}`, put in front of every compiled part by `PartCompiler`).
///
///     WordXMLContentType().escapeText("Cờ Đỏ & Ô Môn\nTổng")
///     // "Cờ Đỏ &amp; Ô Môn</w:t><w:br/><w:t xml:space=\"preserve\">Tổng"
///
/// - Text is NFC first: a name typed with combining marks (some Vietnamese keyboards) would
///   otherwise not match the same name elsewhere in the report, nor search in Word.
/// - `& < >` are escaped and characters XML forbids are dropped by OfficeXML's `XMLEscaping`,
///   so no value can break the document (docxtpl users lose documents to `&` and `<`).
/// - A line break (LF, CRLF, CR, U+2028) closes the text, writes `<w:br/>` and opens a new
///   text; a tab writes `<w:tab/>`. Word shows neither a raw newline nor a raw tab in `w:t`.
///   This is valid because every value tag sits directly inside a `w:t` (the compiler puts it
///   there and nowhere else).
struct WordXMLContentType: MustacheContentType {
    /// The name in the CONTENT_TYPE pragma.
    static let name = "WORD_XML"

    /// Registers the content type with swift-mustache once, before the first template is parsed
    /// (the pragma is resolved at parse time). A lazily initialised global: thread-safe.
    static let registered: Void = MustacheContentTypes.register(WordXMLContentType(), named: name)

    static let lineBreak = "</w:t><w:br/><w:t xml:space=\"preserve\">"
    static let tab = "</w:t><w:tab/><w:t xml:space=\"preserve\">"

    func escapeText(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        guard nfc.contains(where: { $0.isNewline || $0 == "\t" }) else { return XMLEscaping.text(nfc) }
        var out = ""
        var piece = ""
        for character in nfc {
            if character.isNewline || character == "\t" {
                out += XMLEscaping.text(piece)
                out += character == "\t" ? Self.tab : Self.lineBreak
                piece = ""
            } else {
                piece.append(character)
            }
        }
        return out + XMLEscaping.text(piece)
    }
}
