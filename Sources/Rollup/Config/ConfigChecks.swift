/// Checks across sections of pipeline.yml, after each section has been read: things no single
/// key can show wrong. Each finding points at the key it is about (the reader remembers where
/// every path was read).
///
/// - sheet names, field ids and indicator ids are unique;
/// - `partOf` names another count field;
/// - a ratio's numerator and denominator name count fields; a share's condition and `among`
///   name fields, and a yes-no field is compared with yes/no (1/0) only, a level field with
///   0...maxLevel;
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
                switch field.type {
                case .yesNo where !(0...1).contains(condition.value):
                    fail(conditionPath, "\"\(field.id)\" là trường có/không: so sánh với yes hoặc no, không phải \(condition.value).")
                case .level where !(0...Int64(field.maxLevel ?? Int.max)).contains(condition.value):
                    fail(conditionPath, "\"\(field.id)\" có mức từ 0 đến \(field.maxLevel ?? 0); \(condition.value) nằm ngoài khoảng đó.")
                case .text:
                    fail(conditionPath, "\"\(field.id)\" là trường chữ; điều kiện chỉ so sánh trường số, mức hoặc có/không.")
                default: break
                }
            }
        }

        let covered = config.report.years(reportYear: config.year)
        if !covered.contains(config.year) {
            fail("year", "báo cáo \(config.report.rawValue) tổng hợp các năm \(covered.lowerBound)-\(covered.upperBound); năm báo cáo \(config.year) phải nằm trong khoảng đó.")
        }
    }

    private func fail(_ path: String, _ message: String) {
        reader.fail(at: reader.mark(of: path), path, message)
    }

    private func suggestion(_ id: String, _ fields: [String: FieldDefinition]) -> String {
        YAMLReader.closest(id, in: fields.keys.sorted()).map { "; có phải ý bạn là \"\($0)\"?" } ?? "; kiểm tra các mã ở phần sheets."
    }
}
