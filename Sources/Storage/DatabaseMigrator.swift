import Foundation

/// Versioned schema changes, registered by identifier and applied once each, in registration
/// order (after GRDB.swift's `DatabaseMigrator`).
///
///     var migrator = DatabaseMigrator()
///     migrator.registerMigration("v1: runs") { db in try db.execute("CREATE TABLE runs(...)") }
///     migrator.registerMigration("v2: runs.command") { db in try db.execute("ALTER TABLE runs ADD COLUMN command TEXT") }
///     try migrator.migrate(db)
///
/// Applied identifiers are kept in the table `schema_migrations`. Each migration runs in its
/// own transaction with its bookkeeping row, so a failure leaves the database at the previous
/// version. A registered migration is never edited once shipped: add a new one. A database that
/// holds migrations this program does not know was written by a newer version: it is refused
/// rather than misread.
public struct DatabaseMigrator: Sendable {
    private var migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = []

    public init() {}

    public mutating func registerMigration(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        precondition(!migrations.contains { $0.identifier == identifier }, "migration \(identifier) registered twice")
        migrations.append((identifier, migrate))
    }

    /// Registered identifiers, in order.
    public var identifiers: [String] { migrations.map(\.identifier) }

    /// Identifiers already applied to `db`, in the order they were applied.
    public func appliedIdentifiers(_ db: Database) throws -> [String] {
        try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT NOT NULL PRIMARY KEY, applied TEXT NOT NULL)")
        return try db.prepare("SELECT identifier FROM schema_migrations ORDER BY rowid").rows { $0.string(at: 0) ?? "" }
    }

    /// Applies every registered migration not applied yet.
    public func migrate(_ db: Database) throws {
        try migrate(db, upTo: nil)
    }

    /// Applies the registered migrations up to and including `identifier` (nil: all), for
    /// tests of a migration on data written by the previous schema.
    public func migrate(_ db: Database, upTo identifier: String?) throws {
        let applied = try appliedIdentifiers(db)
        let unknown = applied.filter { id in !self.migrations.contains { $0.identifier == id } }
        guard unknown.isEmpty else {
            throw DatabaseError(code: 1, message: "cơ sở dữ liệu \(db.path) đã được một phiên bản xhht mới hơn nâng cấp (\(unknown.joined(separator: ", "))); hãy dùng phiên bản đó hoặc một tệp paths.store khác.")
        }
        var pending = self.migrations
        if let identifier, let last = pending.firstIndex(where: { $0.identifier == identifier }) {
            pending = Array(pending[...last])
        }
        for migration in pending where !applied.contains(migration.identifier) {
            try db.transaction {
                try migration.migrate(db)
                try db.prepare("INSERT INTO schema_migrations(identifier, applied) VALUES (?, ?)")
                    .execute([.text(migration.identifier), .text(Date().formatted(.iso8601))])
            }
        }
    }
}
