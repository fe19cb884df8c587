import Foundation

/// What a range of input cells accepts, checked by Excel and LibreOffice as the user types:
/// whole numbers from a minimum, one of a short list, or a text of bounded length; with the
/// prompt shown when the cell is selected and the message shown when a value is refused.
///
///     SpreadsheetDataValidation(range: "D6:D20", rule: .wholeNumber(minimum: 0),
///                               prompt: .init(title: "Tổng số hộ", text: "Nhập số nguyên, không âm."),
///                               error: .init(title: "Giá trị không hợp lệ", text: "Chỉ nhập số nguyên từ 0 trở lên."))
///     SpreadsheetDataValidation(range: "O6:O20", rule: .list(["Có", "Không"]), ...)
///
/// An empty cell is always allowed (`allowBlank`): a blank is "not reported", which the reader
/// tells apart from 0. Excel refuses a title longer than 32 characters or a message longer
/// than 255, so the writer cuts them there.
public struct SpreadsheetDataValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// A whole number >= minimum.
        case wholeNumber(minimum: Int)
        /// One of these texts, offered as a drop-down. The items may not hold a comma (the
        /// list is written inline as `"0,1,2"`).
        case list([String])
        /// A text of at most this many characters.
        case textLength(maximum: Int)
    }

    /// A title and a text, as Excel shows a prompt or an error.
    public struct Message: Sendable, Hashable {
        public var title: String
        public var text: String
        public init(title: String, text: String) {
            self.title = title
            self.text = text
        }
    }

    /// The cells, as `SpreadsheetSheet.area` names them ("D6:D20").
    public var range: String
    public var rule: Rule
    public var prompt: Message?
    public var error: Message?

    public init(range: String, rule: Rule, prompt: Message? = nil, error: Message? = nil) {
        self.range = range
        self.rule = rule
        self.prompt = prompt
        self.error = error
    }

    /// Excel's limits on the attributes (characters).
    static let titleLimit = 32
    static let textLimit = 255

    /// The `dataValidation` element's attributes, in the schema's order, and its `formula1`.
    var attributesAndFormula: ([(String, String)], String) {
        var attributes: [(String, String)]
        let formula: String
        switch rule {
        case .wholeNumber(let minimum):
            attributes = [("type", "whole"), ("operator", "greaterThanOrEqual")]
            formula = String(minimum)
        case .list(let items):
            attributes = [("type", "list")]
            formula = "\"" + items.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
        case .textLength(let maximum):
            attributes = [("type", "textLength"), ("operator", "lessThanOrEqual")]
            formula = String(maximum)
        }
        attributes.append(("allowBlank", "1"))
        if prompt != nil { attributes.append(("showInputMessage", "1")) }
        if error != nil { attributes.append(("showErrorMessage", "1")) }
        if let error {
            attributes += [("errorTitle", String(error.title.prefix(Self.titleLimit))), ("error", String(error.text.prefix(Self.textLimit)))]
        }
        if let prompt {
            attributes += [("promptTitle", String(prompt.title.prefix(Self.titleLimit))), ("prompt", String(prompt.text.prefix(Self.textLimit)))]
        }
        attributes.append(("sqref", range))
        return (attributes, formula)
    }
}
