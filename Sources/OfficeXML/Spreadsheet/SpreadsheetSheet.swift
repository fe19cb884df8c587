import Foundation

/// One worksheet to write: a name, rows of cells from A1, column widths, and optionally frozen
/// panes, merged areas, row heights, conditional formats, a print set-up, data validations
/// and protection (a form's input cells: `SpreadsheetCell.unlockedForInput()`). Every such
/// property has a default that writes nothing, so a sheet that does not use it keeps its bytes.
///
///     var sheet = SpreadsheetSheet(name: "Sheet1")
///     sheet.rows = [[.text("Đơn vị", bold: true), .text("Tỷ lệ", bold: true)],
///                   [.text("Quận Ninh Kiều"), .number(0.5556, format: .percent2)]]
///     sheet.columnWidths = [32, 12]
///     SpreadsheetSheet.range(column: 1, rows: 2...2, sheet: "Sheet1")   // "Sheet1!$B$2:$B$2"
public struct SpreadsheetSheet: Sendable, Hashable {
    /// The tab's name, as given to `init` after `safeName` (so formulas built from it match).
    public private(set) var name: String
    /// Rows from row 1, cells from column A; nil is an empty cell.
    public var rows: [[SpreadsheetCell?]]
    /// Widths in characters of the default font, from column A; nil keeps the default width.
    public var columnWidths: [Double?]
    /// Rows from the top that stay in view when scrolling (a table's header); 0: none.
    public var frozenRows = 0
    /// Columns from the left that stay in view (a unit's code and name); 0: none.
    public var frozenColumns = 0
    /// Merged areas, as `area(rows:columns:)` writes them ("A1:C1"); the first cell's value shows.
    public var merges: [String] = []
    /// Heights in points of rows (from 1) that need more than the default (a wrapped header).
    public var rowHeights: [Int: Double] = [:]
    public var conditionalFormats: [SpreadsheetConditionalFormat] = []
    /// nil: the reader's defaults (portrait, no repeated rows).
    public var printSetup: SpreadsheetPrintSetup?
    /// What input cells accept (whole numbers, a list, a bounded text), with prompt and error.
    public var dataValidations: [SpreadsheetDataValidation] = []
    /// Sheet protection without a password (`sheetProtection sheet="1"`): only unlocked cells
    /// can be changed, so a form's headers, codes and names stay as written; the user can
    /// still lift it (Review > Unprotect Sheet), which is the point: a guard against slips,
    /// not a lock.
    public var protected = false

    public init(name: String, rows: [[SpreadsheetCell?]] = [], columnWidths: [Double?] = []) {
        self.name = Self.safeName(name)
        self.rows = rows
        self.columnWidths = columnWidths
    }

    /// A name Excel accepts: `[ ] : * ? / \` become `_`, at most 31 characters, never empty
    /// (names come from code today, but issue 18 may name sheets after units).
    ///
    ///     SpreadsheetSheet.safeName("Xã A/B")   // "Xã A_B"
    public static func safeName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        let cleaned = String(name.precomposedStringWithCanonicalMapping.map { forbidden.contains($0) ? "_" : $0 }.prefix(31))
        return cleaned.trimmingCharacters(in: .whitespaces).isEmpty ? "Sheet" : cleaned
    }

    /// "A", "B", ..., "Z", "AA" for a column index from 0.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "B2" for row 2 (from 1) and column 1 (from 0).
    public static func cellName(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }

    /// A relative area, as merges and conditional formats name cells: "A1:C2" for rows 1...2
    /// (from 1) and columns 0...2 (from 0); one cell is "A1".
    public static func area(rows: ClosedRange<Int>, columns: ClosedRange<Int>) -> String {
        let first = cellName(row: rows.lowerBound, column: columns.lowerBound)
        let last = cellName(row: rows.upperBound, column: columns.upperBound)
        return first == last ? first : first + ":" + last
    }

    /// An absolute reference to cells of one column, as a chart's formula writes it:
    /// `Sheet1!$B$2:$B$10`; the sheet name quoted when it needs to be (`'Tỷ lệ'!$B$2:$B$10`).
    public static func range(column: Int, rows: ClosedRange<Int>, sheet: String) -> String {
        let c = columnName(column)
        let cells = rows.count == 1 ? "$\(c)$\(rows.lowerBound)" : "$\(c)$\(rows.lowerBound):$\(c)$\(rows.upperBound)"
        return quotedSheet(sheet) + "!" + cells
    }

    /// One absolute cell: `Sheet1!$B$1`.
    public static func cell(row: Int, column: Int, sheet: String) -> String {
        quotedSheet(sheet) + "!$\(columnName(column))$\(row)"
    }

    static func quotedSheet(_ sheet: String) -> String {
        let plain = sheet.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !(sheet.first?.isNumber ?? true)
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
