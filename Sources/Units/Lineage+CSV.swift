import Foundation
import Core

extension LineageStep {
    /// Reads an old-to-new mapping in the format of `old-to-new-commune-2025-07-01.csv`
    /// (dvhcvn/20250701, MIT):
    ///
    ///     old_province_code,old_province_name,old_commune_code,old_commune_name,new_province_code,new_commune_code,new_commune_name,n_targets_for_old_commune
    ///     01,Thành phố Hà Nội,00007,Phường Cống Vị,01,00008,Phường Ngọc Hà,2
    ///
    /// Columns are found by name. One row per (old, new) pair: an old commune on several rows was
    /// split. With `provinces`, province codes are mapped too, derived from the communes: an old
    /// province whose communes all went to one new province merged into it (Sóc Trăng 94 -> Cần
    /// Thơ 92). Codes keep their leading zeros (padded back when a spreadsheet dropped them).
    ///
    /// The source's caveat (it was built with machine help): `n_targets_for_old_commune` is
    /// checked against the rows actually listed, and every disagreement is returned as a
    /// diagnostic, so a partial split is looked at, not trusted. A code cell that is not an
    /// official code (empty, letters, too many digits) throws `badCode` with its line: a row
    /// skipped would silently lose a unit's history.
    public static func parseOldToNewCSV(_ text: String, effective: String, source: String, provinces: Bool = true)
        throws(LineageCSVError) -> (step: LineageStep, diagnostics: [String]) {
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text) } catch { throw .unterminatedQuote(source: source, line: error.line) }
        guard let header = records.first else { throw .missingColumn(source: source, column: "old_commune_code") }
        let names = header.fields.map { $0.trimmingCharactersInSetWhitespace().lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let oldCommune = column("old_commune_code") else { throw .missingColumn(source: source, column: "old_commune_code") }
        guard let newCommune = column("new_commune_code") else { throw .missingColumn(source: source, column: "new_commune_code") }
        let oldProvince = column("old_province_code"), newProvince = column("new_province_code")
        // Without these, provinces would silently not be mapped (a merged province's history lost).
        if provinces {
            guard oldProvince != nil else { throw .missingColumn(source: source, column: "old_province_code") }
            guard newProvince != nil else { throw .missingColumn(source: source, column: "new_province_code") }
        }
        let declared = column("n_targets_for_old_commune")

        var successors: [String: Set<String>] = [:]
        var declaredTargets: [String: (count: Int, line: Int)] = [:]
        var provinceTargets: [String: Set<String>] = [:]
        var diagnostics: [String] = []
        func cell(_ r: CSVRecords.Record, _ i: Int?) -> String? {
            guard let i, i < r.fields.count else { return nil }
            return UnitCode.normalized(r.fields[i])
        }
        // A code that is not an official code (empty, letters, too long) is an error at its line:
        // a row skipped would silently drop a unit's history.
        func code(_ r: CSVRecords.Record, _ i: Int?, _ level: UnitLevel, _ column: String) throws(LineageCSVError) -> String {
            let written = i.flatMap { $0 < r.fields.count ? r.fields[$0].trimmingCharactersInSetWhitespace() : nil } ?? ""
            let padded = UnitCode.normalized(written).map { UnitCode.padded($0, for: level) } ?? ""
            let width = UnitCode.width(of: level) ?? 0
            guard padded.utf8.count == width, padded.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw .badCode(source: source, line: r.line, column: column, written: written, width: width)
            }
            return padded
        }
        for record in records.dropFirst() {
            let old = try code(record, oldCommune, .commune, "old_commune_code")
            let new = try code(record, newCommune, .commune, "new_commune_code")
            successors[old, default: []].insert(new)
            if let n = cell(record, declared).flatMap({ Int($0) }), declaredTargets[old] == nil {
                declaredTargets[old] = (n, record.line)
            }
            if provinces {
                let op = try code(record, oldProvince, .province, "old_province_code")
                let np = try code(record, newProvince, .province, "new_province_code")
                provinceTargets[op, default: []].insert(np)
            }
        }
        for (old, d) in declaredTargets.sorted(by: { $0.key < $1.key }) {
            let listed = successors[old]?.count ?? 0
            if listed != d.count {
                diagnostics.append("\(source):\(d.line): xã \(old) ghi \(d.count) đơn vị mới nhưng danh sách có \(listed); cần kiểm tra.")
            }
        }
        var map = successors.mapValues { Array($0) }
        for (old, news) in provinceTargets where map[old] == nil { map[old] = Array(news) }
        return (LineageStep(effective: effective, successors: map, source: source), diagnostics)
    }

    /// Reads the mapping from a file (see `parseOldToNewCSV`).
    public init(oldToNewCSVAt path: String, effective: String, provinces: Bool = true, diagnostics: inout [String])
        throws(LineageCSVError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw .unreadable(path: path) }
        let name = (path as NSString).lastPathComponent
        let parsed = try Self.parseOldToNewCSV(text, effective: effective, source: name, provinces: provinces)
        diagnostics.append(contentsOf: parsed.diagnostics)
        self = parsed.step
    }
}

/// Why a lineage file cannot be read at all.
public enum LineageCSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The columns read, as the header of old-to-new-commune-2025-07-01.csv names them.
    static let expectedHeader = "old_province_code,old_commune_code,new_province_code,new_commune_code"

    case unreadable(path: String)
    case unterminatedQuote(source: String, line: Int)
    case missingColumn(source: String, column: String)
    /// A code cell that is not an official code of its level (`width` digits).
    case badCode(source: String, line: Int, column: String, written: String, width: Int)

    public var description: String {
        switch self {
        case .unreadable(let path): "không đọc được tệp liên kết đơn vị \(path) (cần UTF-8)."
        case .unterminatedQuote(let source, let line): "\(source):\(line): dấu ngoặc kép không được đóng."
        case .missingColumn(let source, let column):
            "\(source), dòng 1: dòng tiêu đề thiếu cột \"\(column)\"; cần các cột \(LineageCSVError.expectedHeader) "
                + "(thứ tự tùy ý; n_targets_for_old_commune nếu có thì được đối chiếu; cột khác, như tên đơn vị, được bỏ qua)."
        case .badCode(let source, let line, let column, let written, let width):
            "\(source), dòng \(line), cột \(column): "
                + (written.isEmpty ? "thiếu mã" : "mã \"\(written)\" không hợp lệ")
                + "; cần mã chính thức \(width) chữ số (ví dụ \(width == 2 ? "92" : "31123")). Sửa hoặc xóa dòng này trong tệp rồi chạy lại."
        }
    }
}
