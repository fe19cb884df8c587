/// A problem in a unit registry or aliases CSV: which file, which line, what was expected.
///
///     units/can-tho.csv, dòng 12: mã xã "31A17" không hợp lệ; cần 5 chữ số (ví dụ 31117).
public struct UnitRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as given to the loader (a path or a label).
    public var file: String
    /// 1-based line, 0 when the problem is about the whole file.
    public var line: Int
    /// In Vietnamese, with what was expected and what to do.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file), dòng \(line): \(message)" : "\(file): \(message)"
    }
}
