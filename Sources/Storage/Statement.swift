import CSQLite

/// A prepared statement: compiled once, then bound, stepped and reset as many times as needed,
/// which is what makes a 200,000-row import fast.
///
///     let insert = try db.prepare("INSERT INTO t(a, b) VALUES (?, ?)")
///     for row in rows { try insert.execute([.text(row.a), .integer(row.b)]) }
///
///     let select = try db.prepare("SELECT a, b FROM t WHERE b > ?")
///     let pairs = try select.rows([10]) { ($0.string(at: 0) ?? "", $0.int64(at: 1) ?? 0) }
///
/// A statement belongs to the `Database` that prepared it and to one thread at a time; it is
/// finalized when released (the connection, closed with `sqlite3_close_v2`, waits for that).
public final class Statement {
    let handle: OpaquePointer
    /// Kept so that the connection outlives its statements.
    let database: Database
    public let sql: String

    /// `SQLITE_TRANSIENT`: SQLite copies bound text before `bind` returns. Not imported into
    /// Swift, because it is a cast of -1 to a function pointer.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(database: Database, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(code: code, connection: database.handle, sql: sql)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears the previous run and bindings, then binds `values` to the parameters 1...n.
    public func bind(_ values: [DatabaseValue]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let n): code = sqlite3_bind_int64(handle, index, n)
            case .text(let s): code = sqlite3_bind_text(handle, index, s, -1, Statement.transient)
            }
            guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: database.handle, sql: sql) }
        }
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = DatabaseError(code: sqlite3_extended_errcode(database.handle), connection: database.handle, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    // MARK: - Binding one parameter at a time (the fast path of bulk inserts)

    /// Resets the statement for another run, keeping nothing bound.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds parameter `index` (1-based). Unlike `bind(_:)`, allocates nothing: for loops that
    /// insert hundreds of thousands of rows.
    public func bind(_ value: Int64, at index: Int32) throws(DatabaseError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: String, at index: Int32) throws(DatabaseError) {
        var value = value
        // The UTF-8 bytes in place (small strings on the stack), with their length: no C-string
        // copy and no strlen.
        let code = value.withUTF8 { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, Statement.transient)  // "" is text, a nil pointer would be NULL
            }
            return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                     Int32(bytes.count), Statement.transient)
        }
        try check(code)
    }

    /// Binds `value` to parameter `index` without copying it (`SQLITE_STATIC`) for as long as
    /// `body` runs, and runs `body`: the statement must be stepped inside `body`, and the
    /// parameter rebound (or the bindings cleared with `reset()`) before the statement runs again
    /// after `body` returned, since SQLite then still points at bytes that are gone.
    /// This is what a bulk insert wants: SQLite reads the bytes straight from the Swift string
    /// (from the stack for a small one) instead of allocating and copying them on every bind.
    public func withBound<R>(_ value: String, at index: Int32, _ body: () throws -> R) throws -> R {
        var value = value
        return try value.withUTF8 { bytes throws -> R in
            try bindStatic(bytes, at: index)
            return try body()
        }
    }

    /// Binds UTF-8 `bytes` as text without copying them (`SQLITE_STATIC`) while `body` runs,
    /// with the same rule as `withBound(_:at:_:)`: step inside `body`, rebind or reset after.
    /// For text built in a reused buffer (the JSON of a packed fact row), or another
    /// statement's column (`withText(at:_:)`).
    public func withBound<R>(utf8 bytes: UnsafeBufferPointer<UInt8>, at index: Int32, _ body: () throws -> R) throws -> R {
        try bindStatic(bytes, at: index)
        return try body()
    }

    /// Binds UTF-8 `bytes` as text without copying them (`SQLITE_STATIC`). The caller keeps the
    /// bytes alive and unchanged until the statement has run, and binds the parameter again (or
    /// clears the bindings with `reset()`) before it runs once more: SQLite keeps the pointer.
    /// For a batch of rows whose texts sit in one buffer (`FactRowWriter`).
    func bindUnowned(utf8 bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(DatabaseError) {
        try bindStatic(bytes, at: index)
    }

    /// Binds `bytes` as text with `SQLITE_STATIC`; an empty buffer as "" (a nil pointer would be NULL).
    private func bindStatic(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32) throws(DatabaseError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return try check(sqlite3_bind_text(handle, index, "", 0, Statement.transient))
        }
        try check(sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                    Int32(bytes.count), Statement.staticText))
    }

    /// Binds a literal (its bytes live as long as the program) without copying it.
    public func bind(_ value: StaticString, at index: Int32) throws(DatabaseError) {
        precondition(value.hasPointerRepresentation, "a text literal")
        try check(sqlite3_bind_text(handle, index, UnsafeRawPointer(value.utf8Start).assumingMemoryBound(to: CChar.self),
                                    Int32(value.utf8CodeUnitCount), Statement.staticText))
    }

    /// `SQLITE_STATIC` (a null destructor): SQLite uses the caller's bytes as they are.
    static let staticText: sqlite3_destructor_type? = nil

    public func bindNull(at index: Int32) throws(DatabaseError) {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Runs the statement bound with `bind(_:at:)` to completion and resets it.
    public func run() throws(DatabaseError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    private func check(_ code: Int32) throws(DatabaseError) {
        guard code == SQLITE_OK else { throw DatabaseError(code: code, connection: database.handle, sql: sql) }
    }

    /// Binds and runs a statement that returns no rows (INSERT, UPDATE, DELETE, DDL).
    public func execute(_ values: [DatabaseValue] = []) throws(DatabaseError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Binds, runs and reads every row with `read`.
    public func rows<T>(_ values: [DatabaseValue] = [], _ read: (Statement) throws -> T) throws -> [T] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        var out: [T] = []
        while try step() { out.append(try read(self)) }
        return out
    }

    // MARK: - Columns of the current row (0-based)

    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    /// SQLite's storage classes, as `sqlite3_column_type` gives them.
    public enum StorageClass: Int32 {
        case integer = 1, float = 2, text = 3, blob = 4, null = 5
    }

    /// The storage class of a column: one call, where `isNull` then `int64` make several.
    public func storageClass(at column: Int32) -> StorageClass {
        StorageClass(rawValue: sqlite3_column_type(handle, column)) ?? .null
    }

    /// The integer of a column known to hold one (see `storageClass(at:)`).
    public func integer(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// The text of a column known not to be NULL (see `storageClass(at:)`).
    public func text(at column: Int32) -> String {
        withText(at: column) { String(decoding: $0, as: UTF8.self) }
    }

    public func int64(at column: Int32) -> Int64? {
        isNull(at: column) ? nil : sqlite3_column_int64(handle, column)
    }

    /// The UTF-8 bytes of a column in place (NULL: empty), valid until the statement steps or
    /// resets. Read as a blob with its length: `sqlite3_column_text` would first copy a text
    /// that has no NUL terminator (as JSON functions and record columns return them) to add one.
    public func withText<R>(at column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let bytes = sqlite3_column_blob(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: bytes?.assumingMemoryBound(to: UInt8.self), count: bytes == nil ? 0 : count))
    }

    /// The length in bytes of a column's text (of its value rendered as text, for a number).
    public func byteCount(at column: Int32) -> Int32 {
        sqlite3_column_bytes(handle, column)
    }

    /// The text of a column, NUL characters included (nil: NULL).
    public func string(at column: Int32) -> String? {
        isNull(at: column) ? nil : text(at: column)
    }
}
