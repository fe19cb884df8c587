/// The table of letters in the data-quality appendix (HTML page and Word report): one row per
/// letter, one per sending unit whose files had no finding, and one per file whose findings no
/// letter carries. Made by `LetterPresenter.summary()`.
///
///     summary.rows[0]   // code "917", name "Quận Ô Môn", kindText "Phản hồi", countText "4",
///                       // fileName "phan-hoi/917-quan-o-mon.docx"
///     summary.introText // "Đã lập 6 văn bản phản hồi và 1 văn bản nhắc nộp, hạn gửi lại ngày 12 tháng 12 năm 2024 ..."
public struct PresentedLetterSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var number: Int
        /// "" for a file no unit is known to have sent.
        public var code: String
        /// The unit's name, or "Tệp x.xlsx (không xác định được đơn vị gửi)".
        public var name: String
        /// "Phản hồi", "Nhắc nộp", "Không có sai sót", "Không gửi được"
        public var kindText: String
        /// How many findings, vi-VN ("1.204"); "0" for a clean unit.
        public var countText: String
        /// "phan-hoi/917-quan-o-mon.docx" (with its .html beside it); "" when there is no letter.
        public var fileName: String
    }

    public var introText: String
    public var rows: [Row]
}
