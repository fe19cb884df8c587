import Core
import Yams

/// Walks a composed YAML node tree (Yams' Node API, which keeps each node's line and column)
/// and reads typed values out of it, collecting every mistake as a `ConfigDiagnostic` instead of
/// stopping at the first one.
///
///     let reader = YAMLReader(file: "pipeline.yml")
///     if let keys = reader.mapping(root, path: "", allowed: ["year", "report"], required: ["year"]) {
///         let year = keys["year"].flatMap { reader.integer($0, path: "year", in: 2000...2100) }
///     }
///
/// Every read checks the node's kind (a list where a list is expected...), and `mapping` rejects
/// keys it does not know, naming the allowed ones: a misspelt key is an error, never ignored.
/// The reader is a class because it accumulates diagnostics; it lives for one load.
final class YAMLReader {
    let file: String
    private(set) var diagnostics: [ConfigDiagnostic] = []
    /// Where each value was read, by path, so that checks made after decoding (a field that an
    /// indicator names but no sheet defines) still point at the right line.
    private(set) var marks: [String: Mark] = [:]

    init(file: String) {
        self.file = file
    }

    func fail(_ node: Node?, _ path: String, _ message: String) {
        fail(at: node?.mark, path, message)
    }

    func fail(at mark: Mark?, _ path: String, _ message: String) {
        diagnostics.append(ConfigDiagnostic(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, path: path, message: message))
    }

    func mark(of path: String) -> Mark? { marks[path] }

    private func remember(_ node: Node, _ path: String) {
        if let mark = node.mark { marks[path] = mark }
    }

    /// True for an empty value (`key:`), `~` and `null`, which mean "not given".
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): "giá trị \"\(s.string)\""
        case .mapping: "một bảng khóa: giá trị"
        case .sequence: "một danh sách"
        case .alias: "một bí danh YAML (*)"
        }
    }

    // MARK: - Mappings

    /// The keys of a mapping with their value nodes, in file order. Unknown keys, missing
    /// required keys and non-string keys are reported; nil when the node is not a mapping.
    func mapping(_ node: Node, path: String, allowed: [String], required: [String] = []) -> [String: Node]? {
        remember(node, path)
        guard case .mapping(let mapping) = node else {
            fail(node, path, "cần một bảng khóa: giá trị (các khóa \(allowed.joined(separator: ", "))), nhưng gặp \(Self.describe(node)).")
            return nil
        }
        var out: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                fail(keyNode, path, "khóa phải là một tên, không phải \(Self.describe(keyNode)).")
                continue
            }
            let keyPath = path.isEmpty ? key.string : "\(path).\(key.string)"
            guard allowed.contains(key.string) else {
                let hint = NearestWord.closest(key.string, in: allowed).map { " Có phải ý bạn là \"\($0)\"?" } ?? ""
                fail(keyNode, keyPath, "khóa \"\(key.string)\" không được hỗ trợ ở đây; các khóa hợp lệ: \(allowed.joined(separator: ", ")).\(hint)")
                continue
            }
            remember(keyNode, keyPath)
            out[key.string] = value
        }
        for key in required where out[key] == nil || out[key].map(isNull) == true {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            fail(out[key] ?? node, keyPath, "thiếu khóa bắt buộc \"\(key)\".")
        }
        return out
    }

    /// A mapping whose keys are data (years of targets): pairs in file order.
    func pairs(_ node: Node, path: String, expected: String) -> [(key: Node, value: Node)]? {
        remember(node, path)
        guard case .mapping(let mapping) = node else {
            fail(node, path, "cần \(expected), nhưng gặp \(Self.describe(node)).")
            return nil
        }
        return mapping.map { (key: $0.key, value: $0.value) }
    }

    // MARK: - Sequences

    /// The items of a list, nil (reported) when the node is something else.
    func sequence(_ node: Node, path: String, expected: String) -> [Node]? {
        remember(node, path)
        guard case .sequence(let sequence) = node else {
            fail(node, path, "cần \(expected) (mỗi mục một dòng bắt đầu bằng \"- \"), nhưng gặp \(Self.describe(node)).")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; a single text is taken as a list of one (`aliases: Tổng số hộ`).
    func strings(_ node: Node, path: String) -> [String]? {
        if isNull(node) { return [] }
        if case .scalar = node { return string(node, path: path).map { [$0] } }
        guard let items = sequence(node, path: path, expected: "một danh sách chữ") else { return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if let s = string(item, path: "\(path)[\(i)]") { out.append(s) }
        }
        return out
    }

    // MARK: - Scalars

    /// The text of a scalar as written (numbers and dates are kept as their text).
    func string(_ node: Node, path: String, allowEmpty: Bool = false) -> String? {
        remember(node, path)
        guard case .scalar(let s) = node else {
            fail(node, path, "cần một giá trị chữ, nhưng gặp \(Self.describe(node)).")
            return nil
        }
        let text = s.string.trimmingCharactersInSetWhitespace()
        if text.isEmpty && !allowEmpty {
            fail(node, path, "giá trị trống; cần một giá trị chữ.")
            return nil
        }
        return text
    }

    func integer(_ node: Node, path: String, in range: ClosedRange<Int>, meaning: String) -> Int? {
        guard let text = string(node, path: path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            fail(node, path, "\"\(text)\" không hợp lệ; cần \(meaning): một số nguyên từ \(range.lowerBound) đến \(range.upperBound).")
            return nil
        }
        return value
    }

    func bool(_ node: Node, path: String) -> Bool? {
        guard let text = string(node, path: path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "có": return true
        case "false", "no", "không": return false
        default:
            fail(node, path, "\"\(text)\" không hợp lệ; cần true hoặc false.")
            return nil
        }
    }

    /// One of the raw values of an enum, listing them all when the value is not one.
    func choice<E: RawRepresentable & CaseIterable>(_ node: Node, path: String, as type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(node, path: path) else { return nil }
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue)
            let hint = NearestWord.closest(text, in: allowed).map { " Có phải ý bạn là \"\($0)\"?" } ?? ""
            fail(node, path, "\"\(text)\" không hợp lệ; cần một trong: \(allowed.joined(separator: ", ")).\(hint)")
            return nil
        }
        return value
    }
}
