import Core
import Model

/// The report as every renderer prints it, format-neutral: each sentence, status word and vi-VN
/// number already written (one rounding, `PercentFormatter` over `RoundedPercent`), each table
/// value as a `PresentedCell` (text, exact value, kind) and each chart as a specification. No
/// HTML, no CSS class, no template tag: the HTML view maps it to its templates, a DOCX or XLSX
/// renderer maps it to theirs. Made by `ReportPresenter` from a `ReportModel`.
///
///     let report = ReportPresenter(model: model).present()
///     report.documentKind          // "BÁO CÁO"
///     report.title                 // "Kết quả xây dựng xã hội học tập năm 2024"
///     report.summary.paragraphs    // the summary, one sentence a paragraph
///     report.indicators[0].rate    // "87,23%" (value 9735/11160, kind .percent)
///     report.indicators[0].chart   // a BarChartSpec: bars, target line, scale and ticks
///
/// Every string that came from a workbook or pipeline.yml is in Unicode NFC.
public struct PresentedReport: Sendable, Hashable {
    /// "Báo cáo kết quả ... năm 2024 - Sở giáo dục và đào tạo Cần Thơ": a window's or file's title.
    public var documentTitle: String
    public var year: Int
    /// "năm 2024" / "giai đoạn 2023-2025".
    public var periodText: String
    public var rootName: String
    public var header: PresentedHeader
    /// "BÁO CÁO": the document kind, in capitals on its own line (ND30).
    public var documentKind: String
    /// The subject under it: "Kết quả xây dựng xã hội học tập năm 2024".
    public var title: String
    /// Sơ kết or tổng kết: the trends are shown.
    public var isReview: Bool
    public var summary: PresentedSummary
    public var indicators: [PresentedIndicator]
    /// Absent when the root has no units two levels below.
    public var unitTable: PresentedUnitTable?
    public var trends: [PresentedTrend]
    /// Review years with pipeline.yml's `commendation`: the units proposed; nil otherwise.
    public var commendation: PresentedCommendation? = nil
    /// Some past value was re-expressed in today's units.
    public var hasReexpressed: Bool
    public var quality: PresentedQuality
    public var closing: PresentedClosing
    /// How the rates are rounded, and that comparisons use the exact values.
    public var roundingNote: String
    /// What made the report, from how many files.
    public var generatedNote: String
}
