#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's reasons (`errno`) in Vietnamese, for messages the statistician reads; the C
/// library's English text (`strerror`) is kept for the technician's `-v` log.
///
///     SystemErrorText.vietnamese(EACCES)   // "không có quyền ghi (hoặc đọc) ở đó"
///     SystemErrorText.english(EACCES)      // "Permission denied"
public enum SystemErrorText {
    public static func vietnamese(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "không có quyền ghi (hoặc đọc) ở đó"
        case ENOENT: "thư mục chứa nó không tồn tại"
        case ENOTDIR: "một phần của đường dẫn là một tệp, không phải thư mục"
        case EISDIR: "đó là một thư mục, không phải tệp"
        case EEXIST: "đã có một tệp hoặc thư mục trùng tên"
        case EROFS: "ổ đĩa chỉ cho đọc"
        case ENOSPC, EDQUOT: "ổ đĩa đã đầy (hoặc hết hạn mức)"
        case ENAMETOOLONG: "đường dẫn quá dài"
        case ELOOP: "đường dẫn có liên kết tượng trưng (symlink) vòng quanh"
        case EXDEV: "tệp tạm và tệp đích nằm trên hai ổ đĩa khác nhau"
        case EIO: "lỗi đọc/ghi của ổ đĩa"
        default: "lỗi hệ thống số \(code)"
        }
    }

    public static func english(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
