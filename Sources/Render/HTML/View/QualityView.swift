import Mustache
import Presentation

/// The data-quality appendix: counts, and the issues the model lists (the first
/// `DataQuality.listedPerGroup` of each file, rule and severity) with file, sheet and cell;
/// one line per group with more, saying how many are left to issues.csv.
public struct QualityView: Sendable {
    /// "Phát hiện 12 vấn đề: 3 lỗi (số liệu bị loại), 8 cảnh báo, 1 ghi chú."
    public var countsText: String
    public var errorCount: String
    public var warningCount: String
    public var infoCount: String
    public var hasIssues: Bool
    /// Errors first, then by file, sheet and cell.
    public var issues: [IssueView]
    public var hasOmitted: Bool
    /// "Tệp huyen-a.xlsx: và 199.980 lỗi cùng loại khác trong tệp này (như lỗi ở ô C24, TT 1); xem issues.csv."
    public var omitted: [String]
    /// The letters back to each unit, when the run writes them; nil (nothing printed) otherwise.
    public var letters: LetterSummaryView? = nil
}

/// The appendix's table of letters: `{{introText}}` and `{{#rows}}`, each with `{{number}}`,
/// `{{code}}`, `{{name}}`, `{{kindText}}`, `{{countText}}`, `{{fileName}}`: the presented rows
/// as they are (every value already text, or a number printed as digits).
public struct LetterSummaryView: Sendable {
    public var introText: String
    public var rows: [PresentedLetterSummary.Row]

    init(_ s: PresentedLetterSummary) {
        introText = s.introText
        rows = s.rows
    }
}

/// One finding, as in issues.csv.
public struct IssueView: Sendable, MustacheParent {
    public var number: String
    /// "Lỗi", "Cảnh báo", "Ghi chú"
    public var severityText: String
    /// "error", "warning", "info"
    public var severityClass: String
    /// "0", "1", "2" (errors first when sorted)
    public var severityRank: String
    public var file: String
    public var sheet: String
    public var cell: String
    public var unit: String
    public var field: String
    public var message: String

    public static let keys = ["number", "severityText", "severityClass", "severityRank", "file", "sheet", "cell", "unit", "field", "message"]

    public func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "severityText": severityText
        case "severityClass": severityClass
        case "severityRank": severityRank
        case "file": file
        case "sheet": sheet
        case "cell": cell
        case "unit": unit
        case "field": field
        case "message": message
        default: nil
        }
    }
}
