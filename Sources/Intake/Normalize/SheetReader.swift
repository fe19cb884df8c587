import Core
import Units

/// Reads the rows under one sheet's header: the row-by-row half of `Normalizer`.
///
/// A row is, in this order of checks: blank (skipped); a column-number row right under the
/// header ("(1) (2) (3)", skipped); a subtotal ("Cộng", "Tổng cộng", "Cộng huyện ...": checked
/// against the unit rows it sums, never a record); a group row (a unit above the sheet's level,
/// "Huyện Phong Điền" over its communes: it scopes the names below it, and its values, when it
/// has any, are checked like a subtotal); otherwise a unit row, resolved in the registry and read
/// field by field.
struct SheetReader {
    let normalizer: Normalizer
    let file: String
    let sheet: RawSheet
    let compiled: CompiledSheet
    let layout: HeaderLayout
    /// Where names are looked up when no group row says otherwise.
    let scope: String?

    /// The records read, in row order (the normalizer moves them out when the sheet is done).
    var records: [NormalizedRecord] = []
    private(set) var issues: [Issue] = []
    private(set) var groups: [AdministrativeUnit] = []
    /// How many records each parent unit has (the district most communes belong to names the
    /// sender when nothing else does), counted as rows are read: a run of rows with one parent
    /// costs one hash.
    private(set) var parentCounts: [String: Int] = [:]
    private var parentRun: (code: String, count: Int)?

    /// The fields the sheet has, as every record of it shares them.
    private let recordColumns: RecordColumns
    /// Each field column in column order: its record slot, field index, column and type.
    private let columns: [(slot: Int, field: Int, column: Int, type: FieldType)]
    /// (field index, column) of the count fields, in column order.
    private let countColumns: [(field: Int, column: Int)]
    private var groupCode: String?
    /// Set once the signature block under the table started ("NGƯỜI LẬP BIỂU").
    private var inFooter = false
    /// The last few texts read in each level or yes-no slot, and what they gave (`parse`).
    private var recentTexts: [[(text: String, parsed: ParsedValue)]]
    /// Where in `recentTexts[slot]` the last text was found.
    private var lastHit: [Int]
    /// The row being read: for each column, the index of its cell in `sheet.cells`, or -1.
    private var rowCells: [Int] = []
    /// The cells the row being read has, in column order (for the rare checks that look at all of them).
    private var present: [(column: Int, cell: RawCell)] {
        rowCells.indices.compactMap { c in rowCells[c] < 0 ? nil : (c, sheet.cells[rowCells[c]].cell) }
    }
    private var columnLetters: [String] = []
    private var segment: Sums
    private var grand: Sums
    /// The values a group row carried, to compare with the rows under it when the group ends.
    private var openGroup: (row: Int, label: String, values: [Int: Int64])?

    /// Running sums of the count fields over unit rows, by field index, and the rows they cover
    /// (`touch(row:)` once per unit row, then `values` added to).
    struct Sums {
        var values: [Int64]
        var firstRow: Int?
        var lastRow: Int?
        var isEmpty: Bool { firstRow == nil }

        init(fieldCount: Int) { values = Array(repeating: 0, count: fieldCount) }

        mutating func touch(row: Int) {
            if firstRow == nil { firstRow = row }
            lastRow = row
        }
    }

    init(normalizer: Normalizer, file: String, sheet: RawSheet, compiled: CompiledSheet, layout: HeaderLayout, scope: String?) {
        self.normalizer = normalizer
        self.file = file
        self.sheet = sheet
        self.compiled = compiled
        self.layout = layout
        self.scope = scope
        let fields = compiled.definition.fields
        let cols = layout.fieldColumns.map { (field: $0.key, column: $0.value) }.sorted { $0.column < $1.column }
        let recordColumns = RecordColumns(fields: cols.map { fields[$0.field].id }, letters: cols.map { CellPosition.columnName($0.column) })
        self.recordColumns = recordColumns
        self.columns = cols.map { (recordColumns.slot(of: fields[$0.field].id)!, $0.field, $0.column, fields[$0.field].type) }
        self.countColumns = cols.filter { fields[$0.field].type == .count }
        self.recentTexts = Array(repeating: [], count: cols.count)
        self.lastHit = Array(repeating: 0, count: cols.count)
        self.segment = Sums(fieldCount: fields.count)
        self.grand = Sums(fieldCount: fields.count)
    }

    private var level: UnitLevel { compiled.definition.level }
    private var registry: UnitRegistry { normalizer.registry }

    private func provenance(_ row: Int, _ column: Int) -> Provenance {
        let letters = column < columnLetters.count ? columnLetters[column] : CellPosition.columnName(column)
        return Provenance(file: file, sheet: sheet.name, cell: CellPosition.a1(letters: letters, row: row))
    }

    /// The cell of the row being read in `column`.
    private func at(_ column: Int?) -> RawCell? {
        guard let column, column >= 0, column < rowCells.count else { return nil }
        return cell(column)
    }

    /// The cell of the row being read in `column`, a column of the sheet.
    private func cell(_ column: Int) -> RawCell? {
        let i = rowCells[column]
        guard i >= 0 else { return nil }  // not `i < 0 ? nil : ...`: that `nil` would be a RawCell
        return sheet.cells[i].cell
    }

    private func label(_ row: Int, _ column: Int?) -> String? {
        guard let t = at(column)?.text?.trimmingCharactersInSetWhitespace(), !t.isEmpty else { return nil }
        return t
    }

    /// Reads the rows under the header that have cells, in order: the sheet's cells are sorted
    /// by row, so each row is a run of them, found by index (no cell is copied or hashed).
    mutating func read() {
        let width = sheet.maxColumn + 1
        rowCells = [Int](repeating: -1, count: width)
        columnLetters = (0..<width).map { CellPosition.columnName($0) }
        var i = sheet.firstIndex(atOrAfter: CellPosition(row: layout.dataStartRow, column: Int.min))
        // At most a record a row, and a row has a cell (a sheet may claim a million rows and
        // hold ten): growing the array 15 times moved 10,000 records each time.
        records.reserveCapacity(max(0, min(sheet.maxRow - layout.dataStartRow + 1, sheet.cells.count - i)))
        // Through buffers: 190,000 cells each set and cleared were as many uniqueness checks.
        var stoppedAfter: Int? = nil
        sheet.cells.withUnsafeBufferPointer { cells in
            while i < cells.count {
                let row = cells[i].position.row, start = i
                rowCells.withUnsafeMutableBufferPointer { rowCells in
                    while i < cells.count, cells[i].position.row == row {
                        let column = cells[i].position.column
                        if column >= 0 && column < width { rowCells[column] = i }
                        i += 1
                    }
                }
                readRow(row)
                rowCells.withUnsafeMutableBufferPointer { rowCells in
                    for j in start..<i where cells[j].position.column >= 0 && cells[j].position.column < width {
                        rowCells[cells[j].position.column] = -1
                    }
                }
                if issues.count >= SheetLimits.maxFindings || records.count >= SheetLimits.maxRecords, i < cells.count {
                    stoppedAfter = row
                    break
                }
            }
        }
        closeSegment()
        countParentRun()
        if let row = stoppedAfter { stop(after: row) }
    }

    /// The one finding that says where reading stopped and why (`SheetLimits`).
    private mutating func stop(after row: Int) {
        let what = issues.count >= SheetLimits.maxFindings
            ? "đã có \(Messages.number(Int64(issues.count))) lỗi và cảnh báo"
            : "đã có \(Messages.number(Int64(records.count))) dòng đơn vị"
        issues.append(RuleID.sheetTooManyRows.issue(Provenance(file: file, sheet: sheet.name, cell: "A\(row + 1)"),
            "Trang tính \"\(sheet.name)\": đến dòng \(row) \(what), vượt giới hạn của một biểu; xhht ngừng đọc trang này từ dòng \(row + 1). Các dòng từ \(row + 1) trở đi chưa được nhận (tệp có thể không đúng mẫu, hoặc có nhiều dòng thừa dưới bảng); hãy xóa các dòng thừa, sửa lỗi rồi gửi lại."))
    }

    private mutating func readRow(_ row: Int) {
        let ordinal = label(row, layout.ordinalColumn)
        let code = label(row, layout.codeColumn)
        let name = label(row, layout.nameColumn)
        let hasValues = columns.contains { rowCells[$0.column] >= 0 }
        if code == nil && name == nil && !hasValues { return }
        if row <= layout.dataStartRow + 1, isColumnNumberRow(row) { return }

        if let text = name.flatMap({ isSubtotal($0) ? $0 : nil }) ?? ordinal.flatMap({ isSubtotal($0) ? $0 : nil })
            ?? code.flatMap({ isSubtotal($0) ? $0 : nil }) {
            checkTotals(row: row, label: text, values: countValues(row), against: segment.isEmpty ? [grand] : [segment, grand])
            closeSegment()
            return
        }

        let written = name ?? code ?? ""
        if !hasValues || isHigherTypeName(name) || RowLabel.ordinal(ordinal ?? "")?.roman == true,
           let group = higherUnit(code: code, name: name) {
            closeSegment()
            groupCode = group.code
            groups.append(group)
            if hasValues { openGroup = (row, written, countValues(row)) }
            return
        }
        if code == nil && name == nil {
            if isFooter(row, code: code) { return }
            issues.append(RuleID.unitUnknown.issue(
                provenance(row, layout.nameColumn ?? layout.codeColumn ?? 1),
                "Dòng \(row) có số liệu nhưng không ghi tên hay mã đơn vị. Số liệu của dòng này chưa được tính; hãy ghi tên (hoặc mã) đơn vị."))
            return
        }
        guard let unit = resolve(row: row, code: code, name: name, hasValues: hasValues) else { return }
        readValues(row: row, unit: unit, written: written)
    }

    /// A row right under the header holding only column numbers: "(1)", "2", "A".
    private func isColumnNumberRow(_ row: Int) -> Bool {
        present.count >= 2 && present.allSatisfy { RowLabel.isColumnNumber($0.cell) }
    }

    /// The signature block under the table ("NGƯỜI LẬP BIỂU", "Cần Thơ, ngày ... tháng ... năm"),
    /// and any row after it with no code and no number (the signers' names). Only asked about
    /// rows that are not units, so that unit rows never pay for folding every cell.
    private mutating func isFooter(_ row: Int, code: String?) -> Bool {
        if isFooterRow(row) || (inFooter && code == nil && !hasNumber(row)) {
            inFooter = true
            return true
        }
        return false
    }

    private func isFooterRow(_ row: Int) -> Bool {
        present.contains { if case .text(let t) = $0.cell.value { RowLabel.isFooter(HeaderKey.make(t)) } else { false } }
    }

    private func hasNumber(_ row: Int) -> Bool {
        columns.contains { col in
            guard let cell = cell(col.column) else { return false }
            if case .number = cell.value { return true }
            if case .text(let t) = cell.value, case .integer = NumberText.parse(t) { return true }
            return cell.hasFormula
        }
    }

    private func isSubtotal(_ text: String) -> Bool {
        // Every subtotal word starts with c or t ("Cộng", "Tổng", "Toàn"): fold only those.
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "c") || first | 0x20 == UInt8(ascii: "t") else { return false }
        switch RowLabel.subtotal(HeaderKey.make(text)) {
        case .no: return false
        case .yes: return true
        case .maybe:
            // "Cộng Hòa" is a commune; "Cộng huyện Phong Điền" is not.
            if case .unit = registry.resolve(code: nil, name: text, level: level, under: scope) { return false }
            return true
        }
    }

    /// A name whose type word is above the sheet's level ("Huyện ...", "Quận ..." on a commune sheet).
    private func isHigherTypeName(_ name: String?) -> Bool {
        // Type words above a commune start with h, q or t ("Huyện", "Quận", "Thị xã", "TP."): fold only those.
        guard level == .commune, let name, let first = name.utf8.first,
              [UInt8(ascii: "h"), UInt8(ascii: "q"), UInt8(ascii: "t")].contains(first | 0x20),
              let type = UnitName(name).type else { return false }
        switch type {
        case .ward, .townlet, .commune, .specialZone: return false
        case .province, .city, .urbanDistrict, .ruralDistrict, .town: return true
        }
    }

    /// The unit a group row names: one unit above the sheet's level.
    private func higherUnit(code: String?, name: String?) -> AdministrativeUnit? {
        let candidates: [AdministrativeUnit]
        switch registry.resolve(code: code, name: name, level: nil, under: normalizer.rootCode) {
        case .unit(let u): candidates = [u]
        case .ambiguous(let us): candidates = us
        case .unknown: candidates = []
        }
        let above = candidates.filter { $0.level < level }
        return above.count == 1 ? above[0] : nil
    }

    /// The row's unit, or nil with an issue. The code wins over the name; names are looked up
    /// under the group row's unit (else the submission's), then anywhere in the province, so a
    /// commune filed under the wrong district still resolves (validate reports it).
    private mutating func resolve(row: Int, code: String?, name: String?, hasValues: Bool) -> AdministrativeUnit? {
        let cellColumn = (name != nil ? layout.nameColumn : layout.codeColumn) ?? 1
        func at() -> Provenance { provenance(row, cellColumn) }
        let local = groupCode ?? scope
        var result = registry.resolve(code: code, name: name, level: level, under: local)
        if result == .unknown, local != normalizer.rootCode {
            result = registry.resolve(code: code, name: name, level: level, under: normalizer.rootCode)
        }
        // The row's words for messages; only worked out when there is one to write.
        var written: String { [name.map { "\"\($0)\"" }, code.map { "mã \"\($0)\"" }].compactMap { $0 }.joined(separator: ", ") }
        var lost: String { hasValues ? " Số liệu của dòng \(row) chưa được tính." : "" }
        // A row that is no unit may be the signature block: skipped, not reported.
        let isUnit: Bool = if case .unit = result { true } else { false }
        if !isUnit, isFooter(row, code: code) { return nil }
        switch result {
        case .unknown:
            if !hasValues {
                issues.append(RuleID.groupRowUnknown.issue(at(), unit: name ?? code ?? "",
                    "Ô \(at().cell): dòng \(written) không có số liệu và không khớp đơn vị nào trong danh mục; được coi là dòng tiêu đề nhóm và bỏ qua."))
                return nil
            }
            let scopeName = local.flatMap { registry.unit(code: $0)?.name }.map { ", thuộc \($0)" } ?? ""
            issues.append(RuleID.unitUnknown.issue(at(), unit: name ?? code ?? "", value: name ?? code ?? "",
                "Ô \(at().cell): không tìm thấy đơn vị \(written) trong danh mục đơn vị hành chính (\(Messages.level(level))\(scopeName)).\(lost) Hãy kiểm tra tên đơn vị hoặc ghi đúng mã đơn vị."))
            return nil
        case .ambiguous(let units):
            let list = units.prefix(5).map(Messages.unit).joined(separator: ", ")
            issues.append(RuleID.unitAmbiguous.issue(at(), unit: name ?? code ?? "", value: name ?? code ?? "",
                "Ô \(at().cell): tên \(written) khớp với nhiều đơn vị: \(list).\(lost) Hãy ghi mã đơn vị hoặc tên đầy đủ (kèm \"Xã\", \"Phường\", \"Thị trấn\")."))
            return nil
        case .unit(let unit):
            check(unit, code: code, name: name, row: row)
            return unit
        }
    }

    /// A written code that is not the resolved unit's, or a name that names another unit.
    private mutating func check(_ unit: AdministrativeUnit, code: String?, name: String?, row: Int) {
        guard let code, let codeColumn = layout.codeColumn else { return }
        let normalized = UnitCode.normalized(code) ?? code
        let byCode = normalized == unit.code || UnitCode.padded(normalized, for: level) == unit.code
        if !byCode {
            issues.append(RuleID.unitCodeUnknown.issue(provenance(row, codeColumn), unit: unit.code, value: code,
                "Ô \(CellPosition(row: row, column: codeColumn).a1): mã \"\(code)\" không có trong danh mục \(Messages.level(level)); đã nhận đơn vị theo tên: \(Messages.unit(unit)). Hãy sửa lại mã đơn vị."))
            return
        }
        // The official name as written needs no look-up.
        guard let name, name != unit.name, let nameColumn = layout.nameColumn else { return }
        if case .unit(let other) = registry.resolve(code: nil, name: name, level: level, under: normalizer.rootCode), other.code != unit.code {
            issues.append(RuleID.codeNameMismatch.issue(provenance(row, nameColumn), unit: unit.code, value: name,
                "Dòng \(row): mã \"\(code)\" là \(Messages.unit(unit)) nhưng tên \"\(name)\" là \(Messages.unit(other)). Số liệu được nhận theo mã (\(unit.name)); hãy kiểm tra lại mã hoặc tên."))
        }
    }

    private mutating func readValues(row: Int, unit: AdministrativeUnit, written: String) {
        let unitColumn = (layout.nameColumn ?? layout.codeColumn) ?? 1
        var slots = [FieldValue?](repeating: nil, count: recordColumns.fields.count)
        segment.touch(row: row)
        grand.touch(row: row)
        // The sums and the slots are written through their buffers, taken out of `self` for the
        // row: an array written in a loop that also calls a mutating method was checked for
        // uniqueness on every value.
        var segmentSums: [Int64] = [], grandSums: [Int64] = []
        swap(&segmentSums, &segment.values)
        swap(&grandSums, &grand.values)
        defer {
            swap(&segmentSums, &segment.values)
            swap(&grandSums, &grand.values)
        }
        slots.withUnsafeMutableBufferPointer { slots in
            segmentSums.withUnsafeMutableBufferPointer { segmentSums in
                grandSums.withUnsafeMutableBufferPointer { grandSums in
                    for (slot, f, column, type) in columns {
                        let i = rowCells[column]
                        guard i >= 0 else { continue }
                        // The usual cell of a count column, a whole number, taken without the general parse.
                        if type == .count, case .number(let d) = sheet.cells[i].cell.value, let n = ValueParser.plainCount(d) {
                            segmentSums[f] &+= n
                            grandSums[f] &+= n
                            slots[slot] = .count(n)
                            continue
                        }
                        switch parse(sheet.cells[i].cell, as: type, slot: slot) {
                        case .value(let v):
                            if case .count(let n) = v {
                                segmentSums[f] &+= n
                                grandSums[f] &+= n
                            }
                            slots[slot] = v
                        case .missing:
                            break
                        case .rejected(let rule, let reason):
                            let field = compiled.definition.fields[f]
                            let p = provenance(row, column)
                            issues.append(rule.issue(p, unit: unit.code, field: field.id, value: sheet.cells[i].cell.display,
                                "Ô \(p.cell) (cột \"\(Messages.column(field))\", \(unit.name)): \(reason)"))
                        }
                    }
                }
            }
        }
        // Made here, with its values, and moved into the array.
        records.append(NormalizedRecord(unitCode: unit.code, unitName: unit.name, writtenName: written, level: level,
                                        sheet: sheet.name, row: row, groupCode: groupCode, parentCode: unit.parentCode, columns: recordColumns,
                                        slots: slots, unitCell: provenance(row, unitColumn)))
        if let parent = unit.parentCode {
            if parent == parentRun?.code { parentRun!.count += 1 } else { countParentRun(); parentRun = (parent, 1) }
        }
    }

    private mutating func countParentRun() {
        if let run = parentRun { parentCounts[run.code, default: 0] += run.count }
        parentRun = nil
    }

    /// `ValueParser.parse`, remembering the last few texts of each level and yes-no column:
    /// "Có", "Mức độ 2" repeat on every row and folding them each time would cost more than the
    /// rest of the row. A column holds a handful of such texts, so a short list compared from
    /// the last one found beats hashing them (a Vietnamese text hashes through its NFC form:
    /// ~750 instructions a look-up).
    private mutating func parse(_ cell: RawCell, as type: FieldType, slot: Int) -> ParsedValue {
        guard case .text(let t) = cell.value, type == .level || type == .yesNo else { return ValueParser.parse(cell, as: type) }
        let count = recentTexts[slot].count
        for k in 0..<count {
            let i = (lastHit[slot] + k) % count
            if recentTexts[slot][i].text == t {
                lastHit[slot] = i
                return recentTexts[slot][i].parsed
            }
        }
        let parsed = ValueParser.parse(cell, as: type)
        if count < Self.recentTextCount {
            recentTexts[slot].append((t, parsed))
            lastHit[slot] = count
        } else {
            // Full: the entry after the last one found goes (the oldest, as entries fill in turn).
            let i = (lastHit[slot] + 1) % count
            recentTexts[slot][i] = (t, parsed)
            lastHit[slot] = i
        }
        return parsed
    }

    /// Texts remembered per column (`parse(_:as:slot:)`).
    static let recentTextCount = 8

    /// The counts a subtotal or group row carries, by field index (unreadable cells are left out:
    /// a total is a check, not data).
    private func countValues(_ row: Int) -> [Int: Int64] {
        var out: [Int: Int64] = [:]
        for (f, column) in countColumns {
            if let cell = cell(column), case .value(.count(let n)) = ValueParser.parse(cell, as: .count) { out[f] = n }
        }
        return out
    }

    /// Compares a total row with the sums of the rows it covers; a value equal to any of the
    /// candidate sums (the rows since the last total, or all rows so far) is right.
    private mutating func checkTotals(row: Int, label: String, values: [Int: Int64], against candidates: [Sums]) {
        guard let reference = candidates.first, !reference.isEmpty else { return }
        for (f, column) in countColumns {
            guard let written = values[f] else { continue }
            if candidates.contains(where: { $0.values[f] == written }) { continue }
            let expected = reference.values[f]
            let field = compiled.definition.fields[f]
            let rows = reference.firstRow == reference.lastRow ? "dòng \(reference.firstRow!)" : "dòng \(reference.firstRow!)-\(reference.lastRow!)"
            let p = provenance(row, column)
            issues.append(RuleID.subtotalMismatch.issue(p, field: field.id, value: Messages.number(written),
                "Ô \(p.cell) (dòng tổng \"\(label)\", cột \"\(Messages.column(field))\"): ghi \(Messages.number(written)) nhưng tổng các dòng đơn vị (\(rows)) là \(Messages.number(expected)), lệch \(Messages.number(written - expected)). Số liệu được tổng hợp từ các dòng đơn vị, không dùng dòng tổng; hãy kiểm tra lại dòng tổng hoặc các dòng chi tiết."))
        }
    }

    /// Ends the rows a total can cover: checks the open group row's values, starts a new segment.
    private mutating func closeSegment() {
        if let g = openGroup {
            checkTotals(row: g.row, label: g.label, values: g.values, against: [segment])
            openGroup = nil
        }
        segment = Sums(fieldCount: compiled.definition.fields.count)
    }
}
