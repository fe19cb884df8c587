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

    private(set) var records: [NormalizedRecord] = []
    private(set) var issues: [Issue] = []
    private(set) var groups: [AdministrativeUnit] = []

    /// (field index, column), in column order; and the count fields among them.
    private let columns: [(field: Int, column: Int)]
    private let countColumns: [(field: Int, column: Int)]
    private var groupCode: String?
    /// Set once the signature block under the table started ("NGƯỜI LẬP BIỂU").
    private var inFooter = false
    private struct TextKey: Hashable { var text: String; var type: FieldType }
    private var parsedTexts: [TextKey: ParsedValue] = [:]
    /// The row being read: its cells by column, and the cells it has.
    private var rowCells: [RawCell?] = []
    private var present: [(column: Int, cell: RawCell)] = []
    private var columnLetters: [String] = []
    private var segment = Sums()
    private var grand = Sums()
    /// The values a group row carried, to compare with the rows under it when the group ends.
    private var openGroup: (row: Int, label: String, values: [Int: Int64])?

    struct Sums {
        var values: [Int: Int64] = [:]
        var firstRow: Int?
        var lastRow: Int?
        var isEmpty: Bool { firstRow == nil }

        mutating func add(_ field: Int, _ v: Int64, row: Int) {
            values[field, default: 0] &+= v
            if firstRow == nil { firstRow = row }
            lastRow = row
        }
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
        let cols = layout.fieldColumns.map { (field: $0.key, column: $0.value) }.sorted { $0.column < $1.column }
        self.columns = cols
        self.countColumns = cols.filter { compiled.definition.fields[$0.field].type == .count }
    }

    private var level: UnitLevel { compiled.definition.level }
    private var registry: UnitRegistry { normalizer.registry }

    private func provenance(_ row: Int, _ column: Int) -> Provenance {
        let letters = column < columnLetters.count ? columnLetters[column] : CellPosition.columnName(column)
        return Provenance(file: file, sheet: sheet.name, cell: letters + String(row))
    }

    /// The cell of the row being read in `column`.
    private func at(_ column: Int?) -> RawCell? {
        guard let column, column < rowCells.count else { return nil }
        return rowCells[column]
    }

    private func label(_ row: Int, _ column: Int?) -> String? {
        guard let t = at(column)?.text?.trimmingCharactersInSetWhitespace(), !t.isEmpty else { return nil }
        return t
    }

    /// Reads the rows under the header that have cells, in order. Each row's cells are laid out
    /// by column once, so that reading a row costs array look-ups, not hashing.
    mutating func read() {
        rowCells = [RawCell?](repeating: nil, count: sheet.maxColumn + 1)
        columnLetters = (0...sheet.maxColumn).map { CellPosition.columnName($0) }
        let first = layout.dataStartRow
        let area = sheet.maxRow >= first ? (sheet.maxRow - first + 1) * (sheet.maxColumn + 1) : 0
        if area <= 2 * sheet.cells.count {
            // A dense table (the usual case): look the rows' cells up in place, row by row,
            // instead of grouping every cell of the sheet by row first.
            if area > 0 {
                for row in first...sheet.maxRow {
                    present.removeAll(keepingCapacity: true)
                    for column in 0...sheet.maxColumn {
                        if let cell = sheet[row, column] { present.append((column, cell)); rowCells[column] = cell }
                    }
                    guard !present.isEmpty else { continue }
                    readRow(row)
                    for (column, _) in present { rowCells[column] = nil }
                }
            }
        } else {
            var byRow: [Int: [(column: Int, cell: RawCell)]] = [:]
            for (p, c) in sheet.cells where p.row >= first { byRow[p.row, default: []].append((p.column, c)) }
            for row in byRow.keys.sorted() {
                present = byRow[row]!
                for (column, cell) in present { rowCells[column] = cell }
                readRow(row)
                for (column, _) in present { rowCells[column] = nil }
            }
        }
        closeSegment()
    }

    private mutating func readRow(_ row: Int) {
        let ordinal = label(row, layout.ordinalColumn)
        let code = label(row, layout.codeColumn)
        let name = label(row, layout.nameColumn)
        let hasValues = columns.contains { rowCells[$0.column] != nil }
        if code == nil && name == nil && !hasValues { return }
        if row <= layout.dataStartRow + 1, isColumnNumberRow(row) { return }

        for text in [name, ordinal, code].compactMap({ $0 }) where isSubtotal(text) {
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
            guard let cell = rowCells[col.column] else { return false }
            if case .number = cell.value { return true }
            if case .text(let t) = cell.value, case .integer = NumberText.parse(t) { return true }
            return cell.hasFormula
        }
    }

    private func isSubtotal(_ text: String) -> Bool {
        // Every subtotal word starts with c or t ("Cộng", "Tổng", "Toàn"): fold only those.
        guard let first = text.unicodeScalars.first, "cCtT".unicodeScalars.contains(first) else { return false }
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
        guard level == .commune, let name, let first = name.unicodeScalars.first, "hHqQtT".unicodeScalars.contains(first),
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
            issues.append(RuleID.unitUnknown.issue(at(), unit: name ?? code ?? "",
                "Ô \(at().cell): không tìm thấy đơn vị \(written) trong danh mục đơn vị hành chính (\(Messages.level(level))\(scopeName)).\(lost) Hãy kiểm tra tên đơn vị hoặc ghi đúng mã đơn vị."))
            return nil
        case .ambiguous(let units):
            let list = units.prefix(5).map(Messages.unit).joined(separator: ", ")
            issues.append(RuleID.unitAmbiguous.issue(at(), unit: name ?? code ?? "",
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
            issues.append(RuleID.unitCodeUnknown.issue(provenance(row, codeColumn), unit: unit.code,
                "Ô \(CellPosition(row: row, column: codeColumn).a1): mã \"\(code)\" không có trong danh mục \(Messages.level(level)); đã nhận đơn vị theo tên: \(Messages.unit(unit)). Hãy sửa lại mã đơn vị."))
            return
        }
        // The official name as written needs no look-up.
        guard let name, name != unit.name, let nameColumn = layout.nameColumn else { return }
        if case .unit(let other) = registry.resolve(code: nil, name: name, level: level, under: normalizer.rootCode), other.code != unit.code {
            issues.append(RuleID.codeNameMismatch.issue(provenance(row, nameColumn), unit: unit.code,
                "Dòng \(row): mã \"\(code)\" là \(Messages.unit(unit)) nhưng tên \"\(name)\" là \(Messages.unit(other)). Số liệu được nhận theo mã (\(unit.name)); hãy kiểm tra lại mã hoặc tên."))
        }
    }

    private mutating func readValues(row: Int, unit: AdministrativeUnit, written: String) {
        let unitColumn = (layout.nameColumn ?? layout.codeColumn) ?? 1
        var record = NormalizedRecord(unitCode: unit.code, unitName: unit.name, writtenName: written, level: level,
                                      sheet: sheet.name, row: row, groupCode: groupCode, unitCell: provenance(row, unitColumn))
        record.values.reserveCapacity(columns.count)
        record.cells.reserveCapacity(columns.count)
        segment.touch(row: row)
        grand.touch(row: row)
        for (f, column) in columns {
            let field = compiled.definition.fields[f]
            record.cells[field.id] = provenance(row, column)
            guard let cell = rowCells[column] else { continue }
            switch parse(cell, as: field.type) {
            case .value(let v):
                record.values[field.id] = v
                if case .count(let n) = v {
                    segment.add(f, n, row: row)
                    grand.add(f, n, row: row)
                }
            case .missing:
                break
            case .rejected(let rule, let reason):
                let p = provenance(row, column)
                issues.append(rule.issue(p, unit: unit.code, field: field.id,
                    "Ô \(p.cell) (cột \"\(Messages.column(field))\", \(unit.name)): \(reason)"))
            }
        }
        records.append(record)
    }

    /// `ValueParser.parse`, remembering texts of level and yes-no columns: "Có", "Mức độ 2" repeat
    /// on every row and folding them each time would cost more than the rest of the row.
    private mutating func parse(_ cell: RawCell, as type: FieldType) -> ParsedValue {
        guard case .text(let t) = cell.value, type == .level || type == .yesNo else { return ValueParser.parse(cell, as: type) }
        let key = TextKey(text: t, type: type)
        if let known = parsedTexts[key] { return known }
        let parsed = ValueParser.parse(cell, as: type)
        if parsedTexts.count < 10_000 { parsedTexts[key] = parsed }
        return parsed
    }

    /// The counts a subtotal or group row carries, by field index (unreadable cells are left out:
    /// a total is a check, not data).
    private func countValues(_ row: Int) -> [Int: Int64] {
        var out: [Int: Int64] = [:]
        for (f, column) in countColumns {
            if let cell = rowCells[column], case .value(.count(let n)) = ValueParser.parse(cell, as: .count) { out[f] = n }
        }
        return out
    }

    /// Compares a total row with the sums of the rows it covers; a value equal to any of the
    /// candidate sums (the rows since the last total, or all rows so far) is right.
    private mutating func checkTotals(row: Int, label: String, values: [Int: Int64], against candidates: [Sums]) {
        guard let reference = candidates.first, !reference.isEmpty else { return }
        for (f, column) in countColumns {
            guard let written = values[f] else { continue }
            if candidates.contains(where: { ($0.values[f] ?? 0) == written }) { continue }
            let expected = reference.values[f] ?? 0
            let field = compiled.definition.fields[f]
            let rows = reference.firstRow == reference.lastRow ? "dòng \(reference.firstRow!)" : "dòng \(reference.firstRow!)-\(reference.lastRow!)"
            let p = provenance(row, column)
            issues.append(RuleID.subtotalMismatch.issue(p, field: field.id,
                "Ô \(p.cell) (dòng tổng \"\(label)\", cột \"\(Messages.column(field))\"): ghi \(Messages.number(written)) nhưng tổng các dòng đơn vị (\(rows)) là \(Messages.number(expected)), lệch \(Messages.number(written - expected)). Số liệu được tổng hợp từ các dòng đơn vị, không dùng dòng tổng; hãy kiểm tra lại dòng tổng hoặc các dòng chi tiết."))
        }
    }

    /// Ends the rows a total can cover: checks the open group row's values, starts a new segment.
    private mutating func closeSegment() {
        if let g = openGroup {
            checkTotals(row: g.row, label: g.label, values: g.values, against: [segment])
            openGroup = nil
        }
        segment = Sums()
    }
}
