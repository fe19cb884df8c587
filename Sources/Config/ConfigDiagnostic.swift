/// One mistake in pipeline.yml: where it is (file, line, column, and the path of the key), what
/// was expected, and what to do, in Vietnamese for the statistician who edits the file.
///
///     pipeline.yml:14:7: sheets[0].fields[2].type: "cont" không hợp lệ; cần một trong: count, level, yes-no, text.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the position is unknown (a value given by a command-line flag).
    public var line: Int
    public var column: Int
    /// The key's path in the file ("indicators[3].targets.2024"); "" for the whole file.
    public var path: String
    public var message: String
    /// The technical English detail (libyaml's own words), for the `-v` log only; nil for most.
    public var detail: String?

    public init(file: String, line: Int, column: Int, path: String, message: String, detail: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.detail = detail
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}

/// pipeline.yml could not be used: every mistake found, in file order, so that the user fixes
/// them all in one pass instead of one per run.
public struct PipelineConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [ConfigDiagnostic]

    public init(diagnostics: [ConfigDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The diagnostics' technical details, one a line, for the `-v` log; nil when none has one.
    public var technicalDetail: String? {
        let details = diagnostics.compactMap { d in d.detail.map { "\(d.file):\(d.line):\(d.column): \($0)" } }
        return details.isEmpty ? nil : details.joined(separator: "\n")
    }

    public var description: String {
        let head = diagnostics.count == 1 ? "Tệp cấu hình có 1 lỗi:" : "Tệp cấu hình có \(diagnostics.count) lỗi:"
        return ([head] + diagnostics.map { "  " + $0.description }).joined(separator: "\n")
    }
}
