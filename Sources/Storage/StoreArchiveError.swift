import Core
import Foundation

/// Why a copy of the store was not made; the destination is then as it was. `description` is in
/// Vietnamese with what to do; `technicalDetail` keeps SQLite's or the system's English words.
public enum StoreArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// There is no store file to copy (no run has stored anything yet, or paths.store is wrong).
    case noStore(path: String)
    /// The destination exists and replacing was not asked for.
    case destinationExists(path: String)
    case destinationIsFolder(path: String)
    /// The destination's folder could not be made or written.
    case folder(OutputFolderError)
    /// The copy was made but SQLite's check of it did not answer "ok".
    case copyFailedCheck(path: String, result: String)
    case database(DatabaseError)
    /// A system call on a file failed (`errno`).
    case file(path: String, code: Int32)

    public var description: String {
        switch self {
        case .noStore(let path):
            "không có cơ sở dữ liệu ở \(path): chạy xhht run hoặc xhht import trước, hoặc kiểm tra paths.store trong pipeline.yml (hoặc --store)."
        case .destinationExists(let path):
            "tệp \(path) đã có; không ghi đè. Chọn tên khác cho --to, hoặc thêm --force để thay tệp đó."
        case .destinationIsFolder(let path):
            "\(path) là một thư mục; --to cần tên một tệp, ví dụ \(path)/xhht-luu-tru.sqlite."
        case .folder(let error):
            "\(error.description); chọn nơi khác cho --to."
        case .copyFailedCheck(let path, _):
            "bản sao cho \(path) không qua được bước kiểm tra của SQLite; không lưu bản sao. Kiểm tra ổ đĩa rồi chạy lại."
        case .database(let error):
            "không sao chép được cơ sở dữ liệu: \(error.userMessage)."
        case .file(let path, let code):
            "không ghi được \(path): \(SystemErrorText.vietnamese(code))."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .database(let error): error.description
        case .file(let path, let code): "\(path): errno \(code) (\(SystemErrorText.english(code)))"
        case .folder(let error): error.technicalDetail
        case .copyFailedCheck(_, let result): "PRAGMA quick_check: \(result)"
        default: description
        }
    }
}
