import Presentation

/// What a letter's templates see (Templates/README.md, "The letters"): `Templates/html/phan-hoi.mustache`
/// and `Templates/docx/phan-hoi.docx` read the same keys. The header and closing are the
/// report's own view types, so `{{header.placeDate}}` means the same in both documents.
///
///     {{addressee}}                      "Ủy ban nhân dân quận Ô Môn"
///     {{#findings}}{{cell}}: {{value}} - {{fix}}{{/findings}}
public struct LetterView: Sendable {
    public var lang = "vi"
    /// "Phản hồi số liệu năm 2024 - Quận Ô Môn"
    public var documentTitle: String
    public var isReminder: Bool
    public var unitCode: String
    public var unitName: String
    public var header: HeaderView
    /// "V/v sửa và gửi lại số liệu xây dựng xã hội học tập năm 2024"
    public var subject: String
    /// "Ủy ban nhân dân quận Ô Môn" (the template writes "Kính gửi:")
    public var addressee: String
    public var opening: String
    public var hasFiles: Bool
    public var files: [LetterFileView]
    public var hasFindings: Bool
    public var findingsIntro: String
    public var findings: [LetterFindingView]
    public var hasOmitted: Bool
    public var omitted: [String]
    public var request: String
    /// "ngày 12 tháng 12 năm 2024"
    public var resendByText: String
    public var closing: ClosingView
}

/// A workbook the unit sent: `{{number}}`, `{{name}}`, `{{receivedText}}` ("28/11/2024"),
/// `{{shortSHA256}}` (16 hex digits), `{{sha256}}`.
public struct LetterFileView: Sendable {
    public var number: String
    public var name: String
    public var receivedText: String
    public var shortSHA256: String
    public var sha256: String
}

/// One finding: `{{number}}`, `{{severityText}}`, `{{severityClass}}` (error, warning, info),
/// `{{file}}`, `{{sheet}}`, `{{cell}}`, `{{value}}`, `{{problem}}`, `{{fix}}`.
public struct LetterFindingView: Sendable {
    public var number: String
    public var severityText: String
    public var severityClass: String
    public var file: String
    public var sheet: String
    public var cell: String
    public var value: String
    public var problem: String
    public var fix: String
}

extension LetterView {
    /// The view of a presented letter: it only picks and renames.
    public init(_ l: PresentedLetter) {
        self.init(
            documentTitle: l.documentTitle, isReminder: l.kind == .reminder, unitCode: l.unitCode, unitName: l.unitName,
            header: HeaderView(l.header), subject: l.subject, addressee: l.addressee, opening: l.opening,
            hasFiles: !l.files.isEmpty,
            files: l.files.map { LetterFileView(number: String($0.number), name: $0.name, receivedText: $0.receivedText,
                                                shortSHA256: $0.shortSHA256, sha256: $0.sha256) },
            hasFindings: !l.findings.isEmpty, findingsIntro: l.findingsIntro,
            findings: l.findings.map { f in
                LetterFindingView(number: String(f.number), severityText: f.severityText, severityClass: f.severity.rawValue,
                                  file: f.file, sheet: f.sheet, cell: f.cell, value: f.value, problem: f.problem, fix: f.fix)
            },
            hasOmitted: !l.omitted.isEmpty, omitted: l.omitted, request: l.request, resendByText: l.resendByText,
            closing: ClosingView(l.closing))
    }
}
