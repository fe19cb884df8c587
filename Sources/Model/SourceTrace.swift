import Core

/// Where a number came from, so a reader can check it against the workbook.
///
/// For a unit's own row (a commune's households), `cells` lists the cells of the facts used
/// (numerator and denominator fields, or the condition's field); for an aggregate (a district,
/// the province), `cells` is empty and `files` lists the workbooks whose rows it sums.
///
///     SourceTrace(files: ["ninh-kieu.xlsx"],
///                 cells: [Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E7"), ...])
public struct SourceTrace: Sendable, Codable, Hashable {
    /// Input files, sorted, without duplicates.
    public var files: [String]
    /// The cells of a unit's own facts, sorted by file, sheet, cell; empty for aggregates.
    public var cells: [Provenance]

    public init(files: [String] = [], cells: [Provenance] = []) {
        self.files = files
        self.cells = cells
    }
}
