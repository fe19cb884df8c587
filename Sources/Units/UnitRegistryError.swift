/// A problem in a unit registry or aliases CSV: which file, which line (and column when one is
/// to blame), what was expected.
///
///     units/can-tho.csv, dòng 12, cột 7: mã xã "31A17" không hợp lệ; cần 5 chữ số (ví dụ 31117).
public struct UnitRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as given to the loader (a path or a label).
    public var file: String
    /// 1-based line, 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based column of the CSV (the first is 1), 0 when no one column is to blame.
    public var column: Int
    /// In Vietnamese, with what was expected and what to do.
    public var message: String

    public init(file: String, line: Int, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard line > 0 else { return "\(file): \(message)" }
        return column > 0 ? "\(file), dòng \(line), cột \(column): \(message)" : "\(file), dòng \(line): \(message)"
    }
}
