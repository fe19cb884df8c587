import Mustache

/// The appendix table of every unit two levels below the report's unit (the communes of a
/// province's districts; the districts of a national roll-up's provinces) against every indicator
/// computed at that level: one row per unit, one column per indicator, the rate in each cell with
/// "n/N" and the source cells in its tooltip.
///
/// One matrix instead of a detail table per indicator keeps the page readable and its size
/// proportional to the units (a national roll-up's 705 districts are 705 rows, not 14 x 705);
/// the level below it (a national roll-up's 10,598 communes) is in indicators.csv.
public struct UnitTableView: Sendable {
    /// "Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn"
    public var title: String
    /// "Xã, phường, thị trấn"
    public var levelTitle: String
    /// "Quận, huyện": the title of the parent column.
    public var parentLevelTitle: String
    /// The indicators computed at this level, in catalogue order.
    public var columns: [UnitTableColumnView]
    public var rows: [UnitTableRowView]
    /// "80 xã, phường, thị trấn"
    public var countText: String
    /// "Số liệu từng xã, phường của các tỉnh có trong tệp indicators.csv." or nil.
    public var note: String?
}

/// A column of the appendix table: an indicator.
public struct UnitTableColumnView: Sendable {
    /// "1": the indicator's number in the report, the column's short title.
    public var number: String
    public var id: String
    public var name: String
    /// "75%"
    public var targetText: String
}

/// A unit's row in the appendix table: the page's row and the Word report's (`DocxView.unitTable`).
///
///     {{name}} | {{parentName}} | {{#cells}}{{text}}{{/cells}}    "Xã Thới Xuân | Huyện Cờ Đỏ | 80,82% ..."
public struct UnitTableRowView: Sendable, MustacheParent {
    public var code: String
    public var name: String
    public var parentName: String
    /// One per column, in the same order.
    public var cells: [UnitTableCellView]

    public static let keys = ["code", "name", "parentName", "cells"]

    public func child(named key: String) -> Any? {
        switch key {
        case "code": code
        case "name": name
        case "parentName": parentName
        case "cells": cells
        default: nil
        }
    }
}

/// One unit's result for one indicator in the appendix table. Whether it meets the target is
/// said twice: as a CSS class for the page's colour, and as two flags for paper, which has no
/// colour (the Word template prints a missed target in bold: `{{#missed}}`...`{{/missed}}`).
///
///     text "55,56%", statusClass "chua-dat", met false, missed true    (below the target)
///     text "", statusClass "", met false, missed false                 (not computed, or no target)
public struct UnitTableCellView: Sendable, MustacheParent {
    /// "55,56%"; "" when the indicator is not computed for the unit.
    public var text: String
    /// "dat", "chua-dat" or "" without a target or data.
    public var statusClass: String
    /// The rate meets the target.
    public var met: Bool
    /// The rate is below the target.
    public var missed: Bool
    /// "5/9 (55,56%). Nguồn: ninh-kieu.xlsx, Cấp xã!E7 (số đạt), Cấp xã!D7 (tổng số)"
    public var source: String

    public static let keys = ["text", "statusClass", "met", "missed", "source"]

    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "statusClass": statusClass
        case "met": met
        case "missed": missed
        case "source": source
        default: nil
        }
    }
}
