/// Something damaged in a workbook that the reader worked around, as Excel or LibreOffice do
/// when they open the file "with a repair": what could be read was read, and this says what
/// was not quite right. A repair is never an error: the values delivered are the file's.
///
///     let book = try Workbook(path: "huyen-a.xlsx")
///     book.repairs          // [missingSheetPart "Module1"] found while opening
///     let meta = try book.forEachCell(in: sheet) { ... }
///     meta.repairs          // [sharedStringOutOfRange, 3 cells, first C7] found in that sheet
///
/// `detail` is English for logs and `xhht cells`; the pipeline words its own Vietnamese
/// message from `kind`, `sheet` and `count`.
public struct WorkbookRepair: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// workbook.xml lists a worksheet whose part is not in the package (often a macro
        /// sheet "Module1" left behind): the sheet is skipped, the others are read.
        case missingSheetPart
        /// A part's CRC-32 does not match its data, but it inflated completely: it was read.
        case checksumMismatch
        /// `t="s"` cells point past the shared-string table: they read as empty, as Excel
        /// and LibreOffice show them after repairing the file.
        case sharedStringOutOfRange
        /// `_rels/.rels` is empty or missing: the workbook was looked for at xl/workbook.xml.
        case packageRelationshipsMissing
    }

    public var kind: Kind
    /// The file name used in messages.
    public var file: String
    /// The part concerned ("xl/worksheets/sheet2.xml", "_rels/.rels"), when there is one.
    public var part: String?
    /// The sheet concerned, when there is one.
    public var sheet: String?
    /// How many places were repaired this way (cells for `sharedStringOutOfRange`).
    public var count: Int
    /// The first place ("C7"), when the repair is about cells.
    public var firstCell: String?
    /// What was wrong and what was done, in English, without the file name.
    public var detail: String

    public init(_ kind: Kind, file: String, part: String? = nil, sheet: String? = nil, count: Int = 1,
                firstCell: String? = nil, detail: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sheet = sheet
        self.count = count
        self.firstCell = firstCell
        self.detail = detail
    }

    /// The full English sentence: "huyen-a.xlsx (part xl/worksheets/sheet1.xml): ...".
    public var description: String {
        if let part { return "\(file) (part \(part)): repaired: \(detail)" }
        return "\(file): repaired: \(detail)"
    }
}
