/// Why a Word template cannot be used or rendered, in words for the statistician who edits it
/// in Word: the file, the part (body, a header, a footer), the tag as it was typed, the
/// paragraph's text around it and, in a table, which table and row, so the mistake can be
/// found with Ctrl+F. The command line maps every case to exit code 3 (a template error).
///
///     Mẫu Word lỗi: Templates/docx/bao-cao.docx, thân văn bản, bảng 2, hàng 3: thẻ "{{ten_huyen"
///     chưa đóng: thiếu "}}" trong cùng đoạn văn. ...
///         Đoạn văn: "Huyện {{ten_huyen có"
public struct WordTemplateError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `{{` without its `}}` in the same paragraph.
        case unclosedTag
        /// A partial, a delimiter change, a pragma or an inheritance block: HTML-only tags.
        case unsupportedTag
        /// A name with characters a Mustache name cannot have (diacritics, spaces, `<`, ...).
        case invalidName
        /// `{{}}`, `{{#}}`, ...
        case emptyName
        /// `{{/x}}` with no open section before it.
        case unopenedSection
        /// `{{#x}}` or `{{^x}}` never closed in its part.
        case unclosedSection
        /// `{{/y}}` while `{{#x}}` is the innermost open section.
        case mismatchedSection
        /// A section whose two tags cannot be placed so that the document stays valid (e.g.
        /// opened in a table cell, closed after the table).
        case unbalancedSection
        /// Two sections that would cross once one of them is widened to its table row.
        case crossedSections
        /// The file cannot be opened as a Word document (not a zip, no `word/document.xml`, ...).
        case notAWordFile
        /// A part that may hold tags is not well-formed XML.
        case unreadablePart
        /// The rendered part is not well-formed XML: a fault of xhht, never of the template.
        case renderedPartMalformed
    }

    public let kind: Kind
    /// The template's path or name as the user knows it.
    public let file: String
    /// The part inside the package (`word/document.xml`, `word/header1.xml`, ...).
    public let part: String?
    /// The tag as it was typed.
    public let tag: String?
    /// The paragraph's text around the tag.
    public let paragraph: String?
    /// In a table: which table of the part (1-based, in document order) and which row of it.
    public let table: Int?
    public let row: Int?
    /// The other tag of a section with its place, or the underlying reason (English from the
    /// zip or XML layer), depending on `kind`.
    public let detail: String?

    public init(_ kind: Kind, file: String, part: String? = nil, tag: String? = nil, paragraph: String? = nil,
                table: Int? = nil, row: Int? = nil, detail: String? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.tag = tag
        self.paragraph = paragraph
        self.table = table
        self.row = row
        self.detail = detail
    }

    /// Where the tag is, in the words of Word's user: "thân văn bản, bảng 2, hàng 3".
    public var place: String {
        var words: [String] = [file]
        if let part { words.append(Self.partName(part)) }
        if let table { words.append("bảng \(table)") }
        if let row { words.append("hàng \(row)") }
        return words.joined(separator: ", ")
    }

    public var reason: String {
        let tag = self.tag.map { "\"\($0)\"" } ?? "thẻ"
        switch kind {
        case .unclosedTag:
            return "thẻ \(tag) chưa đóng: thiếu \"}}\" trong cùng đoạn văn. Gõ lại cả thẻ, từ \"{{\" đến \"}}\", trong một đoạn (không xuống dòng giữa thẻ)."
        case .unsupportedTag:
            return "thẻ \(tag) không dùng được trong mẫu Word: mẫu con {{> }}, đổi dấu phân cách {{= =}}, khai báo {{% }} và khối kế thừa {{< }} {{$ }} chỉ có trong mẫu HTML."
        case .invalidName:
            return "tên trong thẻ \(tag) có ký tự không được phép: tên dữ liệu chỉ gồm chữ không dấu, chữ số và . _ - (không dấu cách, không dấu tiếng Việt); danh sách tên xem ở Templates/README.md."
        case .emptyName:
            return "thẻ \(tag) không có tên dữ liệu."
        case .unopenedSection:
            return "thẻ đóng \(tag) không có thẻ mở khối ({{#...}} hoặc {{^...}}) cùng tên trước nó."
        case .unclosedSection:
            return "khối \(tag) chưa có thẻ đóng {{/...}} cùng tên trong phần này của văn bản."
        case .mismatchedSection:
            return "thẻ đóng \(tag) không khớp với khối đang mở \(detail ?? ""); đóng khối trong cùng trước (các khối lồng nhau, không đan chéo)."
        case .unbalancedSection:
            return "khối \(tag) đóng ở \(detail ?? "nơi khác") không thể lặp mà văn bản vẫn hợp lệ. Đặt thẻ mở và thẻ đóng: trong cùng một đoạn văn; hoặc mỗi thẻ đứng riêng một đoạn, cùng cấp (cùng một ô bảng, hoặc cùng ở ngoài bảng); hoặc trong cùng một hàng của bảng (hàng đó được lặp)."
        case .crossedSections:
            return "khối \(tag) và khối \(detail ?? "khác") đan chéo nhau khi hàng bảng được lặp; đặt khối bên trong vào hẳn trong khối bên ngoài."
        case .notAWordFile:
            return "không mở được tệp mẫu Word (.docx): \(detail ?? "tệp hỏng"). Mở và lưu lại mẫu bằng Word hoặc LibreOffice ở định dạng .docx."
        case .unreadablePart:
            return "nội dung XML của phần này hỏng (\(detail ?? "")); mở và lưu lại mẫu bằng Word hoặc LibreOffice."
        case .renderedPartMalformed:
            return "văn bản kết quả không phải XML hợp lệ (\(detail ?? "")): đây là lỗi của xhht, không phải của mẫu; xin báo lại kèm tệp mẫu."
        }
    }

    public var description: String {
        var text = "Mẫu Word lỗi: \(place): \(reason)"
        if let paragraph { text += "\n    Đoạn văn: \"\(paragraph)\"" }
        return text
    }

    /// A part's name as Word's user sees it.
    static func partName(_ part: String) -> String {
        let name = part.split(separator: "/").last.map(String.init) ?? part
        if name == "document.xml" { return "thân văn bản" }
        if name.hasPrefix("header") { return "đầu trang (\(part))" }
        if name.hasPrefix("footer") { return "chân trang (\(part))" }
        if name == "footnotes.xml" { return "chú thích cuối trang" }
        if name == "endnotes.xml" { return "chú thích cuối văn bản" }
        return part
    }
}
