/// How a number cell is shown: an Excel format code. The codes Excel has built in are written
/// by their id only; any other gets an entry in `styles.xml` (ids from 164, as Excel numbers
/// them).
///
///     SpreadsheetNumberFormat.percent2.code   // "0.00%" (built-in id 10)
///     SpreadsheetNumberFormat(code: "#,##0")  // built-in id 3
///     SpreadsheetNumberFormat(code: "0.0%")   // a custom format, id 164 in the workbook
///
/// The code is the file's (invariant) syntax: `.` is the decimal point and `,` the grouping
/// whatever the reader's locale; Excel and LibreOffice show it in the user's locale
/// ("55,56%" in Vietnamese).
public struct SpreadsheetNumberFormat: Sendable, Hashable {
    public var code: String

    public init(code: String) {
        self.code = code
    }

    public static let general = SpreadsheetNumberFormat(code: "General")
    /// "55.56%" (built-in id 10).
    public static let percent2 = SpreadsheetNumberFormat(code: "0.00%")
    /// "1,998" (built-in id 3).
    public static let integerGrouped = SpreadsheetNumberFormat(code: "#,##0")

    /// The id Excel has for the code, when it is one of its built-in formats (ECMA-376 Part 1,
    /// 18.8.30); those must not be declared again in `numFmts`.
    var builtInID: Int? {
        switch code {
        case "General": 0
        case "0": 1
        case "0.00": 2
        case "#,##0": 3
        case "#,##0.00": 4
        case "0%": 9
        case "0.00%": 10
        case "0.00E+00": 11
        case "@": 49
        default: nil
        }
    }
}
