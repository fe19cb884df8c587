/// Where a value came from: the workbook, the sheet and the cell, so that every number in a
/// report can be traced back to what a district typed.
///
///     Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E7")
public struct Provenance: Sendable, Hashable, Codable {
    /// The file name as it was found in the input folder (not a full path: reports travel).
    public var file: String
    /// The sheet name, or "" when the finding is about the whole file.
    public var sheet: String
    /// An A1 reference ("E7"), or "" when the finding is about a whole sheet or file.
    public var cell: String

    public init(file: String, sheet: String = "", cell: String = "") {
        self.file = file
        self.sheet = sheet
        self.cell = cell
    }
}
