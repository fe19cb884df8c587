import Mustache

/// One unit's result for one indicator: a row of a Word table. Keys as in the HTML page's
/// `UnitRowView`, without its sort keys and CSS class.
///
///     {{rankText}} | {{name}} | {{resultText}} | {{statusText}}   "1 | Quận Ninh Kiều | 1.110/1.998 (55,56%) | Đạt"
public struct DocxRowView: Sendable {
    public var code: String
    public var name: String
    public var parentName: String
    /// "1.500"
    public var numeratorText: String
    /// "1.800"
    public var denominatorText: String
    /// "83,33%", "—" without data.
    public var rateText: String
    /// "1.500/1.800 (83,33%)"
    public var resultText: String
    public var statusText: String
    public var gapText: String
    /// "1", "2", ... ; empty for the total.
    public var rankText: String
    public var childrenMetText: String?
    /// "11/12", or "có" / "thiếu".
    public var basisText: String
    /// "Tính trên 11/12 xã, phường, thị trấn; thiếu số liệu: Xã Thới Xuân."
    public var basisTitle: String
    public var source: String
    public var isTotal: Bool
}

/// Keys answered by name, not by reflection: swift-mustache reads a plain struct through
/// `Mirror` at every lookup, which was an eighth of the national report's render.
extension DocxRowView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "code": code
        case "name": name
        case "parentName": parentName
        case "numeratorText": numeratorText
        case "denominatorText": denominatorText
        case "rateText": rateText
        case "resultText": resultText
        case "statusText": statusText
        case "gapText": gapText
        case "rankText": rankText
        case "childrenMetText": childrenMetText
        case "basisText": basisText
        case "basisTitle": basisTitle
        case "source": source
        case "isTotal": isTotal
        default: nil
        }
    }
}
