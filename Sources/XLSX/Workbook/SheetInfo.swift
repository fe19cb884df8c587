/// Whether Excel shows a sheet's tab. `veryHidden` sheets can only be shown from VBA.
public enum SheetVisibility: String, Sendable, Hashable {
    case visible, hidden, veryHidden
}

/// What a sheet is. Only worksheets hold a grid of cells to read; the others are listed
/// (so a report can say a chart sheet was skipped) but not streamed.
public enum SheetKind: String, Sendable, Hashable {
    case worksheet, chartsheet, macrosheet, dialogsheet
}

/// A sheet as the workbook lists it, in workbook (tab) order.
///
///     for sheet in workbook.sheets where sheet.kind == .worksheet && sheet.visibility == .visible { ... }
public struct SheetInfo: Sendable, Hashable {
    /// 0-based position in the workbook's sheet list.
    public var index: Int
    public var name: String
    public var visibility: SheetVisibility
    public var kind: SheetKind
    /// The package part holding the sheet ("xl/worksheets/sheet1.xml"), nil when the
    /// workbook names a sheet whose part cannot be found.
    public var part: String?

    public init(index: Int, name: String, visibility: SheetVisibility = .visible, kind: SheetKind = .worksheet, part: String? = nil) {
        self.index = index
        self.name = name
        self.visibility = visibility
        self.kind = kind
        self.part = part
    }
}
