import Core

/// One unit row of a submission, after its unit was resolved and its cells parsed: the values
/// that were read, each with the cell it came from. Values that could not be read are not here:
/// they are issues of the submission.
///
///     record.unitCode                        // "31117"
///     record.value("gia_dinh_dat")           // .count(1234)
///     record.cell("gia_dinh_dat")            // Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E7")
///
/// The values sit in slots, one per column of the sheet's fields (`columns`, shared by every row
/// of the sheet), rather than in dictionaries keyed by field id: a sheet of 10,000 rows reads
/// 160,000 values, and hashing each field id twice per value cost more than parsing it.
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
    /// The registry's parent of the unit (its district, for a commune before July 2025), as
    /// normalize resolved it: validation checks places without looking the unit up again. Nil
    /// for a unit at the top, or for a record made without it (then the registry is asked).
    public var parentCode: String?
    /// The fields the sheet has a column for, shared by every record of the sheet.
    public var columns: RecordColumns
    /// `slots[i]` is the value of `columns.fields[i]`; nil when the cell was blank (missing) or
    /// its value was rejected.
    public var slots: [FieldValue?]
    /// The cell naming the unit (the name cell, else the code cell).
    public var unitCell: Provenance

    public init(unitCode: String, unitName: String, writtenName: String, level: UnitLevel, sheet: String, row: Int,
                groupCode: String? = nil, parentCode: String? = nil, columns: RecordColumns, slots: [FieldValue?]? = nil,
                unitCell: Provenance) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.writtenName = writtenName
        self.level = level
        self.sheet = sheet
        self.row = row
        self.groupCode = groupCode
        self.parentCode = parentCode
        self.columns = columns
        self.slots = slots ?? Array(repeating: nil, count: columns.fields.count)
        self.unitCell = unitCell
    }

    /// The value read for `field`, nil when blank, rejected or not a column of the sheet.
    public func value(_ field: String) -> FieldValue? {
        columns.slot(of: field).flatMap { slots[$0] }
    }

    /// The row's cell in `field`'s column, read or not; nil when the sheet has no such column.
    public func cell(_ field: String) -> Provenance? {
        columns.slot(of: field).map { cell(at: $0) }
    }

    /// The row's cell in the column of slot `slot`.
    public func cell(at slot: Int) -> Provenance {
        Provenance(file: unitCell.file, sheet: sheet, cell: CellPosition.a1(letters: columns.letters[slot], row: row))
    }

    /// How many values were read (slots that hold one).
    public var valueCount: Int { slots.reduce(0) { $1 == nil ? $0 : $0 + 1 } }

    /// Field id -> value, for every value read (a view for messages and tests).
    public var values: [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for (i, value) in slots.enumerated() { if let value { out[columns.fields[i]] = value } }
        return out
    }

    /// Field id -> the row's cell in that field's column, for every column the sheet has.
    public var cells: [String: Provenance] {
        Dictionary(uniqueKeysWithValues: columns.fields.indices.map { (columns.fields[$0], cell(at: $0)) })
    }

    /// The record's values as facts of `year`, sorted by field id (stable output).
    public func facts(year: Int) -> [Fact] {
        var out: [Fact] = []
        out.reserveCapacity(slots.count)
        appendFacts(year: year, to: &out)
        return out
    }

    /// Appends the record's facts, sorted by field id, to `facts` (no intermediate array).
    public func appendFacts(year: Int, to facts: inout [Fact]) {
        let file = unitCell.file
        let suffix = String(row)
        for i in columns.fields.indices {
            guard let value = slots[i] else { continue }
            facts.append(Fact(unitCode: unitCode, year: year, field: columns.fields[i], value: value,
                              provenance: Provenance(file: file, sheet: sheet, cell: columns.letters[i] + suffix)))
        }
    }
}

/// The fields a sheet has columns for, sorted by field id, with each column's letters: what the
/// records of one sheet share. Built once per sheet by normalize.
///
///     let columns = RecordColumns(fields: ["gia_dinh_tong", "gia_dinh_dat"], letters: ["E", "F"])
///     columns.slot(of: "gia_dinh_dat")     // 0 (slots follow field id order)
public struct RecordColumns: Sendable, Hashable, Codable {
    /// Field ids, sorted.
    public let fields: [String]
    /// The column letters of `fields`, in the same order ("E").
    public let letters: [String]

    /// `fields` and `letters` pair up; they are sorted together by field id.
    public init(fields: [String], letters: [String]) {
        precondition(fields.count == letters.count, "one column letter per field")
        let order = fields.indices.sorted { fields[$0] < fields[$1] }
        self.fields = order.map { fields[$0] }
        self.letters = order.map { letters[$0] }
    }

    /// The slot of `field`, nil when the sheet has no column for it (binary search: few fields).
    public func slot(of field: String) -> Int? {
        var low = 0, high = fields.count
        while low < high {
            let mid = (low + high) / 2
            if fields[mid] < field { low = mid + 1 } else { high = mid }
        }
        return low < fields.count && fields[low] == field ? low : nil
    }
}
