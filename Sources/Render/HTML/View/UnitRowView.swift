import Mustache

/// One unit's result for one indicator: a row of a breakdown table. Rows are the bulk of a large
/// report (a national roll-up has hundreds per indicator), so they answer the template's keys
/// with a switch instead of reflection (`MustacheParent`); the keys are the property names.
public struct UnitRowView: Sendable, MustacheParent {
    /// "31117"
    public var code: String
    /// "Phường Tân An"
    public var name: String
    /// The unit above it: "Quận Ninh Kiều" (in the commune detail).
    public var parentName: String
    public var numeratorText: String
    public var numeratorSortKey: String
    public var denominatorText: String
    public var denominatorSortKey: String
    /// "55,56%", "—" without data.
    public var rateText: String
    public var rateSortKey: String
    /// "5/9 (55,56%)"
    public var resultText: String
    /// "Đạt", "Chưa đạt", "Không có số liệu", ...
    public var statusText: String
    public var statusClass: String
    /// "vượt 2,35 điểm %"
    public var gapText: String
    /// "1", "2", ... ("—" when unranked).
    public var rankText: String
    public var rankSortKey: String
    /// "6/9 xã đạt", nil when not applicable.
    public var childrenMetText: String?
    /// The units of the indicator's level the row rests on: "11/12"; "có" / "thiếu" for a unit
    /// that is itself the one unit of its basis (a district of a district-level share).
    public var basisText: String
    /// The counted units, for `data-sort`: "11".
    public var basisSortKey: String
    /// For `title="..."`: "Tính trên 11/12 xã, phường, thị trấn; thiếu số liệu: Xã Thới Xuân."
    public var basisTitle: String
    /// "Nguồn: ninh-kieu.xlsx, Cấp xã!E7 (số đạt), Cấp xã!D7 (tổng số)".
    public var source: String
    /// The report unit's own total row.
    public var isTotal: Bool

    /// Template keys, in the order Templates/README.md lists them.
    public static let keys = ["code", "name", "parentName", "numeratorText", "numeratorSortKey", "denominatorText",
                              "denominatorSortKey", "rateText", "rateSortKey", "resultText", "statusText", "statusClass",
                              "gapText", "rankText", "rankSortKey", "childrenMetText", "basisText", "basisSortKey", "basisTitle",
                              "source", "isTotal"]

    public func child(named key: String) -> Any? {
        switch key {
        case "code": code
        case "name": name
        case "parentName": parentName
        case "numeratorText": numeratorText
        case "numeratorSortKey": numeratorSortKey
        case "denominatorText": denominatorText
        case "denominatorSortKey": denominatorSortKey
        case "rateText": rateText
        case "rateSortKey": rateSortKey
        case "resultText": resultText
        case "statusText": statusText
        case "statusClass": statusClass
        case "gapText": gapText
        case "rankText": rankText
        case "rankSortKey": rankSortKey
        case "childrenMetText": childrenMetText.map { $0 as Any }
        case "basisText": basisText
        case "basisSortKey": basisSortKey
        case "basisTitle": basisTitle
        case "source": source
        case "isTotal": isTotal
        default: nil
        }
    }
}
