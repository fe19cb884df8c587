import Core

/// One input file after ingest: its fingerprint and its worksheets as raw grids, or the reason it
/// could not be read (then `sheets` is empty and `issues` holds one error naming the file).
public struct WorkbookRead: Sendable, Hashable {
    /// The file name (not a path): what every provenance and message shows.
    public var file: String
    /// Lowercase hex SHA-256 of the file's bytes; nil when the file could not even be read.
    public var sha256: String?
    public var byteCount: Int
    /// Worksheets in workbook order (chart and macro sheets left out); hidden ones are kept, marked.
    public var sheets: [RawSheet]
    public var issues: [Issue]
    /// The reader's own English sentences behind `issues` (why a file or sheet could not be
    /// read, what was repaired): for the technician's `-v` log, never for the statistician,
    /// whose messages stay in Vietnamese.
    public var details: [String]

    public init(file: String, sha256: String?, byteCount: Int, sheets: [RawSheet], issues: [Issue], details: [String] = []) {
        self.file = file
        self.sha256 = sha256
        self.byteCount = byteCount
        self.sheets = sheets
        self.issues = issues
        self.details = details
    }

    /// True when the workbook gave at least one sheet.
    public var isReadable: Bool { !sheets.isEmpty }
}
