import CSQLite

/// An error of SQLite: its result code, its message, and the SQL that failed.
///
///     DatabaseError(code: 19, message: "CHECK constraint failed: field <> ''", sql: "INSERT INTO facts ...")
///
/// Two texts: `userMessage` in Vietnamese for the statistician (what happened to which file,
/// what to do), and `description`, which keeps SQLite's own English words and the SQL for the
/// technician (the `-v` log).
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary or extended SQLite result code (`SQLITE_BUSY` = 5, `SQLITE_CONSTRAINT` = 19...).
    public var code: Int32
    public var message: String
    public var sql: String?
    /// The database file, when the error came from a connection.
    public var file: String?
    /// True when `message` is SQLite's own (English) text, false when it is one of ours.
    public var fromSQLite: Bool

    public init(code: Int32, message: String, sql: String? = nil, file: String? = nil, fromSQLite: Bool = false) {
        self.code = code
        self.message = message
        self.sql = sql
        self.file = file
        self.fromSQLite = fromSQLite
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        let file = connection.flatMap { sqlite3_db_filename($0, "main") }.map { String(cString: $0) }
        self.init(code: code, message: text, sql: sql, file: file?.isEmpty == true ? nil : file, fromSQLite: true)
    }

    /// A connection used after `Database.close()`.
    static func closed(path: String, sql: String) -> DatabaseError {
        DatabaseError(code: SQLITE_MISUSE, message: "cơ sở dữ liệu \(path) đã đóng; không dùng được nữa.", sql: sql, file: path)
    }

    /// Another connection holds the lock (`SQLITE_BUSY`, `SQLITE_LOCKED`): the operation may
    /// succeed later. The busy timeout was waited before this was thrown.
    public var isBusy: Bool {
        let primary = code & 0xff
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
    }

    /// What went wrong, in Vietnamese: for SQLite's own errors the meaning of the code (SQLite's
    /// English text is left to `description`); our own messages as they are.
    public var userMessage: String {
        guard fromSQLite else { return message }
        let place = file.map { " \($0)" } ?? ""
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED: return "cơ sở dữ liệu\(place) đang được một tiến trình khác ghi; thử lại sau"
        case SQLITE_FULL: return "ổ đĩa chứa cơ sở dữ liệu\(place) đã đầy; giải phóng chỗ trống rồi chạy lại"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_AUTH:
            return "không mở hoặc không ghi được tệp cơ sở dữ liệu\(place); kiểm tra paths.store và quyền ghi thư mục"
        case SQLITE_CORRUPT, SQLITE_NOTADB: return "tệp cơ sở dữ liệu\(place) bị hỏng hoặc không phải SQLite; khôi phục từ bản sao lưu"
        case SQLITE_IOERR: return "lỗi đọc/ghi đĩa với cơ sở dữ liệu\(place); kiểm tra ổ đĩa rồi chạy lại"
        default: return "lỗi cơ sở dữ liệu\(place)"
        }
    }

    public var description: String {
        let where_ = sql.map { " [SQL: \($0)]" } ?? ""
        return "\(userMessage) (SQLite \(code): \(message))\(where_)"
    }
}
