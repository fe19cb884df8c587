import Mustache

/// Why the HTML templates could not be used, in words for the person who edits them: the file,
/// the line and column, the line itself and what is wrong.
///
///     Mẫu báo cáo lỗi: Templates/html/report.mustache, dòng 12, cột 7: thẻ đóng không khớp với
///     thẻ mở của khối ({{#...}} ... {{/...}} phải cùng tên).
///         {{/indicator}}
public enum TemplateError: Error, CustomStringConvertible, Equatable {
    case folderMissing(path: String)
    case mainMissing(folder: String, name: String)
    case unreadable(path: String)
    case notUTF8(path: String)
    case syntax(path: String, line: Int, column: Int, lineText: String, reason: String)
    case partialMissing(path: String, line: Int, partial: String)

    public var description: String {
        switch self {
        case .folderMissing(let path):
            "Không tìm thấy thư mục mẫu báo cáo HTML: \(path) (cần các tệp *.mustache, trong đó có report.mustache)."
        case .mainMissing(let folder, let name):
            "Thư mục mẫu \(folder) thiếu tệp \(name), mẫu chính của trang báo cáo."
        case .unreadable(let path):
            "Không đọc được tệp mẫu \(path)."
        case .notUTF8(let path):
            "Tệp mẫu \(path) không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8."
        case .syntax(let path, let line, let column, let lineText, let reason):
            "Mẫu báo cáo lỗi: \(path), dòng \(line), cột \(column): \(reason)\n    \(lineText)"
        case .partialMissing(let path, let line, let partial):
            "Mẫu báo cáo lỗi: \(path), dòng \(line): gọi mẫu con {{> \(partial)}} nhưng không có tệp \(partial).mustache."
        }
    }

    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "thẻ đóng không khớp với thẻ mở của khối ({{#...}} ... {{/...}} phải cùng tên)."
        case .unfinishedName: return "thẻ chưa đóng hoặc tên sai (thiếu \"}}\")."
        case .expectedSectionEnd: return "khối {{#...}} hoặc {{^...}} chưa có thẻ đóng {{/...}}."
        case .invalidSetDelimiter: return "thẻ đổi dấu phân cách {{=...=}} sai cú pháp."
        case .transformAppliedToInheritanceSection: return "không dùng phép biến đổi trong khối kế thừa."
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "trong khối kế thừa {{<...}} chỉ được có các khối {{$...}}."
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "thẻ {{%...}} không hợp lệ."
        }
    }
}
