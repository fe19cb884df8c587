/// "I. Tóm tắt kết quả": the summary written from the numbers, one sentence a paragraph.
///
///     summary.paragraphs[0]      // "Đã nhận số liệu của 8/9 quận, huyện và ... thuộc Thành phố Cần Thơ; còn 1 quận, huyện chưa gửi báo cáo."
///     summary.reportingText      // "8/9"
///     summary.missingUnitNames   // ["Huyện Cờ Đỏ"]
///     summary.indicatorsMetText  // "10/14"
public struct PresentedSummary: Sendable, Hashable {
    public var paragraphs: [String]
    /// Units one level below the root that reported / expected: "8/9"; "" without such units.
    public var reportingText: String
    /// The units one level below the root that sent nothing, by name.
    public var missingUnitNames: [String]
    /// Indicators that reached their target / indicators with a target: "10/14".
    public var indicatorsMetText: String
}
