import Core
import Foundation

/// Loading the registry from the official lists' CSV format.
///
/// Pre-reform lists (`units-2023-04-10.csv`, `can-tho-2024-02-01.csv`) have one row per commune:
///
///     province_code,province_name,province_type,district_code,district_name,district_type,commune_code,commune_name,commune_type
///     92,Thành phố Cần Thơ,Thành phố Trung ương,916,Quận Ninh Kiều,Quận,31117,Phường Cái Khế,Phường
///
/// Post-reform lists (`communes-2025-07-01.csv`) have no district columns, so communes hang
/// directly under their province. Columns are found by name in any order; other columns are
/// ignored. A district row with an empty commune (an island district without communes) adds the
/// district only. Codes keep their leading zeros; a list saved by Excel that lost them
/// ("1" for "01") is padded back to the level's width.
///
/// The optional aliases CSV gives other names by which districts write a unit:
///
///     alias,code
///     TP.HCM,79
///     Phường Cái Khế cũ,31117
extension UnitRegistry {
    /// The code of the national root (there is no official code for the nation).
    public static let nationCode = "VN"

    /// Reads the registry from files. Relative paths are relative to the current directory: the
    /// configuration loader hands absolute ones.
    ///
    ///     let registry = try UnitRegistry(contentsOf: "units/can-tho-2024-02-01.csv")
    public init(contentsOf path: String, aliasesAt aliasesPath: String? = nil, nationalRoot: Bool = false) throws(UnitRegistryError) {
        let csv = try UnitRegistry.readText(path)
        let aliases = try aliasesPath.map { path throws(UnitRegistryError) in try UnitRegistry.readText(path) }
        try self.init(csv: csv, source: path, aliasesCSV: aliases, aliasesSource: aliasesPath ?? "", nationalRoot: nationalRoot)
    }

    /// Parses the registry from CSV text. `source` names the text in error messages.
    /// With `nationalRoot`, a nation unit (`nationCode`) is put above the provinces, for a
    /// national roll-up.
    public init(csv: String, source: String, aliasesCSV: String? = nil, aliasesSource: String = "aliases.csv",
                nationalRoot: Bool = false) throws(UnitRegistryError) {
        let units = try UnitRegistry.parseUnits(csv, source: source)
        var registry = UnitRegistry(units: units)
        if let aliasesCSV {
            let aliases = try UnitRegistry.parseAliases(aliasesCSV, source: aliasesSource, registry: registry)
            registry = UnitRegistry(units: units, aliases: aliases)
        }
        self = nationalRoot ? registry.addingNationalRoot() : registry
    }

    /// The same registry with a nation unit above every province (provinces get it as parent).
    /// A registry that already has the root is returned unchanged.
    public func addingNationalRoot(code: String = UnitRegistry.nationCode, name: String = "Việt Nam") -> UnitRegistry {
        guard unit(code: code) == nil else { return self }
        let root = AdministrativeUnit(code: code, name: name, level: .nation, parentCode: nil)
        let rest = units.map { unit in
            var unit = unit
            if unit.level == .province && unit.parentCode == nil { unit.parentCode = code }
            return unit
        }
        return UnitRegistry(units: [root] + rest, aliases: aliases)
    }

    // MARK: - Parsing

    private static func readText(_ path: String) throws(UnitRegistryError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UnitRegistryError(file: path, line: 0, message: FileManager.default.fileExists(atPath: path)
                ? "không đọc được tệp danh mục đơn vị (không có quyền đọc?)."
                : "không tìm thấy tệp danh mục đơn vị; kiểm tra paths.units trong pipeline.yml hoặc cờ --units.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UnitRegistryError(file: path, line: 0, message: "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\".")
        }
        return text
    }

    private static func records(_ text: String, source: String) throws(UnitRegistryError) -> [CSVRecords.Record] {
        do {
            return try CSVRecords.parse(text)
        } catch {
            throw UnitRegistryError(file: source, line: error.line, message: "dấu ngoặc kép mở ở đây không được đóng đến hết tệp.")
        }
    }

    private struct Columns {
        var code: Int
        var name: Int
    }

    /// The two shapes of the official lists, as the header must name them (other columns, such
    /// as `*_type` or `stt_in_list`, are ignored).
    static let shapes = [
        (label: "trước 1/7/2025, có cấp huyện", columns: ["province_code", "province_name", "district_code", "district_name", "commune_code", "commune_name"]),
        (label: "từ 1/7/2025, không có cấp huyện", columns: ["province_code", "province_name", "commune_code", "commune_name"]),
    ]

    /// The levels a registry header describes, each with its code and name columns, checked
    /// against `shapes` before any row is read: a list that lost its `commune_name` column would
    /// otherwise load as a list of districts, and every commune of every workbook would be
    /// "unknown". Errors name the header line, the column when there is one, and both shapes.
    ///
    ///     province_code,province_name,district_code,district_name,commune_code   // → error: thiếu cột commune_name
    private static func levels(of header: CSVRecords.Record, source: String) throws(UnitRegistryError) -> [(UnitLevel, Columns)] {
        let names = header.fields.map { $0.trimmingCharactersInSetWhitespace().lowercased() }
        let expected = shapes.map { "  \($0.columns.joined(separator: ",")) (\($0.label))" }.joined(separator: "\n")
        let known = Set(shapes.flatMap(\.columns))
        func fail(_ what: String, column: Int = 0) -> UnitRegistryError {
            UnitRegistryError(file: source, line: header.line, column: column, message:
                "\(what) Dòng tiêu đề của danh mục đơn vị phải có đủ các cột của một trong hai dạng (thứ tự tùy ý; cột khác được bỏ qua):\n"
                + "\(expected)\nTiêu đề đang là: \(header.fields.joined(separator: ",")).")
        }
        for (i, name) in names.enumerated() where known.contains(name) {
            if let first = names.firstIndex(of: name), first < i {
                throw fail("cột \(name) có hai lần (cột \(first + 1) và cột \(i + 1)); xóa một cột.", column: i + 1)
            }
        }
        func columns(_ prefix: String) throws(UnitRegistryError) -> Columns? {
            let code = names.firstIndex(of: "\(prefix)_code"), name = names.firstIndex(of: "\(prefix)_name")
            switch (code, name) {
            case let (code?, name?): return Columns(code: code, name: name)
            case (nil, nil): return nil
            case (let present?, nil), (nil, let present?):
                let missing = code == nil ? "\(prefix)_code" : "\(prefix)_name"
                throw fail("có cột \(names[present]) (cột \(present + 1)) nhưng thiếu cột \(missing)\(closestHint(missing, in: names)).",
                           column: present + 1)
            }
        }
        let province = try columns("province"), district = try columns("district"), commune = try columns("commune")
        for (prefix, found) in [("province", province), ("commune", commune)] where found == nil {
            throw fail("thiếu cột \(prefix)_code và \(prefix)_name\(closestHint("\(prefix)_code", in: names)).")
        }
        return [(.province, province!)] + (district.map { [(.district, $0)] } ?? []) + [(.commune, commune!)]
    }

    /// " (có phải cột 8 \"commune_nam\" viết sai?)" when a header column is a near miss of a missing one.
    private static func closestHint(_ missing: String, in names: [String]) -> String {
        guard let near = NearestWord.closest(missing, in: names), let index = names.firstIndex(of: near) else { return "" }
        return " (có phải cột \(index + 1) \"\(near)\" viết sai?)"
    }

    static func parseUnits(_ text: String, source: String) throws(UnitRegistryError) -> [AdministrativeUnit] {
        let rows = try records(text, source: source)
        guard let header = rows.first else {
            throw UnitRegistryError(file: source, line: 0, message: "tệp trống; cần dòng tiêu đề province_code,province_name,... và các dòng đơn vị.")
        }
        let levels = try levels(of: header, source: source)
        let needed = levels.map { max($0.1.code, $0.1.name) }.max()! + 1

        var units: [AdministrativeUnit] = []
        var seen: [String: (unit: AdministrativeUnit, line: Int)] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count >= needed else {
                throw UnitRegistryError(file: source, line: row.line,
                                        message: "dòng có \(row.fields.count) cột, cần ít nhất \(needed) như dòng tiêu đề.")
            }
            var parent: String? = nil
            for (level, cols) in levels {
                let rawCode = row.fields[cols.code].trimmingCharactersInSetWhitespace()
                let name = row.fields[cols.name].trimmingCharactersInSetWhitespace()
                if rawCode.isEmpty && name.isEmpty && level != .province { continue }
                let code = UnitCode.padded(UnitCode.normalized(rawCode) ?? "", for: level)
                let width = UnitCode.width(of: level)!
                guard code.isASCIIDigits, code.utf8.count == width else {
                    throw UnitRegistryError(file: source, line: row.line, column: cols.code + 1,
                                            message: "mã \(word(level)) \"\(rawCode)\" không hợp lệ; cần \(width) chữ số (ví dụ \(example(level))).")
                }
                guard !name.isEmpty else {
                    throw UnitRegistryError(file: source, line: row.line, column: cols.name + 1,
                                            message: "mã \(word(level)) \(code) không có tên; điền tên vào cột \(cols.name + 1).")
                }
                let unit = AdministrativeUnit(code: code, name: name, level: level, parentCode: parent)
                if let earlier = seen[code] {
                    guard earlier.unit == unit else {
                        throw UnitRegistryError(file: source, line: row.line, message:
                            "mã \(code) đã có ở dòng \(earlier.line) là \(word(earlier.unit.level)) \"\(earlier.unit.name)\"; ở đây lại là \(word(level)) \"\(name)\". Một mã chỉ ứng với một đơn vị.")
                    }
                } else {
                    seen[code] = (unit, row.line)
                    units.append(unit)
                }
                parent = code
            }
        }
        return units
    }

    static func parseAliases(_ text: String, source: String, registry: UnitRegistry) throws(UnitRegistryError) -> [String: String] {
        let rows = try records(text, source: source)
        guard let header = rows.first else { return [:] }
        let names = header.fields.map { $0.trimmingCharactersInSetWhitespace().lowercased() }
        guard let aliasColumn = names.firstIndex(of: "alias"), let codeColumn = names.firstIndex(of: "code") else {
            throw UnitRegistryError(file: source, line: header.line, message: "cần dòng tiêu đề \"alias,code\" (tên khác, mã đơn vị).")
        }
        var out: [String: String] = [:]
        var lines: [String: Int] = [:]
        for row in rows.dropFirst() {
            guard row.fields.count > max(aliasColumn, codeColumn) else {
                throw UnitRegistryError(file: source, line: row.line, message: "dòng thiếu cột; cần: tên khác, mã đơn vị.")
            }
            let alias = row.fields[aliasColumn].trimmingCharactersInSetWhitespace()
            let rawCode = row.fields[codeColumn].trimmingCharactersInSetWhitespace()
            guard !alias.isEmpty else { throw UnitRegistryError(file: source, line: row.line, message: "tên khác (cột alias) bị trống.") }
            let code = UnitCode.normalized(rawCode) ?? ""
            let matches = registry.unit(code: code).map { [$0.code] } ?? UnitCode.paddings(of: code).filter { registry.unit(code: $0) != nil }
            guard matches.count == 1 else {
                throw UnitRegistryError(file: source, line: row.line, message: matches.isEmpty
                    ? "mã \"\(rawCode)\" của tên \"\(alias)\" không có trong danh mục đơn vị."
                    : "mã \"\(rawCode)\" có thể là \(matches.joined(separator: " hoặc ")); hãy ghi đủ các số 0 đầu.")
            }
            if let earlier = out[alias], earlier != matches[0] {
                throw UnitRegistryError(file: source, line: row.line, message: "tên \"\(alias)\" đã trỏ tới mã \(earlier) ở dòng \(lines[alias]!); một tên chỉ trỏ tới một mã.")
            }
            out[alias] = matches[0]
            lines[alias] = row.line
        }
        return out
    }

    /// The level's Vietnamese word in messages ("xã" for a commune-level unit).
    private static func word(_ level: UnitLevel) -> String {
        switch level {
        case .nation: "toàn quốc"
        case .province: "tỉnh"
        case .district: "huyện"
        case .commune: "xã"
        }
    }

    private static func example(_ level: UnitLevel) -> String {
        switch level {
        case .nation: "VN"
        case .province: "92"
        case .district: "916"
        case .commune: "31117"
        }
    }
}
