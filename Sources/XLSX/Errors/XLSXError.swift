import OfficeXML

/// Why a workbook (or one of its sheets) could not be read: one sentence naming the file,
/// the part or sheet when there is one, the reason and what to do.
///
///     "huyen-a.xlsx: the workbook is password-protected (an encrypted Office file); remove the password ..."
public struct XLSXError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        // The file as a whole.
        case unreadableFile, notARegularFile, emptyFile, passwordProtected, legacyExcel, otherCompoundFile
        case binaryWorkbook, openDocument, textFile, xmlFile, notAZip, notAWorkbook
        case corrupt, tooLarge, zipBomb, unsupportedCompression
        // Its contents.
        case missingPart, unsafeXML, malformedXML, invalidCell
        /// A sheet's cells expand past `ContainerLimits.maxSheetText` (a shared-string bomb).
        case sheetTooLarge
    }

    public let kind: Kind
    public let file: String
    public let part: String?
    public let message: String

    public init(_ kind: Kind, file: String, part: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.message = message
    }

    /// The full sentence.
    public var description: String {
        if let part { return "\(file) (part \(part)): \(message)" }
        return "\(file): \(message)"
    }

    /// The same refusal, from the container layer (a file refused before it is a workbook).
    public init(_ error: ContainerError) {
        let kind: Kind
        switch error.kind {
        case .unreadableFile: kind = .unreadableFile
        case .notARegularFile: kind = .notARegularFile
        case .emptyFile: kind = .emptyFile
        case .passwordProtected, .encryptedEntry: kind = .passwordProtected
        case .legacyExcel: kind = .legacyExcel
        case .otherCompoundFile: kind = .otherCompoundFile
        case .binaryWorkbook: kind = .binaryWorkbook
        case .openDocument: kind = .openDocument
        case .textFile: kind = .textFile
        case .xmlFile: kind = .xmlFile
        case .notAZip: kind = .notAZip
        case .notAnOfficePackage: kind = .notAWorkbook
        case .corrupt: kind = .corrupt
        case .tooManyEntries, .entryTooLarge, .totalTooLarge: kind = .tooLarge
        case .compressionRatio: kind = .zipBomb
        case .missingPart: kind = .missingPart
        case .unsupportedCompression: kind = .unsupportedCompression
        }
        self.init(kind, file: error.file, part: error.part, message: error.reason)
    }

    init(_ error: XMLParseError) {
        let place = error.line > 0 ? "\(error.part), line \(error.line)" : error.part
        self.init(error.kind == .doctype ? .unsafeXML : .malformedXML, file: error.file, part: place, message: error.reason)
    }

    /// Runs `body`, turning container and XML errors into `XLSXError`.
    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ContainerError {
            throw XLSXError(e)
        } catch let e as XMLParseError {
            throw XLSXError(e)
        }
    }
}
