import Mustache

/// Everything a Word template sees (Templates/README.md, section "The Word report"): the keys
/// of the HTML page that mean the same thing in a printed document, without what only a
/// screen needs (CSS classes, `data-sort` keys, anchors, SVG charts, hover hints).
///
///     {{header.placeDate}}               "Cần Thơ, ngày 05 tháng 12 năm 2024"
///     {{#indicators}}{{number}}. {{name}}: {{resultText}}{{/indicators}}
///
/// The header, summary and closing are the HTML page's own view types: the same keys by
/// construction.
public struct DocxView: Sendable {
    /// "2024"
    public var year: String
    /// "năm 2024" or "giai đoạn 2023-2025".
    public var periodText: String
    /// "thành phố Cần Thơ"
    public var rootName: String
    public var header: HeaderView
    /// "BÁO CÁO"
    public var documentKind: String
    /// "Kết quả xây dựng xã hội học tập năm 2024"
    public var title: String
    public var isReview: Bool
    public var summary: SummaryView
    public var indicators: [DocxIndicatorView]
    /// Sơ kết or tổng kết: each indicator over the phase's years (empty in an annual report).
    public var trends: [DocxTrendView]
    public var hasTrends: Bool
    /// Some past figure is re-expressed in today's units (the tables mark it "*").
    public var hasReexpressed: Bool
    /// Review years with pipeline.yml's `commendation`: part IV, the units proposed for
    /// commendation (the page's own view); nil otherwise.
    public var commendation: CommendationView?
    public var closing: ClosingView
    /// The appendix matrix (the units two levels below, one column per indicator): the HTML
    /// page's own view, whose cells also say `met` and `missed` for paper (a missed target is
    /// printed in bold); nil when there are none. Printed in a landscape section after the signature.
    public var unitTable: UnitTableView?
    /// The data-quality appendix: the HTML page's own view (counts, the findings, the groups cut short).
    public var quality: QualityView
    /// "Tỷ lệ được làm tròn đến 2 chữ số thập phân ..."
    public var roundingNote: String
    /// "Báo cáo này do xhht tạo từ 9 tệp số liệu ..." (without the page's hover hint).
    public var generatedNote: String
}

/// Keys answered by name, not by reflection: swift-mustache reads a plain struct through
/// `Mirror` at every lookup, which was an eighth of the national report's render.
extension DocxView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "year": year
        case "periodText": periodText
        case "rootName": rootName
        case "header": header
        case "documentKind": documentKind
        case "title": title
        case "isReview": isReview
        case "summary": summary
        case "indicators": indicators
        case "trends": trends
        case "hasTrends": hasTrends
        case "hasReexpressed": hasReexpressed
        case "commendation": commendation
        case "closing": closing
        case "unitTable": unitTable
        case "quality": quality
        case "roundingNote": roundingNote
        case "generatedNote": generatedNote
        default: nil
        }
    }
}
