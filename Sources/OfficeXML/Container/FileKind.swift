import Foundation

/// What a file is, judged from its bytes before libzip sees it, so that a renamed .xls,
/// an encrypted workbook or a CSV gets a message naming what it is rather than "not a zip".
///
///     FileKind.sniff(Array("a;b\n1;2\n".utf8))   // .text
public enum FileKind: Sendable, Hashable {
    case empty
    case zip
    /// An OLE compound file holding `EncryptionInfo`/`EncryptedPackage`: a password-protected OOXML file.
    case encryptedOffice
    /// An OLE compound file holding a `Workbook`/`Book` stream: Excel 97-2003 (.xls).
    case legacyExcel
    /// Any other OLE compound file (.doc, .msg, ...).
    case compoundFile
    case xml
    case text
    case unknown

    static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Classifies `head` (the start of the file; for compound files, as much of it as
    /// available, since the directory naming the streams may be anywhere).
    public static func sniff(_ head: [UInt8]) -> FileKind {
        if head.isEmpty { return .empty }
        if head.count >= 4, head[0] == 0x50, head[1] == 0x4B, (head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8) {
            return .zip
        }
        if head.count >= 8, Array(head[0..<8]) == cfbMagic {
            if containsUTF16(head, "EncryptedPackage") || containsUTF16(head, "EncryptionInfo") { return .encryptedOffice }
            if containsUTF16(head, "Workbook") || containsUTF16(head, "Book") { return .legacyExcel }
            return .compoundFile
        }
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let trimmed = body.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        if trimmed.first == UInt8(ascii: "<") { return .xml }
        // Text: no NUL and no control characters besides tab/CR/LF/FF in the first KiB.
        let sample = body.prefix(1024)
        if !sample.isEmpty, !sample.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) {
            return .text
        }
        return .unknown
    }

    private static func containsUTF16(_ bytes: [UInt8], _ name: String) -> Bool {
        var needle: [UInt8] = []
        for u in name.utf16 { needle.append(UInt8(u & 0xFF)); needle.append(UInt8(u >> 8)) }
        guard bytes.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let end = bytes.count - needle.count
        while i <= end {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// The refusal for a file that is not a zip, or nil when it is one.
    func refusal(file: String) -> ContainerError? {
        switch self {
        case .zip: return nil
        case .empty:
            return ContainerError(.emptyFile, file: file, reason: "the file is empty (0 bytes); it was probably not saved or not copied completely: ask for the workbook again.")
        case .encryptedOffice:
            return ContainerError(.passwordProtected, file: file, reason: "the workbook is password-protected (an encrypted Office file); remove the password in Excel (File > Info > Protect Workbook > Encrypt with Password) and send it again.")
        case .legacyExcel:
            return ContainerError(.legacyExcel, file: file, reason: "this is an Excel 97-2003 workbook (.xls) renamed as .xlsx; open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx).")
        case .compoundFile:
            return ContainerError(.otherCompoundFile, file: file, reason: "this is an old-style Office compound file (OLE), not an Excel workbook; save the data as an Excel Workbook (.xlsx).")
        case .xml:
            return ContainerError(.xmlFile, file: file, reason: "this is an XML or HTML text file (perhaps an \"XML Spreadsheet 2003\" or a web page), not an .xlsx workbook; open it in Excel and save it as Excel Workbook (.xlsx).")
        case .text:
            return ContainerError(.textFile, file: file, reason: "this is a text file (CSV or similar) renamed as .xlsx; open it in Excel and save it as Excel Workbook (.xlsx).")
        case .unknown:
            return ContainerError(.notAZip, file: file, reason: "this is not an Excel workbook (an .xlsx file is a zip archive and this file does not start like one); ask for the workbook saved as Excel Workbook (.xlsx).")
        }
    }
}
