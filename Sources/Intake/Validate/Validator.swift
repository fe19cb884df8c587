import Config
import Core
import Foundation
import Units

/// Checks the normalized submissions of a run against the rules of docs/validation-rules.md
/// (pure: values in, facts and issues out). It takes every submission of the run at once,
/// because some rules span files: a unit reported in two workbooks, a registry unit nobody
/// reported.
///
///     let result = Validator(config: config, registry: registry)
///         .validate(submissions, received: ["phong-dien.xlsx": receivedDate])
///     result.records   // the accepted rows: what the store keeps and aggregation sums
///     result.facts     // the same, one `Fact` per value
///     result.issues    // errors keep a value out; warnings and infos keep it
///
/// Nothing is dropped silently: a rejected value is named, with its reason and value, in its issue.
public struct Validator: Sendable {
    public let config: PipelineConfig
    public let registry: UnitRegistry
    /// What a blank costs, field by field: the indicators that leave the unit out.
    let uses: IndicatorUses

    /// `config` as it applies to `registry`'s levels (`PipelineConfig.fitted(to:)`).
    public init(config: PipelineConfig, registry: UnitRegistry) {
        let config = config.fitted(to: registry)
        self.config = config
        self.registry = registry
        self.uses = IndicatorUses(indicators: config.indicators, fieldLevels: config.fieldLevels)
    }

    /// `submissions` in a stable order (file name order): when a unit is reported twice, the row
    /// kept is the first in this order that is not under a wrong district. `received` maps a file name to the moment the
    /// workbook arrived; a file not in it is not checked against the deadline.
    public func validate(_ submissions: [NormalizedSubmission], received: [String: Date] = [:]) -> ValidationResult {
        var result = ValidationResult()
        for s in submissions { result.issues += s.issues }
        let fields = config.fieldsByID
        // A unit reported twice keeps one row: the first in order among the rows in their right
        // place (not under a wrong district), so that a row copied into another district's
        // workbook never wins over the unit's own district.
        // The rows out of place (few), by submission then row: their issues.
        let misplaced: [[Int: Issue]] = submissions.map { s in
            var out: [Int: Issue] = [:]
            for j in s.records.indices { if let issue = wrongDistrict(s.records[j], in: s) { out[j] = issue } }
            return out
        }
        // One pass, one hash per unit seen once (`updateValue`; the `default:` subscript allocated
        // its autoclosure's context on every row): a row in its right place replaces a misplaced first.
        func isMisplaced(_ row: (submission: Int, row: Int)) -> Bool {
            !misplaced[row.submission].isEmpty && misplaced[row.submission][row.row] != nil
        }
        var kept: [String: (submission: Int, row: Int)] = [:]
        kept.reserveCapacity(submissions.reduce(0) { $0 + $1.records.count })
        for (i, s) in submissions.enumerated() {
            for j in s.records.indices {
                guard let first = kept.updateValue((i, j), forKey: s.records[j].unitCode) else { continue }
                if isMisplaced((i, j)) || !isMisplaced(first) { kept[s.records[j].unitCode] = first }
            }
        }
        // The kept rows marked in place, so that the pass below hashes only the duplicates.
        var isKept = submissions.map { [Bool](repeating: false, count: $0.records.count) }
        for first in kept.values { isKept[first.submission][first.row] = true }

        result.year = config.year
        result.records.reserveCapacity(submissions.reduce(0) { $0 + $1.records.count })
        var rules = SlotRules(uses: uses)
        for (i, s) in submissions.enumerated() {
            if let date = received[s.file], let issue = lateSubmission(file: s.file, received: date) { result.issues.append(issue) }
            // Cells normalize already reported: a value rejected there is not also "missing".
            let reported = Set(s.issues.map { CellKey(sheet: $0.provenance.sheet, cell: $0.provenance.cell) })
            // By index: a record is copied once, into the result, and only when it is kept.
            for j in s.records.indices {
                if !misplaced[i].isEmpty, let issue = misplaced[i][j] { result.issues.append(issue) }
                guard isKept[i][j] else {
                    let first = kept[s.records[j].unitCode]!
                    let winner = submissions[first.submission]
                    result.issues.append(duplicate(s.records[j], of: winner.records[first.row], firstFile: winner.file, file: s.file))
                    continue
                }
                let slotRules = rules.of(s.records[j].columns, fields: fields)
                if Validator.passes(s.records[j], rules: slotRules) {
                    result.records.append(s.records[j])
                    continue
                }
                let (accepted, issues) = check(s.records[j], rules: slotRules, blankUses: rules.blankUses, reported: reported)
                result.issues += issues
                result.records.append(consume accepted)
            }
        }
        result.issues += missingUnits(submissions) { kept[$0] != nil }
        return result
    }

    struct CellKey: Hashable { var sheet: String; var cell: String }

    /// What the value rules need to know of each slot of a sheet's records: the field, the
    /// slot of the whole it is a part of, the indicators a blank would cost. Computed once per
    /// sheet (records of one sheet share their `RecordColumns`, so the comparison with the last
    /// one is a pointer check).
    struct SlotRules {
        struct Slot {
            var field: FieldDefinition?
            /// The slot of `field.partOf`, nil when the sheet has no column for it.
            var whole: Int?
            /// The field's rules as plain values, for the pass every record takes.
            var required: Bool
            /// A blank here is reported: the field is required, or some indicator reads it.
            var blankMatters: Bool
            var maxLevel: Int
        }
        /// An indicator that leaves the unit out when a slot is blank, with the slot of its
        /// precondition's field (nil when the sheet has no column for it: unknown).
        typealias BlankUse = (use: IndicatorUses.Use, preconditionSlot: Int?)

        let uses: IndicatorUses
        // Three plain properties rather than one optional tuple: binding the tuple to compare its
        // columns copied (retained) every array in it, on every record.
        private var lastColumns: RecordColumns?
        private var lastSlots: [Slot] = []
        /// The indicators a blank in each slot costs, for the records `of` was last asked about.
        /// Kept apart from `Slot` so that the pass every record takes reads plain values only.
        private(set) var blankUses: [[BlankUse]] = []

        init(uses: IndicatorUses) { self.uses = uses }

        mutating func of(_ columns: RecordColumns, fields: [String: FieldDefinition]) -> [Slot] {
            if lastColumns == columns { return lastSlots }
            let blankUses = columns.fields.map { id in
                uses[id].map { ($0, $0.precondition.flatMap { columns.slot(of: $0.field) }) }
            }
            let slots = columns.fields.indices.map { i in
                let field = fields[columns.fields[i]]
                let required = field?.required ?? false
                return Slot(field: field, whole: field?.partOf.flatMap(columns.slot(of:)), required: required,
                            blankMatters: required || !blankUses[i].isEmpty, maxLevel: field?.maxLevel ?? Int.max)
            }
            lastColumns = columns
            lastSlots = slots
            self.blankUses = blankUses
            return slots
        }
    }

    /// The value rules of one record: negative counts, levels out of range, a part above its
    /// whole, a required value missing, a blank that leaves the unit out of an indicator.
    /// Returns the record without its rejected values. Slots are in field id order, so issues
    /// come out in that order.
    /// (Nearly every record breaks no rule: `validate` finds that out first with `passes`, without
    /// the messages the rules below need when one does fire.)
    func check(_ record: NormalizedRecord, rules: [SlotRules.Slot], blankUses: [[SlotRules.BlankUse]],
               reported: Set<CellKey>) -> (NormalizedRecord, [Issue]) {
        var kept = record
        var issues: [Issue] = []
        func reject(_ rule: RuleID, _ slot: Int, value: String, _ message: String) {
            kept.slots[slot] = nil
            issues.append(rule.issue(record.cell(at: slot), unit: record.unitCode, field: record.columns.fields[slot], value: value, message))
        }
        func cell(_ slot: Int) -> String { record.cell(at: slot).cell }

        for slot in record.slots.indices {
            guard let field = rules[slot].field, let value = record.slots[slot] else { continue }
            switch value {
            case .count(let n) where n < 0:
                reject(.negativeCount, slot, value: Messages.number(n), "Ô \(cell(slot)) (cột \"\(Messages.column(field))\", \(record.unitName)): số âm \(Messages.number(n)); số đếm không thể nhỏ hơn 0. Giá trị không được tính; hãy sửa lại.")
            case .level(let n) where n < 0 || n > (field.maxLevel ?? Int.max):
                let range = field.maxLevel.map { "từ 0 đến \($0)" } ?? "từ 0 trở lên"
                reject(.levelOutOfRange, slot, value: String(n), "Ô \(cell(slot)) (cột \"\(Messages.column(field))\", \(record.unitName)): mức độ \(n) nằm ngoài khoảng cho phép (\(range)). Giá trị không được tính; hãy sửa lại.")
            default:
                break
            }
        }
        // Parts after the wholes' own checks: a rejected whole cannot reject its part.
        for slot in record.slots.indices {
            guard let field = rules[slot].field, let whole = rules[slot].whole, case .count(let part)? = kept.slots[slot],
                  case .count(let total)? = kept.slots[whole], part > total else { continue }
            let wholeName = rules[whole].field.map(Messages.column) ?? record.columns.fields[whole]
            reject(.numeratorAboveDenominator, slot, value: Messages.number(part), "Ô \(cell(slot)) (cột \"\(Messages.column(field))\", \(record.unitName)): ghi \(Messages.number(part)), lớn hơn \"\(wholeName)\" ở ô \(cell(whole)) là \(Messages.number(total)). Số đạt không thể lớn hơn tổng số; giá trị \(Messages.number(part)) không được tính. Hãy kiểm tra lại hai ô.")
        }
        // Blanks: `record`'s own slots, so that a value rejected above is not also "blank"; a
        // cell normalize rejected is its issue already.
        for slot in record.slots.indices where record.slots[slot] == nil && rules[slot].blankMatters {
            guard let field = rules[slot].field else { continue }
            let p = record.cell(at: slot)
            guard !reported.contains(CellKey(sheet: p.sheet, cell: p.cell)) else { continue }
            // A precondition known to be false (no learning centre) makes the blank harmless.
            let lost = blankUses[slot].filter { use, at in
                guard let precondition = use.precondition else { return true }
                return precondition.evaluate(at.flatMap { kept.slots[$0] }) != false
            }.map(\.use)
            let cost = lost.isEmpty ? "" : " " + Validator.leftOut(record, lost)
            if field.required {
                issues.append(RuleID.requiredMissing.issue(p, unit: record.unitCode, field: field.id,
                    "Ô \(p.cell) (cột \"\(Messages.column(field))\", \(record.unitName)): bỏ trống hoặc ghi \"-\", nhưng đây là chỉ tiêu bắt buộc. Thiếu số liệu (không tính là 0).\(cost) \(Validator.whatToWrite(field.type))"))
            } else if !lost.isEmpty {
                issues.append(RuleID.valueMissing.issue(p, unit: record.unitCode, field: field.id,
                    "Ô \(p.cell) (cột \"\(Messages.column(field))\", \(record.unitName)): \(Validator.blankWords(field.type)), nên được coi là chưa có số liệu (không tính là 0).\(cost) \(Validator.whatToWrite(field.type))"))
            }
        }
        return (kept, issues)
    }

    /// "Số liệu dòng 14 của Xã Thạnh Lộc không được tính vào 2 chỉ tiêu: \"...\"; \"...\"."
    static func leftOut(_ record: NormalizedRecord, _ lost: [IndicatorUses.Use]) -> String {
        let names = lost.map { "\"\($0.name)\"" }.joined(separator: "; ")
        let which = lost.count == 1 ? "chỉ tiêu \(names)" : "\(lost.count) chỉ tiêu: \(names)"
        return "Số liệu dòng \(record.row) của \(record.unitName) không được tính vào \(which) (cả tử số và mẫu số)."
    }

    /// How a blank of this type may have been written: "x" means missing in counts and levels
    /// only (in a yes-no column it is "Có").
    static func blankWords(_ type: FieldType) -> String {
        switch type {
        case .count, .level: "bỏ trống (hoặc ghi \"-\", \"x\")"
        case .yesNo, .text: "bỏ trống (hoặc ghi \"-\")"
        }
    }

    /// What to write instead of the blank, by type.
    static func whatToWrite(_ type: FieldType) -> String {
        switch type {
        case .count: "Hãy nhập số liệu (ghi 0 nếu thật sự bằng 0) rồi gửi lại."
        case .level: "Hãy ghi mức độ (0 nếu chưa được công nhận) rồi gửi lại."
        case .yesNo: "Hãy ghi \"Có\" hoặc \"Không\" rồi gửi lại."
        case .text: "Hãy nhập số liệu rồi gửi lại."
        }
    }

    /// True when no value rule of `check` can fire on `record` (a conservative test: false sends
    /// the record through the full checks).
    static func passes(_ record: NormalizedRecord, rules: [SlotRules.Slot]) -> Bool {
        for slot in record.slots.indices {
            switch record.slots[slot] {
            case nil:
                if rules[slot].blankMatters { return false }
            case .count(let n)?:
                if n < 0 { return false }
                if let whole = rules[slot].whole, case .count(let total)? = record.slots[whole], n > total { return false }
            case .level(let n)?:
                if n < 0 || n > rules[slot].maxLevel { return false }
            case .yesNo?, .text?:
                break
            }
        }
        return true
    }

    func duplicate(_ record: NormalizedRecord, of first: NormalizedRecord, firstFile: String, file: String) -> Issue {
        let place = firstFile == file ? "dòng \(first.row) trang \"\(first.sheet)\"" : "dòng \(first.row) trang \"\(first.sheet)\" của tệp \(firstFile)"
        let which = firstFile == file && first.row < record.row ? "Chỉ tính dòng đầu" : "Chỉ tính dòng ở \(place)"
        let differences = Set(record.values.keys).union(first.values.keys).sorted().compactMap { id -> String? in
            let a = first.values[id], b = record.values[id]
            guard a != b else { return nil }
            return "\(id): \(a.map(Messages.value) ?? "trống") / \(b.map(Messages.value) ?? "trống")"
        }
        let values = record.values.keys.sorted().map { "\($0) = \(Messages.value(record.values[$0]!))" }.joined(separator: ", ")
        let comparison = differences.isEmpty ? "Số liệu hai dòng giống nhau." : "Số liệu khác nhau (\(differences.joined(separator: "; ")))."
        return RuleID.duplicateUnit.issue(record.unitCell, unit: record.unitCode,
            "Ô \(record.unitCell.cell): \(record.unitName) (\(record.unitCode)) cũng có ở \(place). \(which); dòng \(record.row) không được tính\(values.isEmpty ? "" : " (\(values))"). \(comparison) Hãy xóa dòng thừa.")
    }

    /// A unit row whose registry parent is not the group row above it, or not the unit that sent
    /// the workbook.
    func wrongDistrict(_ record: NormalizedRecord, in s: NormalizedSubmission) -> Issue? {
        let expected: AdministrativeUnit?
        if let g = record.groupCode { expected = registry.unit(code: g) } else { expected = s.reportingUnit }
        // The usual case, the unit right under the expected one, needs no walk up the registry.
        guard let expected, expected.level < record.level, record.parentCode != expected.code,
              !registry.isUnit(record.unitCode, under: expected.code) else { return nil }
        let actual = registry.unit(code: record.unitCode)?.parentCode.flatMap { registry.unit(code: $0) }
        return RuleID.wrongDistrict.issue(record.unitCell, unit: record.unitCode,
            "Ô \(record.unitCell.cell): \(record.unitName) (\(record.unitCode)) thuộc \(actual?.name ?? "đơn vị khác"), không thuộc \(expected.name). Số liệu vẫn được tính cho \(record.unitName); hãy kiểm tra xem dòng này có bị chép nhầm từ biểu khác không.")
    }

    /// Units of the registry below the run's root that no row reported: a whole district that
    /// sent nothing is one warning; within a district that did report, each missing unit is one.
    func missingUnits(_ submissions: [NormalizedSubmission], reported: (String) -> Bool) -> [Issue] {
        guard registry.unit(code: config.agency.unitCode) != nil else { return [] }
        let levels = Set(config.sheets.map(\.level))
        var issues: [Issue] = []
        // The unit under the root that each record belongs to, found by walking up its parents once.
        let root = config.agency.unitCode
        var senders: [String: Int] = [:]
        for (i, s) in submissions.enumerated() {
            if let u = s.reportingUnit, u.parentCode == root, senders[u.code] == nil { senders[u.code] = i }
        }
        func top(of unitCode: String) -> String? {
            var code: String? = unitCode
            while let c = code, let u = registry.unit(code: c), u.parentCode != root { code = u.parentCode }
            return code.flatMap { registry.unit(code: $0) != nil ? $0 : nil }
        }
        for (i, s) in submissions.enumerated() {
            // Rows come in runs under one parent (a district's communes): a run's top is walked
            // up to once, and noted once.
            var run: (parent: String, top: String?)? = nil
            var lastNoted: String? = nil
            for j in s.records.indices {
                let parent = s.records[j].parentCode
                let unitTop: String?
                if let parent, parent != root, let run, run.parent == parent {
                    unitTop = run.top
                } else {
                    unitTop = top(of: s.records[j].unitCode)
                    run = parent.flatMap { $0 != root ? ($0, unitTop) : nil }
                }
                guard let unitTop, unitTop != lastNoted else { continue }
                if senders[unitTop] == nil { senders[unitTop] = i }
                lastNoted = unitTop
            }
        }
        for top in registry.children(of: root) {
            guard let sender = senders[top.code].map({ submissions[$0] }) else {
                issues.append(RuleID.districtNotReceived.issue(Provenance(file: ""), unit: top.code,
                    "\(top.name) (\(top.code)) chưa gửi báo cáo (không tệp nào có số liệu của đơn vị này). Các chỉ tiêu của tỉnh sẽ thiếu số liệu của \(top.name); hãy liên hệ đơn vị để nhận báo cáo."))
                continue
            }
            let expected = ([top] + registry.descendants(of: top.code)).filter { levels.contains($0.level) }
            for unit in expected where !reported(unit.code) {
                let definition = config.sheets.first { $0.level == unit.level }
                let sheet = sender.sheets.first { $0.definition == definition?.name }?.sheet ?? definition?.name ?? ""
                issues.append(RuleID.unitMissing.issue(Provenance(file: sender.file, sheet: sheet), unit: unit.code,
                    "\(unit.name) (\(unit.code)) có trong danh mục nhưng không có dòng nào trong biểu \"\(sheet)\" của \(top.name). Hãy bổ sung dòng của đơn vị này."))
            }
        }
        return issues
    }

    /// A workbook that arrived after the deadline's day, in Vietnam's time (UTC+7).
    func lateSubmission(file: String, received: Date) -> Issue? {
        guard let deadline = config.deadline, let day = Validator.day(deadline) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: received)
        guard let y = c.year, let m = c.month, let d = c.day, (y, m, d) > day else { return nil }
        func show(_ t: (Int, Int, Int)) -> String { String(format: "%02d/%02d/%04d", t.2, t.1, t.0) }
        return RuleID.lateSubmission.issue(Provenance(file: file),
            "Tệp \(file) nhận ngày \(show((y, m, d))), sau hạn nộp \(show(day)). Số liệu vẫn được tính; ghi nhận nộp muộn.")
    }

    /// "2024-11-30" -> (2024, 11, 30).
    static func day(_ iso: String) -> (Int, Int, Int)? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }
}
