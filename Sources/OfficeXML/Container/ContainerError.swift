/// Why a file could not be opened as an Office package, in words for the person who sent it.
///
/// `description` is one sentence naming the file (and the part, when there is one), the
/// reason, and what to do, e.g.
/// `"huyen-a.xlsx is password-protected (an encrypted Office file): remove the password in Excel and send it again."`
public struct ContainerError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case unreadableFile, emptyFile, passwordProtected, legacyExcel, otherCompoundFile
        case binaryWorkbook, openDocument, textFile, xmlFile, notAZip, notAnOfficePackage
        case corrupt, tooManyEntries, entryTooLarge, totalTooLarge, compressionRatio
        case missingPart, unsupportedCompression, encryptedEntry
        /// A FIFO, a device, a folder or a socket where a file was expected: never read.
        case notARegularFile
    }

    public let kind: Kind
    /// The file's name as the user knows it (a path or a display name).
    public let file: String
    /// The part inside the package, when the problem is in one part.
    public let part: String?
    /// The reason and the remedy, without the file name.
    public let reason: String

    public init(_ kind: Kind, file: String, part: String? = nil, reason: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.reason = reason
    }

    public var description: String {
        if let part { return "\(file) (part \(part)): \(reason)" }
        return "\(file): \(reason)"
    }
}
