import Foundation

/// A folder that cannot be made or written: which, the component in the way, and why.
public struct OutputFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder that was wanted.
    public var path: String
    /// The component of `path` that failed (a file where a folder was wanted...).
    public var blocking: String
    /// `errno`.
    public var code: Int32

    public init(path: String, blocking: String, code: Int32) {
        self.path = path
        self.blocking = blocking
        self.code = code
    }

    /// In Vietnamese, naming the folder and the component in the way.
    public var description: String {
        if code == ENOTDIR {
            return blocking == path
                ? "không dùng được \(path) làm thư mục kết quả: đó là một tệp, không phải thư mục"
                : "không tạo được thư mục \(path): \(blocking) là một tệp, không phải thư mục"
        }
        let place = blocking == path ? "" : " (tại \(blocking))"
        return "không tạo hoặc không ghi được thư mục \(path)\(place): \(SystemErrorText.vietnamese(code))"
    }

    /// The system's English words, for the `-v` log.
    public var technicalDetail: String { "\(blocking): errno \(code) (\(SystemErrorText.english(code)))" }
}
