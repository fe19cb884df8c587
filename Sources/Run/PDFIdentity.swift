import Crypto

/// Makes LibreOffice's PDF of a document the same bytes every time: LibreOffice (7.4, and it
/// ignores `SOURCE_DATE_EPOCH`) writes the conversion's clock time into the document
/// information (`/CreationDate(D:20261203155032Z')`) and derives the trailer's `/ID` and
/// `/DocChecksum` from it; nothing else in its PDF changes between two conversions of one DOCX
/// (docs/docx-report.md, "The PDF"). Those three fields are rewritten in place, each with text
/// of the same length, so that every byte offset of the cross-reference table stays right:
///
///     /CreationDate(D:20261203155032Z')          -> /CreationDate(D:20241205000000Z')   (the report's date)
///     /ID [ <08DD...E830> <08DD...E830> ]        -> /ID [ <h> <h> ], h = SHA-256 of the PDF with the fields blanked (first 16 bytes)
///     /DocChecksum /78F0...F8BA                   -> /DocChecksum /h
///
/// A field that is not there, or not of the expected shape, is left as it is: the PDF stays
/// valid, only not reproducible (another LibreOffice may write other dates).
public enum PDFIdentity {
    /// `pdf` with its creation date set to `date` (YYYYMMDD, the report's date) and its
    /// identifiers derived from its content.
    public static func normalized(_ pdf: [UInt8], date: String) -> [UInt8] {
        var bytes = pdf
        let digits = Array(date.utf8)
        guard digits.count == 8, digits.allSatisfy({ (48...57).contains($0) }) else { return pdf }
        // D:YYYYMMDDHHmmSS: 14 digits after "/CreationDate(D:".
        for at in occurrences(of: "/CreationDate(D:", in: bytes) where at + 14 <= bytes.count
            && bytes[at..<at + 14].allSatisfy({ (48...57).contains($0) }) {
            bytes.replaceSubrange(at..<at + 14, with: digits + Array("000000".utf8))
        }
        let hexFields = identifierFields(in: bytes)
        guard !hexFields.isEmpty else { return bytes }
        for range in hexFields { bytes.replaceSubrange(range, with: repeatElement(UInt8(ascii: "0"), count: range.count)) }
        let digest = Array(SHA256.hash(data: bytes)).prefix(16)
        let digitsHex = Array("0123456789ABCDEF".utf8)
        let hex = digest.flatMap { [digitsHex[Int($0 >> 4)], digitsHex[Int($0 & 0x0F)]] }
        for range in hexFields where range.count == hex.count { bytes.replaceSubrange(range, with: hex) }
        return bytes
    }

    /// The 32 hexadecimal digits of each `/ID` entry and of `/DocChecksum`.
    static func identifierFields(in bytes: [UInt8]) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        for start in occurrences(of: "/ID [", in: bytes) {
            var at = start
            for _ in 0..<2 {
                while at < bytes.count, bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\n") || bytes[at] == UInt8(ascii: "\r") { at += 1 }
                guard at < bytes.count, bytes[at] == UInt8(ascii: "<"), let range = hexRun(bytes, from: at + 1),
                      range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: ">") else { break }
                fields.append(range)
                at = range.upperBound + 1
            }
        }
        for start in occurrences(of: "/DocChecksum /", in: bytes) {
            if let range = hexRun(bytes, from: start) { fields.append(range) }
        }
        return fields
    }

    /// 32 hexadecimal digits from `start`, or nil.
    private static func hexRun(_ bytes: [UInt8], from start: Int) -> Range<Int>? {
        guard start + 32 <= bytes.count, bytes[start..<start + 32].allSatisfy(isHex),
              start + 32 == bytes.count || !isHex(bytes[start + 32]) else { return nil }
        return start..<start + 32
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }

    /// The index just after each occurrence of `marker`.
    private static func occurrences(of marker: String, in bytes: [UInt8]) -> [Int] {
        let m = Array(marker.utf8)
        guard !m.isEmpty, bytes.count >= m.count else { return [] }
        var found: [Int] = []
        var i = 0
        while i <= bytes.count - m.count {
            if bytes[i] == m[0], bytes[i..<i + m.count].elementsEqual(m) {
                found.append(i + m.count)
                i += m.count
            } else {
                i += 1
            }
        }
        return found
    }
}
