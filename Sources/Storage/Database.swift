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
/// waits for a lock instead of failing at once (and then fails with `DatabaseError.isBusy`).
///
/// `close()` checkpoints the WAL into the database file and closes: after a finished command the
/// file alone is the whole database (no `-wal`, no `-shm` beside it), so that copying it copies
/// everything. Close explicitly to hear about errors; `deinit` closes as a safety net, silently.
///
/// Threads: a `Database` and its statements are used by one thread (or task) at a time; they
/// are deliberately not `Sendable`. Give each task its own connection.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var transactionDepth = 0
    /// Milliseconds a statement waits for another connection's lock before failing with
    /// `SQLITE_BUSY`; messages say how long was waited.
    public let busyTimeout: Int32
    /// False once `close()` ran: the connection and its statements must not be used any more.
    public private(set) var isOpen = true

    /// The default wait for another connection's lock: 5 s.
    public static let defaultBusyTimeout: Int32 = 5_000

    /// Opens the database file, creating it when `create` (the parent folder must exist);
    /// without `create` a missing file is an error (`SQLITE_CANTOPEN`). `readOnly` opens an
    /// existing file as it is (its journal mode untouched: for checking a copy).
    /// - Parameter busyTimeout: milliseconds to wait for another connection's lock.
    public init(path: String, busyTimeout: Int32 = Database.defaultBusyTimeout, create: Bool = true, readOnly: Bool = false) throws(DatabaseError) {
        var connection: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(code: code, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        self.busyTimeout = busyTimeout
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeout)
        do {
            try execute(readOnly ? "PRAGMA foreign_keys = ON;" : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        } catch {
            // Another process holding the database locked can make even this fail (SQLITE_BUSY).
            isOpen = false
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        // The safety net: a connection nobody closed is closed here, its errors unheard.
        // (The statement cache holds statements that hold the connection: only `close()`, which
        // empties the cache, or a connection that cached nothing, gets here.)
        _ = try? close()
    }

    /// Checkpoints the WAL into the database file (`TRUNCATE`) and closes the connection.
    /// A transaction still open is rolled back. When this was the last connection, SQLite
    /// removes the `-wal` and `-shm` files: the database file alone then holds everything.
    ///
    /// - Returns: true when the checkpoint copied the whole WAL; false when another connection
    ///   (a second process, the sqlite3 shell) was still reading and kept part of it: not an
    ///   error, the last connection to close checkpoints what is left.
    /// - Throws: a `DatabaseError` when the checkpoint or the close fails otherwise (a full
    ///   disk, an I/O error); the connection is closed all the same. Closing twice does nothing.
    @discardableResult
    public func close() throws(DatabaseError) -> Bool {
        guard isOpen else { return true }
        isOpen = false
        statements.removeAll()
        if sqlite3_get_autocommit(handle) == 0 { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
        var failure: DatabaseError? = nil
        var complete = true
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
        if code == SQLITE_BUSY || code == SQLITE_LOCKED {
            complete = false
        } else if code != SQLITE_OK {
            failure = DatabaseError(code: code, connection: handle, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // sqlite3_close refuses (SQLITE_BUSY) while a statement someone still holds is alive;
        // close_v2 then closes the connection once that statement is finalized.
        let closed = sqlite3_close(handle)
        if closed != SQLITE_OK {
            failure = failure ?? DatabaseError(code: closed, connection: handle, sql: nil)
            sqlite3_close_v2(handle)
        }
        if let failure { throw failure }
        return complete
    }

    /// Finalizes the cached statements. They hold the connection, and the cache holds them: an
    /// owner that goes away (`Store`) empties the cache so that the connection can be released,
    /// and closed by `deinit`, once nothing else holds it. Statements are prepared again on use.
    public func clearStatementCache() {
        statements.removeAll()
    }

    /// Writes a consistent copy of the whole database to a new file at `path` (`VACUUM INTO`:
    /// one read transaction, so writers may go on meanwhile; the copy is compacted). The file
    /// must not exist. See `StoreArchive` for an atomic copy that refuses to overwrite.
    public func vacuum(into path: String) throws(DatabaseError) {
        let statement = try prepare("VACUUM INTO ?")
        try statement.execute([.text(path)])
    }

    /// Runs one or more SQL statements that return no rows and take no parameters.
    public func execute(_ sql: String) throws(DatabaseError) {
        guard isOpen else { throw DatabaseError.closed(path: path, sql: sql) }
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(code: code, message: text, sql: sql, file: path, fromSQLite: true)
        }
    }

    /// Compiles a statement. Prefer `cachedStatement` for statements run many times.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        guard isOpen else { throw DatabaseError.closed(path: path, sql: sql) }
        return try Statement(database: self, sql: sql)
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
    /// cannot interleave their imports. A nested call is a savepoint of the outer transaction:
    /// when its body throws, only what it did is undone, and the outer body decides.
    ///
    ///     try db.transaction {
    ///         try db.execute("INSERT INTO runs ...")                      // kept
    ///         try? db.transaction { try db.execute("INSERT ..."); throw e } // undone alone
    ///     }
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            let savepoint = "xhht_\(transactionDepth)"
            try execute("SAVEPOINT \(savepoint)")
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            do {
                let result = try body()
                try execute("RELEASE \(savepoint)")
                return result
            } catch {
                if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)") }
                throw error
            }
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
