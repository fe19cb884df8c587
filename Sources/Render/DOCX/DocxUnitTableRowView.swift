import Mustache

/// A unit's row of the Word report's appendix matrix: keys as in the HTML page's `UnitTableRowView`.
///
///     {{name}} | {{parentName}} | {{#cells}}{{text}}{{/cells}}    "Xã Thới Xuân | Huyện Cờ Đỏ | 80,82% ..."
public struct DocxUnitTableRowView: Sendable, MustacheParent {
    public var code: String
    public var name: String
    public var parentName: String
    /// One per column, in the same order.
    public var cells: [DocxUnitTableCellView]

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
