import Core
import Model

/// One letter back to a sending unit as every renderer prints it (DOCX and HTML): the ND30
/// header with the letter's number, the subject line ("V/v ..."), the addressee, what the unit
/// sent, its findings with what to fix, and the date to send again by. Made by
/// `LetterPresenter`; every string NFC.
///
///     letter.addressee          // "Ủy ban nhân dân quận Ô Môn"
///     letter.subject            // "V/v sửa và gửi lại số liệu xây dựng xã hội học tập năm 2024"
///     letter.findings[0].cell   // "H9"
///     letter.findings[0].fix    // "Nhập số không âm (0 trở lên)."
///     letter.resendByText       // "ngày 12 tháng 12 năm 2024"
public struct PresentedLetter: Sendable, Hashable {
    /// A workbook the unit sent.
    public struct File: Sendable, Hashable {
        public var number: Int
        public var name: String
        /// "28/11/2024"
        public var receivedText: String
        /// The first 16 hex digits of the SHA-256: enough to tell two versions apart on paper.
        public var shortSHA256: String
        public var sha256: String
    }

    /// One finding, numbered within the letter.
    public struct Finding: Sendable, Hashable {
        public var number: Int
        public var severity: Severity
        /// "Lỗi", "Cảnh báo", "Ghi chú"
        public var severityText: String
        public var file: String
        public var sheet: String
        public var cell: String
        /// What the cell held, as the finding quotes it ("-5", "85,9%"); "" when the finding is
        /// about no single value (a missing row, a whole sheet).
        public var value: String
        /// The finding's own sentence: what is wrong (issues.csv's message).
        public var problem: String
        /// What to change (`FixWords`).
        public var fix: String
    }

    public var kind: UnitLetter.Kind
    public var unitCode: String
    public var unitName: String
    public var fileStem: String
    /// "Phản hồi số liệu năm 2024 - Quận Ô Môn": a window's or file's title.
    public var documentTitle: String
    public var header: PresentedHeader
    public var subject: String
    public var addressee: String
    /// The first paragraph: what the agency received or did not.
    public var opening: String
    public var files: [File]
    /// "Khi đọc và kiểm tra, phát hiện 4 vấn đề (3 lỗi, 1 cảnh báo) cần xem lại:"; "" in a reminder.
    public var findingsIntro: String
    public var findings: [Finding]
    /// One sentence per group of findings cut short.
    public var omitted: [String]
    /// The request, with the resend date.
    public var request: String
    /// "ngày 12 tháng 12 năm 2024", or with the day left blank when there is no date.
    public var resendByText: String
    public var closing: PresentedClosing
}
