import Core

/// One letter back to one sending unit: what it sent and every finding about its files
/// (`feedback`), or, when it sent nothing, a reminder (`reminder`). Made by Aggregate's
/// `LetterBuilder`; a unit sees only its own findings.
///
///     letter.kind          // .feedback
///     letter.unitName      // "Quận Ô Môn"
///     letter.fileStem      // "917-quan-o-mon": phan-hoi/917-quan-o-mon.docx and .html
///     letter.issues.count  // 4: the findings listed in the report about its files
public struct UnitLetter: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The unit sent files with findings: what to fix and send again.
        case feedback
        /// The unit sent nothing: what is missing and by when.
        case reminder
    }

    public var kind: Kind
    public var unitCode: String
    /// As the registry has it: "Quận Ô Môn".
    public var unitName: String
    public var unitLevel: UnitLevel
    /// The letter's file name without extension: the code and the ASCII slug of the name.
    public var fileStem: String
    /// The unit's current workbooks, by file name; empty in a reminder.
    public var submissions: [LetterSubmission]
    /// The unit's findings as the report lists them (`DataQuality`: at most
    /// `DataQuality.listedPerGroup` of one file, rule and severity), in the report's order.
    public var issues: [Issue]
    /// The unit's groups with more findings than listed.
    public var omitted: [OmittedIssues]

    public init(kind: Kind, unitCode: String, unitName: String, unitLevel: UnitLevel, fileStem: String,
                submissions: [LetterSubmission], issues: [Issue], omitted: [OmittedIssues]) {
        self.kind = kind
        self.unitCode = unitCode
        self.unitName = unitName
        self.unitLevel = unitLevel
        self.fileStem = fileStem
        self.submissions = submissions
        self.issues = issues
        self.omitted = omitted
    }

    /// Every finding of the unit, listed or not.
    public var findingCount: Int { issues.count + omitted.reduce(0) { $0 + $1.count } }
}
