import Foundation

/// The shared-string table of a workbook being written: each distinct text (in NFC) once, in
/// the order first met, so the same sheets give the same indexes and bytes.
struct SharedStrings {
    private var texts: [String] = []
    private var index: [String: Int] = [:]
    private var uses = 0

    /// The index of `text` in the table (added when new).
    mutating func index(of text: String) -> Int {
        uses += 1
        let nfc = text.precomposedStringWithCanonicalMapping
        if let i = index[nfc] { return i }
        texts.append(nfc)
        index[nfc] = texts.count - 1
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`. Spaces at either end are written as they are, without the
    /// `xml:space="preserve"` Excel adds: the ISO schema (CT_Rst's `t`) does not allow it, and
    /// xhht's texts are trimmed anyway (LibreOffice and openpyxl keep the spaces regardless).
    func part(mainNamespace: String) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("sst", attributes: [("xmlns", mainNamespace), ("count", String(uses)), ("uniqueCount", String(texts.count))])
        for text in texts {
            w.start("si")
            w.element("t", text: text)
            w.end("si")
        }
        w.end("sst")
        return w.bytes
    }
}
