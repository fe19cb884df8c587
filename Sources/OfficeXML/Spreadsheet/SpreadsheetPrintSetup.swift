/// How a worksheet prints: paper, orientation, fit to the page's width, rows repeated at the top
/// of every page (the `_xlnm.Print_Titles` defined name), centred horizontally.
///
///     var sheet = SpreadsheetSheet(name: "Cấp xã")
///     sheet.printSetup = SpreadsheetPrintSetup(landscape: true, repeatedRows: 6...7)
///     // A4 landscape, as wide as one page, rows 6 and 7 on every page
public struct SpreadsheetPrintSetup: Sendable, Hashable {
    public var landscape: Bool
    /// The sheet scaled to one page wide (as many pages tall as it needs).
    public var fitToWidth: Bool
    /// Rows (from 1) printed at the top of every page: a table's header.
    public var repeatedRows: ClosedRange<Int>?
    /// ECMA-376's paper size code: 9 is A4.
    public var paperSize: Int

    public init(landscape: Bool = false, fitToWidth: Bool = true, repeatedRows: ClosedRange<Int>? = nil, paperSize: Int = 9) {
        self.landscape = landscape
        self.fitToWidth = fitToWidth
        self.repeatedRows = repeatedRows
        self.paperSize = paperSize
    }
}
