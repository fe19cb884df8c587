/// How much one sheet may make the normalizer hold, so that one file cannot take the machine.
///
/// A real sheet of the form is far below both limits: a province before 2025 has a few hundred
/// communes, the whole country 10,598 (3,321 after the reform), and a district's workbook with
/// many mistakes has a few hundred findings. A sheet that reaches a limit is not a submission
/// with mistakes but the wrong file, or a table with a hundred thousand junk rows under it:
/// reading stops at the end of that row, one `sheet-too-many-rows` error says where and why, and
/// the rows read before it are kept and checked as usual. Every finding made before the stop is
/// in issues.csv; what the limits bound is the memory a run needs for one sheet (about 1 KB a
/// finding, 0.2 KB a record), whatever the file holds.
///
///     reader.read()   // stops after the row where issues reach 20,000 or records 100,000
public enum SheetLimits {
    /// Findings one sheet may raise in normalize before reading stops.
    public static let maxFindings = 20_000
    /// Unit rows one sheet may hold (ten times the country's communes of 2023).
    public static let maxRecords = 100_000
}
