import Core
import Units

/// Checks across sections of pipeline.yml, after each section has been read: things no single
/// key can show wrong. Each finding points at the key it is about (the reader remembers where
/// every path was read).
///
/// - sheet names, field ids and indicator ids are unique;
/// - `partOf` names another count field; `onlyWithout` is not the field's own sheet's level;
/// - a ratio's numerator and denominator name count fields; a share's condition and `among`
///   name fields, and the comparison fits the field's type (`typeMismatch`): a count or level
///   with a number (a level within 0...maxLevel), a yes-no field with `== yes` / `!= no`...;
/// - the report year lies in the years its kind covers (a review 2023-2025 is written in
///   2023...2025).
struct ConfigChecks {
    let reader: YAMLReader

    func check(_ config: PipelineConfig) {
        var sheetNames: [String: Int] = [:]
        var fields: [String: FieldDefinition] = [:]
        for (s, sheet) in config.sheets.enumerated() {
            let key = Folding.fold(sheet.name)
            if let first = sheetNames[key] {
                fail("sheets[\(s)].name", "biểu \"\(sheet.name)\" đã được khai báo ở sheets[\(first)].")
            } else {
                sheetNames[key] = s
            }
            for (f, field) in sheet.fields.enumerated() {
                if field.onlyWithout == sheet.level {
                    fail("sheets[\(s)].fields[\(f)].onlyWithout",
                         "trường \"\(field.id)\" nằm trong biểu cấp \(sheet.level.rawValue), nên không thể chỉ dùng khi danh mục không có cấp \(sheet.level.rawValue); bỏ onlyWithout hoặc ghi một cấp khác (ví dụ district).")
                }
                if fields[field.id] != nil {
                    fail("sheets[\(s)].fields[\(f)].id", "mã trường \"\(field.id)\" đã dùng cho một cột khác; mỗi mã trường chỉ dùng một lần.")
                } else {
                    fields[field.id] = field
                }
            }
        }
        for (s, sheet) in config.sheets.enumerated() {
            for (f, field) in sheet.fields.enumerated() {
                guard let whole = field.partOf else { continue }
                let path = "sheets[\(s)].fields[\(f)].partOf"
                if whole == field.id {
                    fail(path, "một trường không thể là một phần của chính nó.")
                } else if let target = fields[whole] {
                    if target.type != .count { fail(path, "\"\(whole)\" là trường kiểu \(target.type.rawValue); partOf phải chỉ tới một trường kiểu count (tổng số).") }
                } else {
                    fail(path, "không có trường nào mã \"\(whole)\"\(suggestion(whole, fields))")
                }
            }
        }

        var indicatorIDs: [String: Int] = [:]
        for (i, indicator) in config.indicators.enumerated() {
            let path = "indicators[\(i)]"
            if let first = indicatorIDs[indicator.id] {
                fail("\(path).id", "mã chỉ tiêu \"\(indicator.id)\" đã dùng ở indicators[\(first)].")
            } else {
                indicatorIDs[indicator.id] = i
            }
            for (list, name) in [(indicator.numerator, "numerator"), (indicator.denominator, "denominator")] {
                for (k, id) in list.enumerated() {
                    let itemPath = reader.mark(of: "\(path).\(name)[\(k)]") != nil ? "\(path).\(name)[\(k)]" : "\(path).\(name)"
                    guard let field = fields[id] else {
                        fail(itemPath, "không có trường nào mã \"\(id)\"\(suggestion(id, fields))")
                        continue
                    }
                    if field.type != .count { fail(itemPath, "\"\(id)\" là trường kiểu \(field.type.rawValue); tử số và mẫu số của tỷ lệ phải là trường kiểu count.") }
                }
            }
            for (condition, name) in [(indicator.condition, "condition"), (indicator.among, "among")] {
                guard let condition else { continue }
                let conditionPath = "\(path).\(name)"
                guard let field = fields[condition.field] else {
                    fail(conditionPath, "điều kiện dùng trường \"\(condition.field)\" nhưng không có trường nào mã này\(suggestion(condition.field, fields))")
                    continue
                }
                if let problem = Self.typeMismatch(condition, field) { fail(conditionPath, problem) }
            }
        }

        let covered = config.report.years(reportYear: config.year)
        if !covered.contains(config.year) {
            fail("year", "báo cáo \(config.report.rawValue) tổng hợp các năm \(covered.lowerBound)-\(covered.upperBound); năm báo cáo \(config.year) phải nằm trong khoảng đó.")
        }
    }

    /// What is wrong with comparing `field` as `condition` does, with what to write instead; nil
    /// when the comparison fits the field's type:
    ///
    /// - a count or a level compares with a number (a level within 0...maxLevel), never yes/no;
    /// - a yes-no field compares with yes/no, by `==` or `!=` only (1 >= yes means nothing);
    /// - a text field is never compared.
    ///
    ///     typeMismatch(tthtcd_cntt >= 1, yes-no field)
    ///     // "\"tthtcd_cntt\" là trường có/không (yes-no): ... viết \"tthtcd_cntt == yes\" thay cho \"tthtcd_cntt >= 1\"."
    static func typeMismatch(_ condition: Condition, _ field: FieldDefinition) -> String? {
        let id = field.id, written = "\(id) \(condition.op.rawValue) \(condition.literal == .yesNo ? (condition.value == 1 ? "yes" : "no") : String(condition.value))"
        // The same units in the field's own terms: which of 1 (yes) and 0 (no) the condition keeps.
        let keeps = (yes: condition.evaluate(.count(1)) == true, no: condition.evaluate(.count(0)) == true)
        switch field.type {
        case .count, .level:
            let kind = field.type == .count ? "trường số đếm (count)" : "trường mức (level, từ 0 đến \(field.maxLevel ?? 0))"
            if condition.literal == .yesNo {
                let instead = keeps == (true, false) ? "\"\(id) >= 1\"" : keeps == (false, true) ? "\"\(id) == 0\"" : "ví dụ \"\(id) >= 1\""
                return "\"\(id)\" là \(kind): so sánh với một số, không với yes/no; viết \(instead) thay cho \"\(written)\"."
            }
            if field.type == .level, let max = field.maxLevel, !(0...Int64(max)).contains(condition.value) {
                return "\"\(id)\" có mức từ 0 đến \(max); \(condition.value) nằm ngoài khoảng đó. Viết ví dụ \"\(id) >= 1\"."
            }
            return nil
        case .yesNo:
            guard condition.literal == .number || ![.eq, .ne].contains(condition.op) else { return nil }
            let instead = keeps == (true, false) ? "viết \"\(id) == yes\"" : keeps == (false, true) ? "viết \"\(id) == no\""
                : "viết \"\(id) == yes\" hoặc \"\(id) == no\""
            return "\"\(id)\" là trường có/không (yes-no): chỉ so sánh bằng == hoặc != với yes hoặc no; \(instead) thay cho \"\(written)\"."
        case .text:
            return "\"\(id)\" là trường chữ (text); điều kiện chỉ so sánh trường số đếm, mức hoặc có/không."
        }
    }

    private func fail(_ path: String, _ message: String) {
        reader.fail(at: reader.mark(of: path), path, message)
    }

    private func suggestion(_ id: String, _ fields: [String: FieldDefinition]) -> String {
        NearestWord.closest(id, in: fields.keys.sorted()).map { "; có phải ý bạn là \"\($0)\"?" } ?? "; kiểm tra các mã ở phần sheets."
    }
}
