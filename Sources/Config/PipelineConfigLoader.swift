import Foundation
import Yams

/// Reads pipeline.yml into a `PipelineConfig`, strictly.
///
///     let config = try PipelineConfigLoader.load(path: "pipeline.yml")
///     config.paths.input     // "/home/sgd/xhht/Input": relative paths resolved against the file's folder
///
/// The YAML is parsed with Yams into its node tree (which keeps each node's line and column),
/// then walked key by key: an unknown key, a value of the wrong kind, a bad condition, a target
/// that is not a percentage are all errors with their line, column and key path, in Vietnamese.
/// Every mistake of the file is reported at once (`PipelineConfigError.diagnostics`).
/// After reading, the whole is cross-checked: field and indicator ids unique, `partOf` names a
/// count field, indicators and conditions name fields that exist, the year is sensible.
///
/// The file's shape is documented in docs/pipeline-yml.md and in the comments of the default
/// pipeline.yml.
public enum PipelineConfigLoader {
    /// Years the pipeline accepts (report year, target years).
    public static let years = 2000...2100
    /// Output kinds `outputs:` may list.
    public static let outputKinds = ["docx", "pdf", "html", "xlsx", "csv", "trends", "json", "issues", "letters", "manifest"]

    /// Loads and checks the file at `path`; relative paths inside it resolve against its folder.
    public static func load(path: String) throws(PipelineConfigError) -> PipelineConfig {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let why = FileManager.default.fileExists(atPath: url.path) ? "không đọc được tệp (không có quyền đọc?)."
                : "không tìm thấy tệp cấu hình; chạy lệnh trong thư mục có pipeline.yml hoặc chỉ đường dẫn bằng --config."
            throw PipelineConfigError(diagnostics: [ConfigDiagnostic(file: path, line: 0, column: 0, path: "", message: why)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineConfigError(diagnostics: [ConfigDiagnostic(file: name, line: 0, column: 0, path: "",
                                                                     message: "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.")])
        }
        return try parse(yaml: text, file: name, baseDirectory: url.deletingLastPathComponent().path)
    }

    /// Parses pipeline.yml text. `file` names it in messages; relative paths resolve against
    /// `baseDirectory`.
    public static func parse(yaml: String, file: String = "pipeline.yml", baseDirectory: String) throws(PipelineConfigError) -> PipelineConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PipelineConfigError(diagnostics: [ConfigDiagnostic(file: file, line: 0, column: 0, path: "",
                                                                         message: "tệp cấu hình trống; xem mẫu pipeline.yml và docs/pipeline-yml.md.")])
            }
            root = node
        } catch let error as PipelineConfigError {
            throw error
        } catch {
            throw PipelineConfigError(diagnostics: [syntaxDiagnostic(error, file: file)])
        }
        let reader = YAMLReader(file: file)
        let config = ConfigDecoding(reader: reader, baseDirectory: baseDirectory).config(root)
        if let config { ConfigChecks(reader: reader).check(config) }
        guard let config, reader.diagnostics.isEmpty else {
            let sorted = reader.diagnostics.enumerated().sorted {
                ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
            }.map(\.element)
            throw PipelineConfigError(diagnostics: sorted)
        }
        return config
    }

    /// A YAML syntax error (bad indentation, an unclosed quote, a duplicated key) as a diagnostic:
    /// libyaml's English problem is said in Vietnamese (`syntaxProblem`) and kept as the
    /// diagnostic's `detail`; when a quote or bracket left open was opened on another line, that
    /// place is named too.
    static func syntaxDiagnostic(_ error: any Error, file: String) -> ConfigDiagnostic {
        func make(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> ConfigDiagnostic {
            // Where a quote or a bracket left open was opened; other contexts (the enclosing
            // mapping) would point away from the mistake.
            let opened = context.flatMap { c in
                (c.text.contains("quoted scalar") || c.text.contains("flow")) && c.mark.line != mark.line
                    ? " (mở từ dòng \(c.mark.line), cột \(c.mark.column))" : nil
            } ?? ""
            return ConfigDiagnostic(file: file, line: mark.line, column: mark.column, path: "",
                                    message: "lỗi cú pháp YAML: \(syntaxProblem(problem))\(opened). Kiểm tra thụt lề (dùng dấu cách, không dùng tab), dấu hai chấm sau mỗi khóa và các dấu ngoặc kép.",
                                    detail: [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
        }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _), YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            return make(context, problem, mark)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return ConfigDiagnostic(file: file, line: context.mark.line, column: context.mark.column, path: "",
                                    message: "khóa \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) xuất hiện hai lần trong cùng một bảng; giữ một lần.")
        case YamlError.reader(let problem, _, _, _):
            return ConfigDiagnostic(file: file, line: 0, column: 0, path: "",
                                    message: "tệp có ký tự không đọc được (ký tự điều khiển, hoặc không phải UTF-8); lưu lại tệp với bảng mã UTF-8.",
                                    detail: problem)
        default:
            return ConfigDiagnostic(file: file, line: 0, column: 0, path: "", message: "không đọc được tệp YAML.", detail: String(reflecting: error))
        }
    }

    /// libyaml's problems, in the words of someone who edits the file.
    ///
    ///     syntaxProblem("mapping values are not allowed in this context")
    ///     // "dấu hai chấm không đúng chỗ (một giá trị có \": \" phải đặt trong ngoặc kép)"
    static func syntaxProblem(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("tab", "có ký tự tab; chỉ thụt lề bằng dấu cách"),
            ("mapping values are not allowed", "dấu hai chấm không đúng chỗ (một giá trị có \": \" phải đặt trong ngoặc kép)"),
            ("did not find expected key", "thụt lề không khớp với các khóa cùng cấp, hoặc một dấu ngoặc kép chưa đóng"),
            ("did not find expected ',' or ']'", "danh sách [...] chưa được đóng bằng ]"),
            ("did not find expected ',' or '}'", "bảng {...} chưa được đóng bằng }"),
            ("could not find expected ':'", "thiếu dấu hai chấm sau một khóa"),
            ("unexpected end of stream", "tệp kết thúc khi một dấu ngoặc kép hoặc ngoặc vuông chưa đóng"),
            ("block sequence entries are not allowed", "gạch đầu dòng \"- \" không đúng chỗ (thụt lề sai?)"),
            ("did not find expected '-' indicator", "các mục của một danh sách phải thẳng hàng, mỗi mục bắt đầu bằng \"- \""),
            ("found undefined alias", "dùng bí danh *... chưa được định nghĩa"),
            ("cannot start any token", "có ký tự không được đứng đầu một giá trị (như @ hoặc `); đặt giá trị trong ngoặc kép"),
        ]
        return known.first { problem.contains($0.0) }?.1 ?? "cấu trúc tệp không hợp lệ"
    }
}
