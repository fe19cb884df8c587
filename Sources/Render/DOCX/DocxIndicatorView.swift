import Mustache
import WordTemplate

/// One indicator's section in the Word report: its result, status words and the table of the
/// units one level below (a row loop in the template). Keys as in the HTML page's
/// `IndicatorView`.
///
///     {{number}}. {{name}}             "1. Tỷ lệ hộ gia đình đạt danh hiệu ..."
///     {{#rows}}{{name}} {{resultText}}{{/rows}}   one table row per district
public struct DocxIndicatorView: Sendable {
    public var number: String
    public var id: String
    public var name: String
    public var hasTarget: Bool
    /// "75%", or "—" without a target.
    public var targetText: String
    public var targetSource: String
    /// "9.735/11.160 (87,23%)"
    public var resultText: String
    public var rateText: String
    /// "Đạt", "Vượt", "Chưa đạt", "Chưa có chỉ tiêu", "Không có số liệu".
    public var statusText: String
    public var gapText: String
    public var gapSentence: String
    public var childrenMetText: String?
    public var notReportedText: String?
    public var basisText: String
    public var basisLevelName: String
    public var source: String
    /// The title the chart has on the page: "Tỷ lệ ... theo quận, huyện".
    public var chartTitle: String
    /// The bar chart (`DocxBarChart`): `{{chart}}` alone in a paragraph places it there.
    public var chart: WordChart
    public var rowLevelName: String
    public var rowLevelTitle: String
    public var total: DocxRowView
    public var rows: [DocxRowView]
    public var hasRows: Bool
    public var belowTarget: [DocxRowView]
    public var hasBelowTarget: Bool
    public var belowTargetCount: String
}

/// Keys answered by name, not by reflection: swift-mustache reads a plain struct through
/// `Mirror` at every lookup, which was an eighth of the national report's render.
extension DocxIndicatorView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "id": id
        case "name": name
        case "hasTarget": hasTarget
        case "targetText": targetText
        case "targetSource": targetSource
        case "resultText": resultText
        case "rateText": rateText
        case "statusText": statusText
        case "gapText": gapText
        case "gapSentence": gapSentence
        case "childrenMetText": childrenMetText
        case "notReportedText": notReportedText
        case "basisText": basisText
        case "basisLevelName": basisLevelName
        case "source": source
        case "chartTitle": chartTitle
        case "chart": chart
        case "rowLevelName": rowLevelName
        case "rowLevelTitle": rowLevelTitle
        case "total": total
        case "rows": rows
        case "hasRows": hasRows
        case "belowTarget": belowTarget
        case "hasBelowTarget": hasBelowTarget
        case "belowTargetCount": belowTargetCount
        default: nil
        }
    }
}
