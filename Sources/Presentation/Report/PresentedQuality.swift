import Core
import Model

/// The data-quality appendix: the counts in a sentence, the findings listed (bounded per file,
/// rule and severity) and one sentence for each group cut short.
///
///     quality.countsText   // "Phát hiện 12 vấn đề: 3 lỗi (giá trị bị loại khỏi các chỉ tiêu), 8 cảnh báo ..., 1 ghi chú."
///     quality.issues[0].severityText   // "Lỗi"
///     quality.omitted[0]   // "Và 199.980 lỗi cùng loại khác trong tệp huyen-a.xlsx (cùng loại với ô C24, dòng TT 1) không liệt kê ở đây; xem issues.csv."
public struct PresentedQuality: Sendable, Hashable {
    public struct Issue: Sendable, Hashable {
        /// The row number (TT), from 1.
        public var number: Int
        public var severity: Severity
        public var severityText: String
        public var file: String
        public var sheet: String
        public var cell: String
        /// "Phường Tân An (31117)", or the code as written when it is not in the registry.
        public var unit: String
        public var field: String
        /// The sentence of issues.csv.
        public var message: String
    }

    public var countsText: String
    public var errorCount: Int
    public var warningCount: Int
    public var infoCount: Int
    public var issues: [Issue]
    public var omitted: [String]
    /// The table of the letters back to each unit, when the run writes them (`letters` in
    /// pipeline.yml `outputs`; set by Render's `ReportOutputs`); nil otherwise.
    public var letters: PresentedLetterSummary? = nil
}
