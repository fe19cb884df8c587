import Core
import Foundation
import Units

extension Condition {
    /// Parses a condition as pipeline.yml writes it: `field op value`.
    ///
    ///     Condition(parsing: "cdht_xa_muc >= 1")   // field cdht_xa_muc, op >=, value 1
    ///     Condition(parsing: "tthtcd_co == yes")   // yes = 1, no = 0 (also có/không, đạt/chưa đạt)
    ///
    /// Operators: `==`, `!=`, `>=`, `>`, `<=`, `<`. The value is an integer, or a yes/no word
    /// (`literal` says which: pipeline.yml's checks match it against the field's type).
    /// Returns the reason in Vietnamese when the text is not a condition.
    public static func parse(_ text: String) -> Result<Condition, ConditionSyntaxError> {
        let operators: [Operator] = [.eq, .ne, .ge, .le, .gt, .lt]  // two-character ones first
        var found: (op: Operator, range: Range<String.Index>)? = nil
        for op in operators {
            if let range = text.range(of: op.rawValue) { found = (op, range); break }
        }
        guard let (op, range) = found else {
            return .failure(ConditionSyntaxError(text: text, reason: "thiếu phép so sánh (==, !=, >=, >, <=, <)"))
        }
        let field = String(text[..<range.lowerBound]).trimmingCharactersInSetWhitespace()
        let valueText = String(text[range.upperBound...]).trimmingCharactersInSetWhitespace()
        guard let first = field.first, first.isLetter, first.isASCII,
              field.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            return .failure(ConditionSyntaxError(text: text, reason: field.isEmpty
                ? "thiếu mã trường trước \(op.rawValue)" : "\"\(field)\" không phải mã trường (chữ không dấu, số, dấu _)"))
        }
        if let n = Int64(valueText) { return .success(Condition(field: field, op: op, value: n)) }
        switch Folding.fold(valueText) {
        case "yes", "true", "co", "dat": return .success(Condition(field: field, op: op, yes: true))
        case "no", "false", "khong", "chua dat": return .success(Condition(field: field, op: op, yes: false))
        default:
            return .failure(ConditionSyntaxError(text: text, reason: valueText.isEmpty
                ? "thiếu giá trị sau \(op.rawValue)" : "\"\(valueText)\" không phải số nguyên hay yes/no"))
        }
    }

    /// The condition as pipeline.yml writes it ("cdht_xa_muc >= 1").
    public var text: String { "\(field) \(op.rawValue) \(value)" }
}

/// Why a condition string could not be read.
public struct ConditionSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String {
        "điều kiện \"\(text)\" không hợp lệ: \(reason); cần dạng \"mã_trường >= 1\" hoặc \"mã_trường == yes\"."
    }
}
