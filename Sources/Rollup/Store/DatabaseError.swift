import CSQLite

/// An error of SQLite: its result code, its message, and the SQL that failed.
///
///     DatabaseError(code: 19, message: "CHECK constraint failed: field <> ''", sql: "INSERT INTO facts ...")
///
/// `description` is in Vietnamese for the user, with SQLite's own words kept for the technician.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary or extended SQLite result code (`SQLITE_BUSY` = 5, `SQLITE_CONSTRAINT` = 19...).
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: text, sql: sql)
    }

    public var description: String {
        let hint: String
        switch code & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED: hint = "cơ sở dữ liệu đang được một tiến trình khác ghi; thử lại sau"
        case SQLITE_FULL: hint = "ổ đĩa đã đầy"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: hint = "không mở hoặc không ghi được tệp cơ sở dữ liệu; kiểm tra paths.store và quyền ghi thư mục"
        case SQLITE_CORRUPT, SQLITE_NOTADB: hint = "tệp cơ sở dữ liệu bị hỏng hoặc không phải SQLite; khôi phục từ bản sao lưu"
        default: hint = "lỗi cơ sở dữ liệu"
        }
        let where_ = sql.map { " [SQL: \($0)]" } ?? ""
        return "\(hint) (SQLite \(code): \(message))\(where_)"
    }
}
