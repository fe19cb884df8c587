import CSQLite
@testable import Core
import Foundation
@testable import Storage
import Testing

/// A store you can copy: closing checkpoints the WAL into the file (no -wal, no -shm left), so
/// the file alone is the whole store; a busy store says so; `StoreArchive` makes a consistent
/// copy atomically and never overwrites unasked.
@Suite struct StoreCopyTests {
    /// A store with two years, a replaced submission, a run and its issues.
    static func filledStore(at path: String) throws -> Store {
        let store = try Store(path: path)
        let run = try store.beginRun(configSHA256: "c0ffee", command: "run", started: StoreSamples.received)
        for year in 2023...2024 {
            _ = try store.importSubmission(file: "\(year).xlsx", sha256: "h\(year)", unitCode: "916", year: year, received: StoreSamples.received,
                                           facts: StoreSamples.facts(communes: 40, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"],
                                                                     year: year), issues: [StoreSamples.issue])
        }
        _ = try store.importSubmission(file: "2024b.xlsx", sha256: "h2024b", unitCode: "916", year: 2024, received: StoreSamples.received,
                                       facts: StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong"], base: 7), issues: [])
        try store.finishRun(run, exitStatus: 1, counts: RunCounts(files: 3, facts: 323, issues: 2))
        return store
    }

    /// Every table of the file with its row count, read by a plain read-only connection: what
    /// someone who received the copy would see.
    static func tableCounts(_ path: String) throws -> [String: String] {
        let db = try Database(path: path, create: false, readOnly: true)
        defer { _ = try? db.close() }
        let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").rows { $0.string(at: 0) ?? "" }
        var out: [String: String] = [:]
        for table in tables { out[table] = try db.scalar("SELECT count(*) FROM \"\(table)\"") }
        return out
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func afterCloseTheFileAloneIsTheWholeStore() throws {
        let temp = TemporaryStore()
        let store = try Self.filledStore(at: temp.path)
        let facts = try store.facts(years: 2023...2024)
        let runs = try store.runs()
        #expect(Self.exists(temp.path + "-wal"))  // what was there before: the history sat in the WAL
        #expect(try store.close())
        #expect(!Self.exists(temp.path + "-wal") && !Self.exists(temp.path + "-shm"))

        // The file alone, copied somewhere else, holds everything.
        let elsewhere = temp.folder.appendingPathComponent("copy/xhht.sqlite")
        try FileManager.default.createDirectory(at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: temp.path, toPath: elsewhere.path)
        let counts = try Self.tableCounts(elsewhere.path)
        #expect(counts == (try Self.tableCounts(temp.path)))
        #expect(counts["submissions"] == "3" && counts["runs"] == "1" && counts["issues"] == "2" && counts["fact_rows"] == "323")
        let copy = try Store(path: elsewhere.path)
        #expect(try copy.facts(years: 2023...2024) == facts)
        #expect(try copy.runs() == runs)
        try copy.close()
    }

    @Test func aStoreNobodyClosedIsClosedWhenReleased() throws {
        let temp = TemporaryStore()
        do {
            let store = try Self.filledStore(at: temp.path)
            #expect(try store.facts(year: 2024).count == 3)  // the replacing submission's
        }
        // Released without close(): deinit is the safety net.
        #expect(!Self.exists(temp.path + "-wal"))
        #expect(try Self.tableCounts(temp.path)["submissions"] == "3")
    }

    @Test func closingTwiceIsHarmlessAndAClosedStoreRefusesWork() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        #expect(try store.close())
        #expect(try store.close())
        #expect(throws: DatabaseError.self) { try store.beginRun(configSHA256: "x") }
        #expect(throws: DatabaseError.self) { try store.database.execute("SELECT 1") }
    }

    @Test func aReaderStillOpenKeepsTheWALUntilItCloses() throws {
        let temp = TemporaryStore()
        let store = try Self.filledStore(at: temp.path)
        let reader = try Database(path: temp.path)
        try reader.execute("BEGIN")
        #expect(try reader.scalar("SELECT count(*) FROM submissions") == "3")  // the read transaction holds its snapshot
        try store.beginRun(configSHA256: "later")
        // The checkpoint cannot finish past the reader's snapshot: said, not thrown.
        #expect(try store.close() == false)
        try reader.execute("COMMIT")
        #expect(try reader.close())
        #expect(!Self.exists(temp.path + "-wal"))
        #expect(try Self.tableCounts(temp.path)["runs"] == "2")
    }

    @Test func aStoreAnotherConnectionWritesIsBusyNamingTheFile() throws {
        let temp = TemporaryStore()
        try Store(path: temp.path).close()
        let holder = try Database(path: temp.path)
        try holder.execute("BEGIN IMMEDIATE")
        try holder.execute("INSERT INTO runs(started, config_sha256, command) VALUES ('2024-11-30T00:00:00Z', 'x', 'holder')")
        // A short wait: the test is about the outcome, not the time.
        let store = try Store(path: temp.path, busyTimeout: 20)
        #expect {
            try store.beginRun(configSHA256: "c0ffee")
        } throws: { error in
            guard let error = error as? DatabaseError else { return false }
            return error.isBusy && error.file == temp.path && error.userMessage.contains("thử lại sau") && !error.userMessage.contains("locked")
        }
        try holder.execute("COMMIT")
        try store.beginRun(configSHA256: "c0ffee")
        #expect(try store.runs().map(\.command) == ["holder", "run"])
        try holder.close()
        try store.close()
    }

    @Test func anArchiveIsAConsistentCopyInOneFile() throws {
        let temp = TemporaryStore()
        let store = try Self.filledStore(at: temp.path)  // left open: the history is still in the WAL
        let destination = temp.folder.appendingPathComponent("luu-tru/nam 2024/xhht-2024.sqlite").path
        try StoreArchive.copy(storeAt: temp.path, to: destination)
        #expect(!Self.exists(destination + "-wal"))
        let copy = try Database(path: destination, create: false, readOnly: true)
        #expect(try copy.scalar("PRAGMA journal_mode") == "delete")
        try copy.close()
        #expect(try Self.tableCounts(destination) == (try Self.tableCounts(temp.path)))
        let reopened = try Store(path: destination)
        #expect(try reopened.facts(years: 2023...2024) == (try store.facts(years: 2023...2024)))
        try reopened.close()
        try store.close()
        // Nothing but the copy in its folder (no temporary file left).
        #expect(try FileManager.default.contentsOfDirectory(atPath: (destination as NSString).deletingLastPathComponent) == ["xhht-2024.sqlite"])
    }

    @Test func anArchiveNeverOverwritesUnlessAsked() throws {
        let temp = TemporaryStore()
        let store = try Self.filledStore(at: temp.path)
        let destination = temp.folder.appendingPathComponent("a.sqlite").path
        try Data("giữ nguyên".utf8).write(to: URL(fileURLWithPath: destination))
        #expect(throws: StoreArchiveError.destinationExists(path: destination)) {
            try StoreArchive.copy(storeAt: temp.path, to: destination)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data("giữ nguyên".utf8))
        try StoreArchive.copy(storeAt: temp.path, to: destination, replacing: true)
        #expect(try Self.tableCounts(destination)["submissions"] == "3")
        try store.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.folder.path).sorted() == ["a.sqlite", "nested"])
    }

    @Test func anArchiveOfNothingOrIntoAFileIsRefused() throws {
        let temp = TemporaryStore()
        #expect(throws: StoreArchiveError.noStore(path: temp.path)) {
            try StoreArchive.copy(storeAt: temp.path, to: temp.folder.appendingPathComponent("x.sqlite").path)
        }
        #expect(!Self.exists(temp.path))  // refusing created no empty store
        try Store(path: temp.path).close()
        let aFile = temp.folder.appendingPathComponent("tep")
        try Data().write(to: aFile)
        #expect {
            try StoreArchive.copy(storeAt: temp.path, to: aFile.appendingPathComponent("x.sqlite").path)
        } throws: { error in
            guard case .folder(let folder) = error as? StoreArchiveError else { return false }
            return folder.blocking == aFile.path && "\(error)".contains("là một tệp, không phải thư mục")
        }
        #expect(throws: StoreArchiveError.destinationIsFolder(path: temp.folder.path)) {
            try StoreArchive.copy(storeAt: temp.path, to: temp.folder.path)
        }
    }
}
