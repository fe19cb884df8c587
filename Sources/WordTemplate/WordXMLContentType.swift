import Foundation
import Mustache
import OfficeXML

/// How a value becomes Word XML inside a `w:t`: the content type the Word templates render with
/// (`{{% CONTENT_TYPE: WORD_XML}}`, put in front of every compiled part by `PartCompiler`;
/// one per prefix, since the line break must close the `w:t` under the name the part uses).
///
///     WordXMLContentType(prefix: "w").escapeText("Cờ Đỏ & Ô Môn\nTổng")
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
    /// The prefix WordprocessingML is bound to in the part (Word, LibreOffice and python-docx
    /// all write `w`; nil for a default namespace).
    let prefix: String?

    /// The name in the CONTENT_TYPE pragma: `WORD_XML` for the prefix `w`, `WORD_XML_x` for `x`.
    /// Nil when the prefix has characters a pragma cannot hold.
    static func name(prefix: String?) -> String? {
        guard let prefix else { return "WORD_XML_" }
        if prefix == "w" { return "WORD_XML" }
        guard prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) else { return nil }
        return "WORD_XML_" + prefix
    }

    /// Registers the content type for `prefix` with swift-mustache (the pragma is resolved when
    /// a template is parsed) and returns its name; registering twice is harmless (same value).
    static func register(prefix: String?) -> String? {
        guard let name = name(prefix: prefix) else { return nil }
        MustacheContentTypes.register(WordXMLContentType(prefix: prefix), named: name)
        return name
    }

    private var t: String { prefix.map { "\($0):t" } ?? "t" }
    private var lineBreak: String { "</\(t)><\(prefix.map { "\($0):" } ?? "")br/><\(t) xml:space=\"preserve\">" }
    private var tab: String { "</\(t)><\(prefix.map { "\($0):" } ?? "")tab/><\(t) xml:space=\"preserve\">" }

    func escapeText(_ text: String) -> String {
        // Printable ASCII is its own NFC and holds no line break or tab: most values of a large
        // report (rates, counts, codes) skip Foundation's normalization, a tenth of the render.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return XMLEscaping.text(text) }
        // Unit names are mostly NFC already: OfficeXML's quick check (the one Presentation uses)
        // skips Foundation's normalization for them. Line breaks and tabs are found by scalar,
        // not by Character: the scalars that make `Character.isNewline` true, and the tab.
        let nfc = UnicodeText.nfc(text)
        guard nfc.unicodeScalars.contains(where: Self.breaksText) else { return XMLEscaping.text(nfc) }
        var out = ""
        var piece = ""
        for character in nfc {
            if character.isNewline || character == "\t" {
                out += XMLEscaping.text(piece)
                out += character == "\t" ? tab : lineBreak
                piece = ""
            } else {
                piece.append(character)
            }
        }
        return out + XMLEscaping.text(piece)
    }

    /// LF, VT, FF, CR, NEL, U+2028, U+2029 (the scalars of `Character.isNewline`) and the tab.
    private static func breaksText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
