import CSQLite
import Foundation

/// A connection to an SQLite file, through the C API: open, execute, prepare, transactions.
///
///     let db = try Database(path: "Output/xhht.sqlite")
///     try db.transaction {
///         try db.cachedStatement("INSERT INTO runs(started) VALUES (?)").execute(["2024-11-30T08:00:00Z"])
///     }
///
/// The connection runs in WAL mode (readers never block the writer; a crash loses at most the
/// uncommitted transaction), with foreign keys on and a busy timeout, so that a second process
/// waits for a lock instead of failing at once.
///
/// Threads: a `Database` and its statements are used by one thread (or task) at a time; they
/// are deliberately not `Sendable`. Give each task its own connection.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed) the database file. The parent folder must exist.
    /// - Parameter busyTimeout: milliseconds to wait for another connection's lock.
    public init(path: String, busyTimeout: Int32 = 5_000) throws(DatabaseError) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(code: code, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeout)
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
    }

    deinit {
        statements.removeAll()
        // A transaction still open here (the program failed between BEGIN and COMMIT) is rolled
        // back by SQLite when the connection closes.
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return no rows and take no parameters.
    public func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(code: code, message: text, sql: sql)
        }
    }

    /// Compiles a statement. Prefer `cachedStatement` for statements run many times.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A statement compiled once per connection and reused (reset between uses).
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws
    /// (the error is rethrown). `BEGIN IMMEDIATE` takes the write lock at once, so two runs
    /// cannot interleave their imports. Nested calls join the outer transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        do {
            let result = try body()
            transactionDepth = 0
            try execute("COMMIT")
            return result
        } catch {
            transactionDepth = 0
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The rowid of the last row inserted by this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// The value of a single-value query ("PRAGMA journal_mode").
    public func scalar(_ sql: String, _ values: [DatabaseValue] = []) throws -> String? {
        try prepare(sql).rows(values) { $0.string(at: 0) }.first ?? nil
    }
}
