import OfficeXML
import Foundation

/// An .xlsx/.xlsm workbook opened for reading: its sheets in tab order, and each sheet's
/// cells streamed one by one without building the sheet in memory.
///
/// Opening sniffs the file (empty, encrypted, .xls, .xlsb, .ods, CSV... each refused with
/// a sentence saying what it is), reads the package relationships, workbook.xml, the shared
/// strings (once, into one `[String]`) and the date formats of styles.xml.
///
///     let book = try Workbook(path: "Input/huyen-a.xlsx")
///     for sheet in book.sheets where sheet.kind == .worksheet {
///         let meta = try book.forEachCell(in: sheet) { cell in
///             print(cell.reference.a1, cell.value)
///         }
///         print(meta.mergedRanges, meta.repairs)
///     }
///     print(book.repairs)   // what a damaged file needed to be read, as Excel repairs it
///
/// Ownership: a `Workbook` (and the zip handle inside) belongs to one thread at a time and
/// is not Sendable; to read files in parallel, open one `Workbook` per task. The values it
/// returns (`SheetInfo`, `Cell`, ...) are Sendable.
public final class Workbook {
    /// The file name used in messages.
    public let fileName: String
    /// Sheets in workbook order, including chart, macro and dialog sheets (see `SheetInfo.kind`).
    public let sheets: [SheetInfo]
    /// The workbook uses the 1904 date system (old Mac Excel).
    public let date1904: Bool
    /// The shared string table.
    public let sharedStrings: [String]
    /// Which cell styles show dates.
    public let styles: StyleTable
    /// What was damaged in the package and worked around while opening it (a sheet whose
    /// part is missing, a part whose checksum does not match, an empty or missing _rels/.rels).
    /// Each sheet's own repairs come with its `SheetMetadata`.
    public let repairs: [WorkbookRepair]

    private let container: ZipContainer

    public convenience init(path: String, limits: ContainerLimits = .default) throws {
        let container = try XLSXError.wrapping { try ZipContainer(path: path, limits: limits) }
        try self.init(container: container)
    }

    public convenience init(bytes: [UInt8], name: String, limits: ContainerLimits = .default) throws {
        let container = try XLSXError.wrapping { try ZipContainer(bytes: bytes, name: name, limits: limits) }
        try self.init(container: container)
    }

    private init(container: ZipContainer) throws {
        self.container = container
        let file = container.fileName
        let opened = try XLSXError.wrapping { try Workbook.readStructure(container) }
        date1904 = opened.date1904
        sheets = opened.sheets
        fileName = file
        sharedStrings = try XLSXError.wrapping {
            guard let part = opened.sharedStringsPart else { return [] }
            return try SharedStrings.read(container: container, part: part)
        }
        styles = try XLSXError.wrapping {
            guard let part = opened.stylesPart else { return StyleTable() }
            return try StyleTable.parse(container.readPart(part), file: file, part: part)
        }
        repairs = opened.repairs + container.checksumMismatches.map { Workbook.checksumRepair(file: file, part: $0, sheet: nil) }
    }

    private struct Structure {
        var sheets: [SheetInfo]
        var date1904: Bool
        var sharedStringsPart: String?
        var stylesPart: String?
        var repairs: [WorkbookRepair]
    }

    /// Most missing sheets named one by one in `repairs`; the rest are counted in one more.
    static let maxNamedMissingSheets = 100

    private static func readStructure(_ zip: ZipContainer) throws -> Structure {
        let file = zip.fileName
        var repairs: [WorkbookRepair] = []
        try refuseOtherFormats(zip)
        // The workbook part: from the package relationships, else the usual places. An empty
        // or missing _rels/.rels is what Excel repairs by looking there too; a damaged one
        // (bytes that are not XML) is refused like any malformed part: such a file is broken
        // beyond what Excel and the oracles of the corpus read.
        var root = Relationships()
        if zip.contains("_rels/.rels") {
            if try zip.readPart("_rels/.rels").allSatisfy(isSpace) {
                repairs.append(WorkbookRepair(.packageRelationshipsMissing, file: file, part: "_rels/.rels",
                    detail: "the package relationships (_rels/.rels) are empty; the workbook was looked for at xl/workbook.xml."))
            } else {
                root = try Relationships.read(container: zip, relsPart: "_rels/.rels", sourceFolder: "")
            }
        }
        var workbookPart = root.first(type: "officedocument").flatMap { zip.resolve($0.target) }
        if workbookPart == nil {
            workbookPart = ["xl/workbook.xml", "workbook.xml"].lazy.compactMap { zip.resolve($0) }.first
        }
        if workbookPart == nil {
            workbookPart = zip.partNames.first { $0.lowercased().hasSuffix("workbook.xml") }
        }
        guard let workbookPart else {
            throw ContainerError(.notAnOfficePackage, file: file,
                                 reason: "the zip archive holds no Excel workbook (no workbook.xml); it may be another kind of file renamed as .xlsx: ask for the workbook saved as Excel Workbook (.xlsx).")
        }
        if !zip.contains("_rels/.rels") {
            repairs.append(WorkbookRepair(.packageRelationshipsMissing, file: file, part: "_rels/.rels",
                detail: "the package relationships (_rels/.rels) are missing; the workbook was found at \(workbookPart)."))
        }
        let folder = PartName.folder(of: workbookPart)
        let relsPart = PartName.relationships(of: workbookPart)
        let rels = try Relationships.read(container: zip, relsPart: relsPart, sourceFolder: folder)
        let book = try WorkbookPart.read(container: zip, part: workbookPart)

        var sheets: [SheetInfo] = []
        var missing = 0
        for (i, entry) in book.sheets.enumerated() {
            var kind = SheetKind.worksheet
            var part: String?
            if let rid = entry.relationshipId, let rel = rels[rid] {
                kind = sheetKind(relationshipType: rel.type)
                part = zip.resolve(rel.target)
            }
            if part == nil, let id = entry.sheetId {
                // A missing or dangling relationship: try where Excel puts sheets.
                part = zip.resolve(folder.isEmpty ? "worksheets/sheet\(id).xml" : "\(folder)/worksheets/sheet\(id).xml")
            }
            if part == nil && kind == .worksheet {
                // Often a macro sheet ("Module1") whose part was dropped: skip it, read the others.
                missing += 1
                if missing <= maxNamedMissingSheets {
                    repairs.append(WorkbookRepair(.missingSheetPart, file: file, sheet: entry.name,
                        detail: "the workbook lists the sheet \"\(entry.name)\" but its part is missing from the package; the sheet was skipped and the other sheets were read."))
                }
            }
            sheets.append(SheetInfo(index: i, name: entry.name, visibility: entry.visibility, kind: kind, part: part))
        }
        if missing > maxNamedMissingSheets {
            repairs.append(WorkbookRepair(.missingSheetPart, file: file, count: missing - maxNamedMissingSheets,
                detail: "\(missing - maxNamedMissingSheets) more sheets listed in the workbook have no part in the package; they were skipped."))
        }
        func find(_ type: String, _ fallback: String) -> String? {
            if let rel = rels.first(type: type), let part = zip.resolve(rel.target) { return part }
            return zip.resolve(folder.isEmpty ? fallback : "\(folder)/\(fallback)")
        }
        return Structure(sheets: sheets, date1904: book.date1904,
                         sharedStringsPart: find("sharedstrings", "sharedStrings.xml"), stylesPart: find("styles", "styles.xml"),
                         repairs: repairs)
    }

    static func checksumRepair(file: String, part: String, sheet: String?) -> WorkbookRepair {
        WorkbookRepair(.checksumMismatch, file: file, part: part, sheet: sheet,
                       detail: "the part's checksum (CRC-32) does not match its data, but it inflated completely and was read as it is.")
    }

    private static func sheetKind(relationshipType type: String) -> SheetKind {
        switch type {
        case "chartsheet": return .chartsheet
        case "dialogsheet": return .dialogsheet
        case "xlmacrosheet", "xlintlmacrosheet", "macrosheet", "intlmacrosheet": return .macrosheet
        default: return .worksheet
        }
    }

    /// An .ods or .xlsb is a zip too: name it instead of failing on a missing workbook.xml.
    private static func refuseOtherFormats(_ zip: ZipContainer) throws {
        let file = zip.fileName
        if zip.contains("mimetype"), let bytes = try? zip.readPart("mimetype"),
           String(decoding: bytes.prefix(200), as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument") {
            throw ContainerError(.openDocument, file: file,
                                 reason: "this is an OpenDocument spreadsheet (.ods) renamed as .xlsx; open it in LibreOffice or Excel and save it as Excel Workbook (.xlsx).")
        }
        if zip.contains("xl/workbook.bin") && !zip.contains("xl/workbook.xml") {
            throw ContainerError(.binaryWorkbook, file: file,
                                 reason: "this is an Excel Binary Workbook (.xlsb) renamed as .xlsx; open it in Excel and save it as Excel Workbook (.xlsx).")
        }
        if zip.contains("word/document.xml") && !zip.contains("xl/workbook.xml") {
            throw ContainerError(.notAnOfficePackage, file: file,
                                 reason: "this is a Word document (.docx) renamed as .xlsx, not a workbook; ask for the Excel workbook.")
        }
    }

    /// Streams the cells of `sheet` in document order (row by row as written; rows may be
    /// out of order in odd files), calling `body` for each cell that has a value or a formula.
    /// Blank cells (styled but empty) are not delivered. Chart, macro and dialog sheets
    /// deliver nothing. Memory stays bounded: `body` is called from inside the parse, cell by
    /// cell, while the part is inflated 64 KiB at a time.
    ///
    /// A worksheet whose part is missing delivers nothing (the workbook's `repairs` say so);
    /// cells naming a shared string past the table read as empty and are not delivered
    /// (the returned metadata's `repairs` say how many).
    ///
    /// - Returns: the merged ranges, what else the sheet declared, and what was repaired.
    /// - Throws: `XLSXError` naming the file, the sheet and the reason (`.sheetTooLarge` when the
    ///   cells expand past `ContainerLimits.maxSheetText`); errors thrown by
    ///   `body` are rethrown as they are.
    @discardableResult
    public func forEachCell(in sheet: SheetInfo, _ body: (Cell) throws -> Void) throws -> SheetMetadata {
        guard sheet.kind == .worksheet else { return SheetMetadata() }
        // A sheet whose part is missing delivers nothing: `repairs` already says so.
        guard let part = sheet.part else { return SheetMetadata() }
        let mismatchesBefore = container.checksumMismatches.count
        return try withoutActuallyEscaping(body) { body in
            // The handler calls `body` from inside libxml2's callbacks; it never outlives this call.
            let handler = SheetHandler(sharedStrings: sharedStrings, styles: styles, date1904: date1904,
                                       file: fileName, sheetName: sheet.name, maxText: container.limits.maxSheetText, body: body)
            let parser = XMLPushParser(handler: handler, file: fileName, part: part)
            let state = handler.state
            try XLSXError.wrapping {
                // Large sheets inflate on a second thread while this one parses.
                let feed: (UnsafeRawBufferPointer) throws -> Void = { chunk in
                    try parser.feed(chunk)
                    if let failure = state.pointee.failure { throw failure }
                }
                if (container.declaredSize(of: part) ?? 0) > 1 << 20 {
                    try container.streamPartConcurrently(part, feed)
                } else {
                    try container.streamPart(part, feed)
                }
                try parser.finish()
            }
            if let failure = state.pointee.failure { throw failure }
            var repairs = container.checksumMismatches.dropFirst(mismatchesBefore).map {
                Workbook.checksumRepair(file: fileName, part: $0, sheet: sheet.name)
            }
            if state.pointee.badSharedStrings > 0 {
                let n = state.pointee.badSharedStrings
                repairs.append(WorkbookRepair(.sharedStringOutOfRange, file: fileName, part: part, sheet: sheet.name, count: n,
                    firstCell: state.pointee.firstBadSharedString,
                    detail: "\(n) cell(s) of sheet \"\(sheet.name)\" (first \(state.pointee.firstBadSharedString ?? "?")) refer to shared strings past the end of the table (\(sharedStrings.count) strings); they were read as empty, as Excel shows them after repairing the file."))
            }
            return SheetMetadata(mergedRanges: state.pointee.merged, declaredDimension: state.pointee.dimension,
                                 cellCount: state.pointee.cellCount, repairs: repairs)
        }
    }

    /// Streams the cells of the sheet named `name` (exact name); throws when there is none.
    @discardableResult
    public func forEachCell(inSheetNamed name: String, _ body: (Cell) throws -> Void) throws -> SheetMetadata {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw XLSXError(.missingPart, file: fileName, part: "sheet \(name)",
                            message: "the workbook has no sheet with this name (it has: \(sheets.map(\.name).joined(separator: ", "))).")
        }
        return try forEachCell(in: sheet, body)
    }
}
