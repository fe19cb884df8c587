import Mustache

/// One indicator over the years of a review phase: a table (unit x year) and a line chart.
public struct TrendView: Sendable {
    public var number: String
    public var id: String
    /// "xu-huong-gia_dinh"
    public var anchor: String
    public var name: String
    /// "Toàn thành phố: từ 70,00% (2023) lên 80,00% (2025), tăng 10,00 điểm %."
    public var summaryText: String?
    /// "2023", "2024", "2025"
    public var years: [String]
    /// The target of each year, same order as `years`: "75%", "—".
    public var targets: [String]
    public var rows: [TrendRowView]
    /// The line chart (inline SVG: `{{{chart}}}`).
    public var chart: String
    public var hasNeverMet: Bool
    /// "Cờ Đỏ, Thới Lai"
    public var neverMetText: String
    public var hasReexpressedUnits: Bool
    /// "Quận Ninh Kiều, Huyện Phong Điền": units with a year summed from earlier units.
    public var reexpressedUnitsText: String
    public var hasFlaggedUnits: Bool
    /// Units with a year that could not be re-expressed (a split commune's part).
    public var flaggedUnitsText: String
}

/// A unit's line in a trend table.
public struct TrendRowView: Sendable, MustacheParent {
    public var name: String
    /// "tách" when the unit was split and its history could not be re-expressed, nil otherwise.
    public var flagText: String?
    public var cells: [TrendCellView]
    /// "+10,00 điểm %"
    public var changeText: String
    public var changeSortKey: String
    /// "2024", "chưa đạt", "—".
    public var firstMetText: String
    public var isTotal: Bool

    public static let keys = ["name", "flagText", "cells", "changeText", "changeSortKey", "firstMetText", "isTotal"]

    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "flagText": flagText.map { $0 as Any }
        case "cells": cells
        case "changeText": changeText
        case "changeSortKey": changeSortKey
        case "firstMetText": firstMetText
        case "isTotal": isTotal
        default: nil
        }
    }
}

/// One year's value of a unit in a trend table.
public struct TrendCellView: Sendable, MustacheParent {
    /// "75,00%", "—"
    public var text: String
    public var sortKey: String
    /// True when re-expressed in the report year's units: the template marks it with "*".
    public var reexpressed: Bool
    /// "dat" / "chua-dat" / "" against that year's target.
    public var statusClass: String
    public var source: String

    public static let keys = ["text", "sortKey", "reexpressed", "statusClass", "source"]

    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "sortKey": sortKey
        case "reexpressed": reexpressed
        case "statusClass": statusClass
        case "source": source
        default: nil
        }
    }
}
