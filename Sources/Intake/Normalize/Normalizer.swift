import Core
import Units
import Config

/// Turns the raw sheets of one workbook into records with provenance (pure: values in, a value
/// out; no file is touched, so every case is tested on sheets built by hand).
///
///     let normalizer = Normalizer(config: config, registry: registry)
///     let submission = normalizer.normalize(file: "phong-dien.xlsx", sheets: rawSheets)
///     submission.records.count      // one per commune row, plus the district's own row
///     submission.issues             // every value or row that could not be taken, with its cell
///
/// For each sheet definition of the config it finds the sheet (by folded name or alias, else by
/// header content), the header (`HeaderDetector`), then reads the rows below it: unit rows
/// become records, group rows (a district over its communes) scope the name look-ups below
/// them, subtotal rows ("Cộng", "Tổng cộng", "Cộng huyện ...") are checked against the rows they
/// sum and never become records.
public struct Normalizer: Sendable {
    public let registry: UnitRegistry
    /// The unit the run covers (the province): names are looked up below it.
    public let rootCode: String?
    let compiled: [CompiledSheet]

    public init(sheets: [SheetDefinition], registry: UnitRegistry, rootCode: String? = nil) {
        self.registry = registry
        self.rootCode = rootCode.flatMap { registry.unit(code: $0) != nil ? $0 : nil }
        self.compiled = sheets.map(CompiledSheet.init)
    }

    /// The sheets of `config` that apply to `registry`'s levels (`PipelineConfig.fitted(to:)`).
    public init(config: PipelineConfig, registry: UnitRegistry) {
        self.init(sheets: config.fitted(to: registry).sheets, registry: registry, rootCode: config.agency.unitCode)
    }

    public func normalize(file: String, sheets: [RawSheet]) -> NormalizedSubmission {
        var submission = NormalizedSubmission(file: file)
        var matches = match(file: file, sheets: sheets, issues: &submission.issues)
        matches.sort { $0.compiled.definition.level < $1.compiled.definition.level }
        let titleUnit = unitFromTitles(matches)

        let topLevel = compiled.map(\.definition.level).min()
        var known: AdministrativeUnit? = nil  // the reporting unit as far as the rows above tell
        var groups: [AdministrativeUnit] = []
        var parentCounts: [String: Int] = [:]
        for m in matches {
            let level = m.compiled.definition.level
            let scopeUnit = [known, titleUnit].compactMap { $0 }.first { $0.level < level }
            var reader = SheetReader(normalizer: self, file: file, sheet: m.sheet, compiled: m.compiled,
                                     layout: m.layout, scope: scopeUnit?.code ?? rootCode)
            reader.read()
            if known == nil, level == topLevel, reader.records.count == 1,
               let u = registry.unit(code: reader.records[0].unitCode) {
                known = u
            }
            submission.records.append(moving: &reader.records)
            submission.issues += reader.issues
            groups += reader.groups
            parentCounts.merge(reader.parentCounts, uniquingKeysWith: +)
            submission.sheets.append(SheetMatch(
                definition: m.compiled.definition.name, sheet: m.sheet.name, method: m.method, layout: m.layout,
                missingFields: m.compiled.definition.fields.indices.filter { m.layout.fieldColumns[$0] == nil }
                    .map { m.compiled.definition.fields[$0].id }))
        }

        submission.reportingUnit = known ?? titleUnit ?? (Set(groups.map(\.code)).count == 1 ? groups.first : nil)
            ?? majorityParent(parentCounts, records: submission.records.count)
        if submission.reportingUnit == nil, !submission.records.isEmpty {
            submission.issues.append(RuleID.reportingUnitUnknown.issue(
                Provenance(file: file),
                "Không xác định được đơn vị gửi tệp (không có dòng cấp huyện, tiêu đề \"Phòng GDĐT huyện ...\" hay dòng nhóm). Các đơn vị được nhận theo tên trong toàn tỉnh; hãy ghi tên đơn vị gửi ở tiêu đề biểu."))
        }
        return submission
    }

    struct Match {
        let compiled: CompiledSheet
        let sheet: RawSheet
        let layout: HeaderLayout
        let method: SheetMatch.Method
    }

    /// Pairs each sheet definition with a sheet: by name first (visible sheets before hidden
    /// ones), then by header content among the sheets left.
    func match(file: String, sheets: [RawSheet], issues: inout [Issue]) -> [Match] {
        var matches: [Match] = []
        var claimed = Set<Int>()
        var unmatched: [CompiledSheet] = []
        let ordered = sheets.enumerated().sorted { ($0.element.isHidden ? 1 : 0, $0.offset) < ($1.element.isHidden ? 1 : 0, $1.offset) }
        var grids: [Int: HeaderDetector.Grid] = [:]
        func grid(_ i: Int) -> HeaderDetector.Grid {
            if let g = grids[i] { return g }
            let g = HeaderDetector.Grid(sheets[i])
            grids[i] = g
            return g
        }

        for c in compiled {
            guard let (i, sheet) = ordered.first(where: { !claimed.contains($0.offset) && c.sheetNames.contains(HeaderKey.make($0.element.name)) }) else {
                unmatched.append(c)
                continue
            }
            claimed.insert(i)
            if let layout = HeaderDetector.detect(grid(i), for: c) {
                matches.append(Match(compiled: c, sheet: sheet, layout: layout, method: .name))
            } else {
                issues.append(RuleID.headerNotFound.issue(
                    Provenance(file: file, sheet: sheet.name),
                    "Trang tính \"\(sheet.name)\": không tìm thấy dòng tiêu đề cột trong \(HeaderDetector.searchRows) dòng đầu (cần cột \"Tên đơn vị\" hoặc \"Mã đơn vị\" và các cột như \"\(c.definition.fields.first.map(Messages.column) ?? "")\"). Không đọc được số liệu của trang này; hãy dùng đúng mẫu biểu."))
            }
        }
        var notFound: [CompiledSheet] = []
        for c in unmatched {
            let threshold = max(1, (c.definition.fields.count + 1) / 2)
            var best: (Int, HeaderLayout)?
            for (i, sheet) in sheets.enumerated() where !claimed.contains(i) && !sheet.isHidden {
                guard let layout = HeaderDetector.detect(grid(i), for: c), layout.fieldColumns.count >= threshold else { continue }
                if layout.score > (best?.1.score ?? 0) { best = (i, layout) }
            }
            if let (i, layout) = best {
                claimed.insert(i)
                matches.append(Match(compiled: c, sheet: sheets[i], layout: layout, method: .content))
            } else {
                notFound.append(c)
            }
        }
        for c in notFound {
            // Nothing readable at all is an error; one sheet of two missing is a warning.
            issues.append(RuleID.sheetNotFound.issue(
                Provenance(file: file), severity: matches.isEmpty ? .error : .warning,
                "Tệp không có trang tính \"\(c.definition.name)\" (không trang nào có tên này hay có các cột của biểu \(Messages.level(c.definition.level))). Số liệu \(Messages.level(c.definition.level)) của tệp này chưa được nhận; hãy gửi lại đúng mẫu biểu."))
        }
        for m in matches {
            for d in m.layout.duplicates {
                let field = m.compiled.definition.fields[d.field]
                let kept = m.layout.fieldColumns[d.field].map(CellPosition.columnName) ?? "?"
                issues.append(RuleID.columnDuplicate.issue(
                    Provenance(file: file, sheet: m.sheet.name, cell: CellPosition(row: m.layout.lastRow, column: d.column).a1),
                    field: field.id,
                    "Trang tính \"\(m.sheet.name)\": cột \(CellPosition.columnName(d.column)) có cùng tiêu đề với cột \(kept) (\"\(Messages.column(field))\"). Chỉ đọc cột \(kept); số liệu cột \(CellPosition.columnName(d.column)) không được tính. Hãy xóa hoặc đổi tên cột thừa."))
            }
            for (i, field) in m.compiled.definition.fields.enumerated() where m.layout.fieldColumns[i] == nil {
                issues.append(RuleID.columnMissing.issue(
                    Provenance(file: file, sheet: m.sheet.name), field: field.id, severity: field.required ? .error : .warning,
                    "Trang tính \"\(m.sheet.name)\": không tìm thấy cột \"\(Messages.column(field))\". Chỉ tiêu \(field.id) sẽ thiếu số liệu của tệp này; hãy dùng đúng tiêu đề cột của mẫu biểu."))
            }
        }
        return matches
    }

    /// The unit named in the title rows above a header: "Đơn vị: Phòng GDĐT huyện Phong Điền",
    /// "UBND QUẬN NINH KIỀU". The first title naming exactly one district wins.
    func unitFromTitles(_ matches: [Match]) -> AdministrativeUnit? {
        let typeWords: [[String]] = [["huyen"], ["quan"], ["thi", "xa"], ["thanh", "pho"], ["tp"], ["tx"]]
        for m in matches {
            for cell in titleCells(m.sheet, above: m.layout.firstRow) {
                guard case .text(let text) = cell.value else { continue }
                let tokens = HeaderKey.make(text).split(separator: " ").map(String.init)
                for start in tokens.indices {
                    for words in typeWords where tokens[start...].starts(with: words) {
                        let nameStart = start + words.count
                        for length in stride(from: min(5, tokens.count - nameStart), through: 1, by: -1) {
                            let name = (words + tokens[nameStart..<nameStart + length]).joined(separator: " ")
                            if case .unit(let u) = registry.resolve(code: nil, name: name, level: .district, under: rootCode) {
                                return u
                            }
                        }
                    }
                }
            }
        }
        return nil
    }

    /// The cells above `row`, in row then column order.
    func titleCells(_ sheet: RawSheet, above row: Int) -> [RawCell] {
        row <= 0 ? [] : sheet.cells(inRows: 0...row - 1).map(\.cell)
    }

    /// The unit above most records (the district most communes belong to), when one holds a majority.
    /// `counts`: records by their unit's parent (`SheetReader.parentCounts`).
    func majorityParent(_ counts: [String: Int], records: Int) -> AdministrativeUnit? {
        guard let (code, n) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), n * 2 > records,
              code != rootCode else { return nil }
        return registry.unit(code: code)
    }
}
