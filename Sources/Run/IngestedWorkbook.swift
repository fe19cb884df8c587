import Core
import Foundation
import Intake

/// One input file after ingest: its bytes' SHA-256 and its sheets, or the findings that say
/// why it could not be read (a zip bomb, an .xls renamed .xlsx, a password-protected workbook).
public struct IngestedWorkbook: Sendable {
    public var file: InputFile
    public var sha256: String
    public var byteCount: Int
    /// nil when the file could not be read; `issues` then says why. In a `Pipeline.Reading`,
    /// empty for a file that was read: its cells are dropped once normalized.
    public var sheets: [RawSheet]?
    public var issues: [Issue]
    /// The reader's English detail behind `issues` (`WorkbookRead.details`), for `-v` logs.
    public var details: [String]

    public init(file: InputFile, sha256: String, byteCount: Int, sheets: [RawSheet]?, issues: [Issue], details: [String] = []) {
        self.file = file
        self.sha256 = sha256
        self.byteCount = byteCount
        self.sheets = sheets
        self.issues = issues
        self.details = details
    }

    /// Reads one file; never throws: what goes wrong becomes an issue naming the file.
    public static func read(_ file: InputFile) -> IngestedWorkbook {
        let read = SubmissionReader.read(path: file.path)
        let unreadable = read.sheets.isEmpty && read.issues.contains { $0.severity == .error }
        return IngestedWorkbook(file: file, sha256: read.sha256 ?? "", byteCount: read.byteCount,
                                sheets: unreadable ? nil : read.sheets, issues: read.issues, details: read.details)
    }
}
