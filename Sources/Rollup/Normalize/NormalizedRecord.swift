/// One unit row of a submission, after its unit was resolved and its cells parsed: the values
/// that were read, each with the cell it came from. Values that could not be read are not here:
/// they are issues of the submission.
///
///     record.unitCode                        // "31117"
///     record.values["gia_dinh_dat"]          // .count(1234)
///     record.cells["gia_dinh_dat"]           // Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E7")
public struct NormalizedRecord: Sendable, Hashable {
    /// The official code of the unit the row describes.
    public var unitCode: String
    /// The registry's official name ("Phường Cái Khế").
    public var unitName: String
    /// The name as written in the row ("P. Cái Khế"), or the code when there was no name.
    public var writtenName: String
    public var level: UnitLevel
    /// The sheet the row is on, and the row number (1-based).
    public var sheet: String
    public var row: Int
    /// The unit of the group row above ("Huyện Phong Điền" over its communes), if any.
    public var groupCode: String?
    /// Field id -> value. A field with no entry was blank (missing) or rejected.
    public var values: [String: FieldValue]
    /// Field id -> the row's cell in that field's column, for every column the sheet has, read
    /// or not (a required value left blank is reported at its cell).
    public var cells: [String: Provenance]
    /// The cell naming the unit (the name cell, else the code cell).
    public var unitCell: Provenance

    public init(unitCode: String, unitName: String, writtenName: String, level: UnitLevel, sheet: String, row: Int,
                groupCode: String? = nil, values: [String: FieldValue] = [:], cells: [String: Provenance] = [:],
                unitCell: Provenance) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.writtenName = writtenName
        self.level = level
        self.sheet = sheet
        self.row = row
        self.groupCode = groupCode
        self.values = values
        self.cells = cells
        self.unitCell = unitCell
    }

    /// The record's values as facts of `year`, sorted by field id (stable output).
    public func facts(year: Int) -> [Fact] {
        values.sorted { $0.key < $1.key }.map { field, value in
            Fact(unitCode: unitCode, year: year, field: field, value: value, provenance: cells[field] ?? unitCell)
        }
    }
}
