import Foundation

/// One cell of a written worksheet: a number or a text, with how it is shown (a number format,
/// bold). There is deliberately no formula cell: a text is always written as a string cell, so
/// a unit name beginning with `=`, `+`, `-` or `@` stays text in Excel and LibreOffice and can
/// never run as a formula (CSV/formula injection).
///
///     SpreadsheetCell.text("Quận Ninh Kiều")
///     SpreadsheetCell.number(0.5555555555555556, format: .percent2)   // Excel shows 55.56%
///     SpreadsheetCell.text("Đơn vị", bold: true)
public struct SpreadsheetCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// Written as `<v>` with `xmlNumber`; a NaN or an infinity (no XML number) leaves the cell empty.
        case number(Double)
        /// Written as a shared string, in NFC.
        case text(String)
        /// No value, only a style: a form's input cell, unlocked and bordered before anyone
        /// types in it (a nil cell would take neither).
        case empty
    }

    public var value: Value
    /// How a number is shown; ignored by readers for text.
    public var format: SpreadsheetNumberFormat
    public var bold: Bool
    /// A solid background as ARGB hex ("FFD9E1F2"); nil: none.
    public var fill: String?
    /// A thin border on all four sides (a table's grid).
    public var bordered = false
    /// Text wraps inside the column's width (a long indicator name in a header).
    public var wrapped = false
    /// Horizontal alignment; nil: the reader's default (text left, numbers right).
    public var alignment: Alignment?
    /// The user may change the cell when its sheet is protected (`SpreadsheetSheet.protected`):
    /// an input cell of a form. Cells are locked by default, as in Excel.
    public var unlocked = false

    public enum Alignment: String, Sendable, Hashable {
        case left, center, right
    }

    public init(_ value: Value, format: SpreadsheetNumberFormat = .general, bold: Bool = false) {
        self.value = value
        self.format = format
        self.bold = bold
    }

    /// The same cell with table styling: `.text("Tỷ lệ", bold: true).styled(fill: "FFD9E1F2", bordered: true, wrapped: true, alignment: .center)`.
    public func styled(fill: String? = nil, bordered: Bool = false, wrapped: Bool = false, alignment: Alignment? = nil) -> SpreadsheetCell {
        var cell = self
        cell.fill = fill
        cell.bordered = bordered
        cell.wrapped = wrapped
        cell.alignment = alignment
        return cell
    }

    /// The same cell, open to input on a protected sheet.
    public func unlockedForInput() -> SpreadsheetCell {
        var cell = self
        cell.unlocked = true
        return cell
    }

    public static func number(_ value: Double, format: SpreadsheetNumberFormat = .general, bold: Bool = false) -> SpreadsheetCell {
        SpreadsheetCell(.number(value), format: format, bold: bold)
    }

    /// An input cell waiting for a value: `.input.styled(bordered: true).unlockedForInput()`.
    public static let input = SpreadsheetCell(.empty)

    public static func text(_ text: String, bold: Bool = false) -> SpreadsheetCell {
        SpreadsheetCell(.text(text), bold: bold)
    }

    /// The text of a number in the cell's `<v>`, and the one a chart's `c:numCache` must repeat
    /// so that the chart and its workbook hold the same values: Swift's shortest representation
    /// that reads back as the same double ("0.5555555555555556", "0.75", "1e-05"), or nil for a
    /// NaN or an infinity, which XML numbers cannot hold.
    ///
    ///     SpreadsheetCell.xmlNumber(0.75)   // "0.75"
    ///     SpreadsheetCell.xmlNumber(1)      // "1"
    public static func xmlNumber(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
