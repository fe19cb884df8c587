import Core
import Yams

/// The form (sheets and their fields) and the indicator catalogue.
extension ConfigDecoding {
    func sheet(_ node: Node, path: String) -> SheetDefinition? {
        guard let keys = reader.mapping(node, path: path, allowed: ["name", "aliases", "level", "codeAliases", "nameAliases", "ordinalAliases", "fields"],
                                        required: ["name", "level", "fields"]) else { return nil }
        let name = keys["name"].flatMap { reader.string($0, path: "\(path).name") }
        let aliases = keys["aliases"].map { reader.strings($0, path: "\(path).aliases") } ?? []
        let level = keys["level"].flatMap { reader.choice($0, path: "\(path).level", as: UnitLevel.self) }
        let codeAliases = keys["codeAliases"].map { reader.strings($0, path: "\(path).codeAliases") } ?? []
        let nameAliases = keys["nameAliases"].map { reader.strings($0, path: "\(path).nameAliases") } ?? []
        let ordinalAliases = keys["ordinalAliases"].map { reader.strings($0, path: "\(path).ordinalAliases") }
            ?? SheetDefinition(name: "", level: .commune, fields: []).ordinalAliases
        let fields = keys["fields"].flatMap { node in
            reader.sequence(node, path: "\(path).fields", expected: "danh sách các cột (fields)")?.enumerated()
                .map { self.field($1, path: "\(path).fields[\($0)]") }
        }
        if let level, level == .nation, let node = keys["level"] {
            reader.fail(node, "\(path).level", "một biểu không thể có các dòng cấp toàn quốc; cần province, district hoặc commune.")
            return nil
        }
        guard let name, let aliases, let level, let codeAliases, let nameAliases, let ordinalAliases, let fields else { return nil }
        let kept = fields.compactMap { $0 }
        guard kept.count == fields.count else { return nil }
        return SheetDefinition(name: name, aliases: aliases, level: level, codeAliases: codeAliases, nameAliases: nameAliases,
                               ordinalAliases: ordinalAliases, fields: kept)
    }

    func field(_ node: Node, path: String) -> FieldDefinition? {
        guard let keys = reader.mapping(node, path: path, allowed: ["id", "type", "aliases", "required", "maxLevel", "partOf", "onlyWithout"],
                                        required: ["id", "type", "aliases"]) else { return nil }
        let id = keys["id"].flatMap { identifier($0, path: "\(path).id") }
        let type = keys["type"].flatMap { reader.choice($0, path: "\(path).type", as: FieldType.self) }
        let aliases = keys["aliases"].flatMap { reader.strings($0, path: "\(path).aliases") }
        let required = keys["required"].map { reader.bool($0, path: "\(path).required") } ?? false
        let maxLevel = keys["maxLevel"].map { reader.integer($0, path: "\(path).maxLevel", in: 1...10, meaning: "mức cao nhất") }
        let partOf = keys["partOf"].map { identifier($0, path: "\(path).partOf") }
        let onlyWithout = keys["onlyWithout"].map { reader.choice($0, path: "\(path).onlyWithout", as: UnitLevel.self) }
        if let aliases, aliases.isEmpty, let node = keys["aliases"] {
            reader.fail(node, "\(path).aliases", "cần ít nhất một tiêu đề cột (ví dụ \"Gia đình học tập > Số hộ đạt\").")
        }
        if let type {
            if type == .level, maxLevel == nil {
                reader.fail(node, "\(path).maxLevel", "trường kiểu level cần maxLevel (mức cao nhất, ví dụ 2 hoặc 3).")
            }
            if type != .level, let node = keys["maxLevel"] {
                reader.fail(node, "\(path).maxLevel", "maxLevel chỉ dùng cho trường kiểu level, còn trường này kiểu \(type.rawValue).")
            }
            if type != .count, let node = keys["partOf"] {
                reader.fail(node, "\(path).partOf", "partOf chỉ dùng cho trường kiểu count (một phần của một tổng số), còn trường này kiểu \(type.rawValue).")
            }
        }
        guard let id, let type, let aliases, !aliases.isEmpty, let required else { return nil }
        if case .some(.none) = maxLevel { return nil }
        if case .some(.none) = partOf { return nil }
        if case .some(.none) = onlyWithout { return nil }
        return FieldDefinition(id: id, type: type, aliases: aliases, required: required, maxLevel: maxLevel ?? nil, partOf: partOf ?? nil,
                               onlyWithout: onlyWithout ?? nil)
    }

    /// A canonical id: lower-case ASCII letters, digits and "_", starting with a letter.
    func identifier(_ node: Node, path: String) -> String? {
        guard let text = reader.string(node, path: path) else { return nil }
        guard let first = text.first, first.isASCII, first.isLowercase,
              text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            reader.fail(node, path, "\"\(text)\" không phải mã hợp lệ; mã gồm chữ thường không dấu, số và dấu _, bắt đầu bằng chữ (ví dụ gia_dinh_dat).")
            return nil
        }
        return text
    }

    func indicator(_ node: Node, path: String) -> IndicatorDefinition? {
        guard let keys = reader.mapping(node, path: path,
                                        allowed: ["id", "name", "kind", "level", "numerator", "denominator", "condition", "among", "targets"],
                                        required: ["id", "name", "kind", "level"]) else { return nil }
        let id = keys["id"].flatMap { identifier($0, path: "\(path).id") }
        let name = keys["name"].flatMap { reader.string($0, path: "\(path).name") }
        let kind = keys["kind"].flatMap { reader.choice($0, path: "\(path).kind", as: IndicatorDefinition.Kind.self) }
        let level = keys["level"].flatMap { reader.choice($0, path: "\(path).level", as: UnitLevel.self) }
        let numerator = keys["numerator"].map { fieldList($0, path: "\(path).numerator") } ?? []
        let denominator = keys["denominator"].map { fieldList($0, path: "\(path).denominator") } ?? []
        let condition = keys["condition"].map { self.condition($0, path: "\(path).condition") }
        let among = keys["among"].map { self.condition($0, path: "\(path).among") }
        let targets = keys["targets"].map { self.targets($0, path: "\(path).targets") } ?? [:]

        switch kind {
        case .ratio?:
            for key in ["numerator", "denominator"] where keys[key] == nil {
                reader.fail(node, "\(path).\(key)", "chỉ tiêu kiểu ratio cần \(key) (mã trường, hoặc danh sách mã trường được cộng lại).")
            }
            for key in ["condition", "among"] {
                if let extra = keys[key] { reader.fail(extra, "\(path).\(key)", "\(key) chỉ dùng cho chỉ tiêu kiểu share; chỉ tiêu ratio dùng numerator/denominator.") }
            }
        case .share?:
            if keys["condition"] == nil {
                reader.fail(node, "\(path).condition", "chỉ tiêu kiểu share cần condition (ví dụ \"cdht_xa_muc >= 1\").")
            }
            for key in ["numerator", "denominator"] {
                if let extra = keys[key] { reader.fail(extra, "\(path).\(key)", "\(key) chỉ dùng cho chỉ tiêu kiểu ratio; chỉ tiêu share dùng condition.") }
            }
        case nil: break
        }
        guard let id, let name, let kind, let level, let numerator, let denominator, let targets else { return nil }
        if case .some(.none) = condition { return nil }
        if case .some(.none) = among { return nil }
        if kind == .share && condition == nil { return nil }
        if kind == .ratio && (keys["numerator"] == nil || keys["denominator"] == nil) { return nil }
        return IndicatorDefinition(id: id, name: name, kind: kind, numerator: numerator, denominator: denominator,
                                   condition: condition ?? nil, among: among ?? nil, level: level, targets: targets)
    }

    /// One field id or a list of them (`numerator: [dvht_xa_dat, dvht_huyen_dat]`).
    private func fieldList(_ node: Node, path: String) -> [String]? {
        if case .scalar = node { return identifier(node, path: path).map { [$0] } }
        guard let items = reader.sequence(node, path: path, expected: "một mã trường hoặc danh sách mã trường") else { return nil }
        let ids = items.enumerated().map { identifier($1, path: "\(path)[\($0)]") }
        guard !ids.isEmpty else {
            reader.fail(node, path, "danh sách trống; cần ít nhất một mã trường.")
            return nil
        }
        let kept = ids.compactMap { $0 }
        return kept.count == ids.count ? kept : nil
    }

    private func condition(_ node: Node, path: String) -> Condition? {
        guard let text = reader.string(node, path: path) else { return nil }
        switch Condition.parse(text) {
        case .success(let condition): return condition
        case .failure(let error):
            reader.fail(node, path, error.description)
            return nil
        }
    }

    /// `targets: {2024: "55,55", 2025: 60}`: percentages by year, kept exact.
    private func targets(_ node: Node, path: String) -> [Int: Fraction]? {
        if reader.isNull(node) { return [:] }
        guard let pairs = reader.pairs(node, path: path, expected: "bảng năm: chỉ tiêu phần trăm (ví dụ {2024: \"55,55\", 2025: 60})") else { return nil }
        var out: [Int: Fraction] = [:]
        var ok = true
        for (keyNode, valueNode) in pairs {
            guard let year = reader.integer(keyNode, path: path, in: PipelineConfigLoader.years, meaning: "năm của chỉ tiêu") else { ok = false; continue }
            let valuePath = "\(path).\(year)"
            guard let text = reader.string(valueNode, path: valuePath) else { ok = false; continue }
            guard let value = Fraction(percent: text), value >= Fraction(0, 1), value <= Fraction(1, 1) else {
                reader.fail(valueNode, valuePath, "\"\(text)\" không phải tỷ lệ phần trăm từ 0 đến 100; viết ví dụ 80 hoặc \"55,55\" (có ngoặc kép khi dùng dấu phẩy).")
                ok = false
                continue
            }
            out[year] = value
        }
        return ok ? out : nil
    }
}
