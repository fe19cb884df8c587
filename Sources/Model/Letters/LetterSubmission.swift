/// A workbook a unit sent, as a letter names it: the file, its SHA-256 and the day it was
/// received (the file's time in the input folder as the store records it, read in Vietnam's
/// time, UTC+7, as the deadline is).
///
///     LetterSubmission(file: "mau-2024-917-o-mon.xlsx", sha256: "3f2a…", unitCode: "917", received: "2024-11-28")
public struct LetterSubmission: Sendable, Codable, Hashable {
    public var file: String
    public var sha256: String
    /// The sending unit's code; "" when the file's sending unit could not be recognised.
    public var unitCode: String
    /// ISO "YYYY-MM-DD".
    public var received: String
    /// False for a workbook withdrawn from the input folder: its findings (the withdrawal's
    /// warning) still go to its unit, but the unit counts as having sent nothing.
    public var isCurrent: Bool

    public init(file: String, sha256: String, unitCode: String, received: String, isCurrent: Bool = true) {
        self.file = file
        self.sha256 = sha256
        self.unitCode = unitCode
        self.received = received
        self.isCurrent = isCurrent
    }
}
