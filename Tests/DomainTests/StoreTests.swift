import CSQLite
@testable import Core
import Foundation
@testable import Storage
import Testing

/// A fresh store in its own temporary folder (removed at the end of the test).
final class TemporaryStore {
    let folder: URL
    let path: String
    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-store-\(UUID().uuidString)")
        path = folder.appendingPathComponent("nested/dir/xhht.sqlite").path
    }
    deinit { try? FileManager.default.removeItem(at: folder) }
}

enum StoreSamples {
    static let received = Date(timeIntervalSince1970: 1_732_950_000)  // 2024-11-30, to the second

    /// `communes` commune rows x the given fields, with cells E7, F7...
    static func facts(communes: Int, fields: [String], year: Int = 2024, file: String = "ninh-kieu.xlsx", base: Int64 = 0) -> [Fact] {
        var out: [Fact] = []
        for c in 0..<communes {
            for (f, field) in fields.enumerated() {
                let value: FieldValue = switch f % 4 {
                case 0: .count(base + Int64(c * 10 + f))
                case 1: .level(f % 3)
                case 2: .yesNo(c % 2 == 0)
                default: .text("ghi chú \(c)")
                }
                out.append(Fact(unitCode: String(format: "%05d", 31117 + c), year: year, field: field, value: value,
                                provenance: Provenance(file: file, sheet: "Cấp xã", cell: "\(Character(UnicodeScalar(UInt8(69 + f % 20))))\(7 + c)")))
            }
        }
        return out
    }

    static let issue = Issue(severity: .warning, rule: "numerator-above-denominator",
                             provenance: Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "F9"),
                             unit: "31123", field: "gia_dinh_dat", message: "Số hộ đạt (1.250) lớn hơn tổng số hộ (1.200).")
}

@Suite struct StoreTests {
    @Test func createsFoldersAndRunsInWAL() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        #expect(FileManager.default.fileExists(atPath: temp.path))
        #expect(try store.database.scalar("PRAGMA journal_mode") == "wal")
        #expect(try store.database.scalar("PRAGMA foreign_keys") == "1")
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
    }

    @Test func factsRoundTripWithProvenance() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"])
        #expect(try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "aa", unitCode: "916", year: 2024,
                                           received: StoreSamples.received, facts: facts, issues: []) == .added)
        #expect(try store.facts(year: 2024) == facts)
        #expect(try store.facts(year: 2023).isEmpty)
        let submission = try #require(try store.submissions(year: 2024).first)
        #expect(submission.unitCode == "916")
        #expect(submission.received == StoreSamples.received)
        #expect(submission.isCurrent)
    }

    @Test func theSameFileTwiceChangesNothing() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = StoreSamples.facts(communes: 5, fields: ["gia_dinh_tong", "gia_dinh_dat"])
        #expect(try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "916", year: 2024,
                                           received: StoreSamples.received, facts: facts, issues: []) == .added)
        let before = try (store.submissions(year: 2024), store.facts(year: 2024))
        let rowsBefore = try store.database.scalar("SELECT count(*) FROM facts")
        #expect(try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "916", year: 2024,
                                           received: StoreSamples.received.addingTimeInterval(3600), facts: facts, issues: []) == .unchanged)
        #expect(try store.submissions(year: 2024) == before.0)
        #expect(try store.facts(year: 2024) == before.1)
        #expect(try store.database.scalar("SELECT count(*) FROM facts") == rowsBefore)
    }

    @Test func aChangedFileReplacesFactsAndKeepsHistory() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let fields = ["gia_dinh_tong", "gia_dinh_dat"]
        let old = StoreSamples.facts(communes: 4, fields: fields)
        let new = StoreSamples.facts(communes: 3, fields: fields, file: "ninh-kieu-v2.xlsx", base: 1000)
        let other = StoreSamples.facts(communes: 2, fields: fields, file: "o-mon.xlsx").map { fact -> Fact in
            var fact = fact; fact.unitCode = "3\(fact.unitCode.dropFirst())9"; return fact
        }
        _ = try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "h1", unitCode: "916", year: 2024, received: StoreSamples.received, facts: old, issues: [])
        _ = try store.importSubmission(file: "o-mon.xlsx", sha256: "h9", unitCode: "917", year: 2024, received: StoreSamples.received, facts: other, issues: [])
        let outcome = try store.importSubmission(file: "ninh-kieu-v2.xlsx", sha256: "h2", unitCode: "916", year: 2024,
                                                 received: StoreSamples.received, facts: new, issues: [])
        guard case .replaced(let previous) = outcome else { Issue.record("expected .replaced, got \(outcome)"); return }
        #expect(previous.sha256 == "h1")
        #expect(previous.file == "ninh-kieu.xlsx")

        let current = try store.facts(year: 2024)
        #expect(current.filter { $0.provenance.file != "o-mon.xlsx" } == new)   // no fact of the old file survives
        #expect(current.filter { $0.provenance.file == "o-mon.xlsx" } == other) // the other district is untouched
        let submissions = try store.submissions(year: 2024)
        #expect(submissions.count == 3)
        let replaced = try #require(submissions.first { $0.sha256 == "h1" })
        let successor = try #require(submissions.first { $0.sha256 == "h2" })
        #expect(replaced.supersededBy == successor.id)
        #expect(previous.supersededBy == successor.id)
        #expect(successor.isCurrent)
        // The history keeps the superseded facts.
        #expect(try store.database.scalar("SELECT count(*) FROM facts WHERE submission_id = ?", [.integer(replaced.id)]) == "\(old.count)")

        // Going back to the first file is a change too, and keeps the chain.
        guard case .replaced(let second) = try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "h1", unitCode: "916", year: 2024,
                                                                     received: StoreSamples.received, facts: old, issues: []) else {
            Issue.record("expected .replaced"); return
        }
        #expect(second.sha256 == "h2")
        #expect(try store.facts(year: 2024).filter { $0.provenance.file != "o-mon.xlsx" } == old)
    }

    /// A nested transaction is a savepoint: its failure undoes its own work only, the outer
    /// transaction goes on and commits; the outer one failing undoes everything.
    @Test func aNestedTransactionIsASavepoint() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        struct Planted: Error {}
        let db = store.database
        try db.transaction {
            try db.execute("INSERT INTO fact_sources(file, sheet) VALUES ('a.xlsx', 'kept')")
            #expect(throws: Planted.self) {
                try db.transaction {
                    try db.execute("INSERT INTO fact_sources(file, sheet) VALUES ('a.xlsx', 'undone')")
                    throw Planted()
                }
            }
            try db.transaction { try db.execute("INSERT INTO fact_sources(file, sheet) VALUES ('a.xlsx', 'released')") }
        }
        #expect(try db.prepare("SELECT sheet FROM fact_sources ORDER BY id").rows { $0.string(at: 0) ?? "" } == ["kept", "released"])
        #expect(throws: Planted.self) {
            try db.transaction {
                try db.transaction { try db.execute("INSERT INTO fact_sources(file, sheet) VALUES ('a.xlsx', 'inner')") }
                throw Planted()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM fact_sources") == "2")
    }

    @Test func aFailureMidImportRollsBack() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let good = StoreSamples.facts(communes: 10, fields: ["gia_dinh_tong", "gia_dinh_dat"])
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "916", year: 2024, received: StoreSamples.received, facts: good, issues: [])
        let before = try (store.submissions(year: 2024), store.facts(year: 2024))

        // A replacement whose 15th fact the schema refuses (an empty field id): by then the old
        // submission was marked superseded and 14 facts were written.
        var bad = StoreSamples.facts(communes: 10, fields: ["gia_dinh_tong", "gia_dinh_dat"], file: "b.xlsx", base: 500)
        bad[14].field = ""
        #expect(throws: DatabaseError.self) {
            try store.importSubmission(file: "b.xlsx", sha256: "h2", unitCode: "916", year: 2024, received: StoreSamples.received,
                                       facts: bad, issues: [StoreSamples.issue])
        }
        #expect(try store.submissions(year: 2024) == before.0)
        #expect(try store.facts(year: 2024) == before.1)
        #expect(try store.database.scalar("SELECT count(*) FROM issues") == "0")
        // And the store still works.
        bad[14].field = "gia_dinh_dat"
        guard case .replaced = try store.importSubmission(file: "b.xlsx", sha256: "h2", unitCode: "916", year: 2024,
                                                         received: StoreSamples.received, facts: bad, issues: []) else {
            Issue.record("expected .replaced"); return
        }
    }

    @Test func factsOfAnotherYearAreRefused() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = StoreSamples.facts(communes: 1, fields: ["x"], year: 2023)
        #expect(throws: DatabaseError.self) {
            try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        }
        #expect(try store.submissions(year: 2024).isEmpty)
    }

    @Test func aConnectionLostMidTransactionLeavesThePreviousState() throws {
        let temp = TemporaryStore()
        do {
            let store = try Store(path: temp.path)
            _ = try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "916", year: 2024, received: StoreSamples.received,
                                           facts: StoreSamples.facts(communes: 2, fields: ["x"]), issues: [])
        }
        do {
            // What a killed process leaves: a transaction begun, rows written, no COMMIT.
            let db = try Database(path: temp.path)
            try db.execute("BEGIN IMMEDIATE")
            try db.execute("UPDATE submissions SET superseded_by = id")
            try db.execute("DELETE FROM facts")
        }
        let reopened = try Store(path: temp.path)
        #expect(try reopened.facts(year: 2024).count == 2)
        #expect(try reopened.submissions(year: 2024).allSatisfy(\.isCurrent))
    }

    @Test func runsAndIssuesAreRecorded() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let run = try store.beginRun(configSHA256: "c0ffee", command: "import", started: StoreSamples.received)
        #expect(store.currentRun == run)
        _ = try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "h1", unitCode: "916", year: 2024, received: StoreSamples.received,
                                       facts: [], issues: [StoreSamples.issue])
        let fileIssue = Issue(severity: .error, rule: "unreadable-file", provenance: Provenance(file: "hỏng.xlsx"), message: "Tệp bị hỏng.")
        try store.record(issues: [fileIssue])
        try store.finishRun(run, exitStatus: 1, counts: RunCounts(files: 2, facts: 0, issues: 2), finished: StoreSamples.received.addingTimeInterval(5))
        #expect(store.currentRun == nil)
        #expect(try store.issues(run: run) == [StoreSamples.issue, fileIssue])
        #expect(try store.submissions(year: 2024).first?.importedRun == run)

        let second = try store.beginRun(configSHA256: "c0ffee")
        // An unchanged file's issues are reported again for the new run; its facts are not rewritten.
        #expect(try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "h1", unitCode: "916", year: 2024,
                                           received: StoreSamples.received, facts: [], issues: [StoreSamples.issue]) == .unchanged)
        #expect(try store.issues(run: second) == [StoreSamples.issue])
        let runs = try store.runs()
        #expect(runs.map(\.id) == [run, second])
        #expect(runs[0].exitStatus == 1 && runs[0].counts == RunCounts(files: 2, facts: 0, issues: 2) && runs[0].command == "import")
        #expect(runs[0].finished == StoreSamples.received.addingTimeInterval(5))
        #expect(runs[1].finished == nil)
    }

    @Test func historyAcrossYearsForReviews() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        for year in 2023...2025 {
            _ = try store.importSubmission(file: "\(year).xlsx", sha256: "h\(year)", unitCode: "916", year: year, received: StoreSamples.received,
                                           facts: StoreSamples.facts(communes: 2, fields: ["gia_dinh_dat"], year: year), issues: [])
        }
        let review = try store.facts(years: 2023...2025)
        #expect(review.map(\.year) == [2023, 2023, 2024, 2024, 2025, 2025])
        #expect(try store.facts(years: 2024...2030).map(\.year) == [2024, 2024, 2025, 2025])
    }

    @Test func factsWrittenByTheFirstSchemaSurviveItsMigration() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let path = temp.folder.appendingPathComponent("old.sqlite").path
        do {
            let db = try Database(path: path)
            try Store.migrator.migrate(db, upTo: Store.migrator.identifiers[0])
            #expect(try Store.migrator.appliedIdentifiers(db) == [Store.migrator.identifiers[0]])
            try db.execute("""
                INSERT INTO submissions(id, file, sha256, unit_code, year, received) VALUES (1, 'a.xlsx', 'h', '916', 2024, '2024-11-30T07:00:00Z');
                INSERT INTO facts(submission_id, unit_code, year, field, value_type, integer_value, text_value, file, sheet, cell) VALUES
                    (1, '31117', 2024, 'gia_dinh_dat', 'count', 950, NULL, 'a.xlsx', 'Cấp xã', 'F7'),
                    (1, '31117', 2024, 'ghi_chu', 'text', NULL, 'mới', 'a.xlsx', 'Cấp xã', 'X7');
                """)
        }
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try store.facts(year: 2024) == [
            Fact(unitCode: "31117", year: 2024, field: "gia_dinh_dat", value: .count(950), provenance: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "F7")),
            Fact(unitCode: "31117", year: 2024, field: "ghi_chu", value: .text("mới"), provenance: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "X7")),
        ])
    }

    @Test func emptyTextsStayTextsNotNulls() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let fact = Fact(unitCode: "31117", year: 2024, field: "ghi_chu", value: .text(""), provenance: Provenance(file: "a.xlsx"))
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: [fact], issues: [])
        #expect(try store.facts(year: 2024) == [fact])
    }

    @Test func aStoreFromANewerProgramIsRefused() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        try store.database.execute("INSERT INTO schema_migrations VALUES ('2031-v9: future', '2031-01-01T00:00:00Z')")
        #expect(throws: DatabaseError.self) { try Store(path: temp.path) }
    }
}

@Suite struct StoreMigratorTests {
    @Test func migrationsApplyOnceInOrderAndAFailedOneLeavesNoTrace() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let db = try Database(path: temp.folder.appendingPathComponent("m.sqlite").path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("a") { db in try db.execute("CREATE TABLE t(x INTEGER)") }
        migrator.registerMigration("b") { db in try db.execute("ALTER TABLE t ADD COLUMN y TEXT") }
        try migrator.migrate(db)
        try migrator.migrate(db)  // idempotent
        #expect(try migrator.appliedIdentifiers(db) == ["a", "b"])

        var broken = migrator
        broken.registerMigration("c") { db in
            try db.execute("CREATE TABLE u(x INTEGER)")
            try db.execute("INSERT INTO nowhere VALUES (1)")
        }
        #expect(throws: DatabaseError.self) { try broken.migrate(db) }
        #expect(try migrator.appliedIdentifiers(db) == ["a", "b"])
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'u'") == "0")
    }

    @Test func statementsBindAndReadEveryStorageClass() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let db = try Database(path: temp.folder.appendingPathComponent("s.sqlite").path)
        try db.execute("CREATE TABLE t(a TEXT, b INTEGER)")
        let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
        try insert.execute(["Phường Cái Khế", 31117])
        try insert.execute([.null, .integer(Int64.min)])
        try insert.execute(["Ninh Kiều\u{0301}", nil])
        let rows = try db.prepare("SELECT a, b FROM t ORDER BY rowid").rows { ($0.string(at: 0), $0.int64(at: 1)) }
        #expect(rows.map(\.0) == ["Phường Cái Khế", nil, "Ninh Kiều\u{0301}"])
        #expect(rows.map(\.1) == [31117, Int64.min, nil])
        #expect(throws: DatabaseError.self) { try db.prepare("SELEC nothing") }
    }
}
