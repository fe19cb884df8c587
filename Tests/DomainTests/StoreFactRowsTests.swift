@testable import Core
import Foundation
@testable import Intake
@testable import Storage
import Testing

/// Facts one SQLite row each (migration 2024-v7): written by both import paths, read back in
/// order, queried and deleted in the sqlite3 shell, and carried over from the packed chunks of
/// 2024-v4 to v6.
@Suite struct StoreFactRowsTests {
    static func fact(_ unit: String, _ field: String, _ value: FieldValue, cell: String, file: String = "a.xlsx", sheet: String = "Cấp xã") -> Fact {
        Fact(unitCode: unit, year: 2024, field: field, value: value, provenance: Provenance(file: file, sheet: sheet, cell: cell))
    }

    /// `facts` imported into a fresh store (`temp`, kept alive by the caller).
    static func store(_ facts: [Fact], in temp: TemporaryStore) throws -> Store {
        let store = try Store(path: temp.path)
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        return store
    }

    /// Every fact of the store as the sqlite3 shell shows it, one line each, by submission and
    /// position: the columns of the 2024-v4 to v6 view, in its order.
    static let shellRows = """
        SELECT f.submission_id, f.seq, f.unit_code, s.year, f.field, f.value_type, f.integer_value, f.text_value, f.source_id, src.file, src.sheet, f.cell
        FROM facts f JOIN submissions s ON s.id = f.submission_id LEFT JOIN fact_sources src ON src.id = f.source_id
        ORDER BY f.submission_id, f.seq
        """
    static func rows(_ db: Database, _ sql: String = shellRows) throws -> [String] {
        try db.prepare(sql).rows { row in (0..<12).map { row.isNull(at: $0) ? "NULL" : row.string(at: $0) ?? "" }.joined(separator: "|") }
    }

    @Test func textsAndExtremeIntegersRoundTrip() throws {
        let temp = TemporaryStore()
        let controls = String(String.UnicodeScalarView((1..<0x20).compactMap(Unicode.Scalar.init)))
        let texts = ["Ghi \"chú\"", #"C:\thư mục\tệp"#, "dòng 1\ndòng 2\r\n", "cột\tcột", controls, "\u{7f}",
                     "Phường Cái Khế, xã Mỹ Khánh: đạt chuẩn", "Ninh Kiều\u{0301}", "😀 ký tự ngoài BMP 𝄞", "", "\\\"", "\"", "\\"]
        var facts = texts.enumerated().map { i, text in Self.fact("31117", "ghi_chu_\(i)", .text(text), cell: "G\(7 + i)") }
        facts += [Int64.max, Int64.min, 0, -1, -1_234_567_890_123, 9].enumerated().map { i, n in Self.fact("31120", "so_\(i)", .count(n), cell: "E\(7 + i)") }
        facts += [Int.max, Int.min, 0, -3, 4].enumerated().map { i, n in Self.fact("31120", "muc_\(i)", .level(n), cell: "F\(7 + i)") }
        facts += [Self.fact("31120", "co", .yesNo(true), cell: "H7"), Self.fact("31120", "khong", .yesNo(false), cell: "H8")]
        // Quotes, backslashes and characters outside the BMP in the field, the cell, the unit,
        // the file and the sheet too.
        facts.append(Self.fact("3\"1\\2😀", "f\"\\\u{1}😀", .count(1), cell: "Z\"9\\😀", file: "tệp \"mới\"\\.xlsx", sheet: "Sheet\t\"1\""))
        let store = try Self.store(facts, in: temp)
        #expect(try store.facts(year: 2024) == facts)
        #expect(try store.database.scalar("SELECT count(*) FROM facts") == "\(facts.count)")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_sources") == "2")
    }

    /// A cell is stored as it was read, whatever its shape.
    @Test func cellsOfEveryShapeRoundTrip() throws {
        let temp = TemporaryStore()
        let cells = ["E7", "", "7", "0", "E0", "E07", "E007", "E1048576", "E123456789", "E1234567890", "E99999999999999999999", "123456789",
                     "1234567890", "Sheet!E7", "'Cấp xã'!AB12", "A1B2", "E-5", "E 7", "ô7", "E\u{0301}7", "\u{0600}7", "7\u{0301}", "E7\n",
                     "E\"7", "😀9", "E١٢"]
        let facts = cells.enumerated().map { i, cell in Self.fact("u\(i)", "f", .count(Int64(i)), cell: cell) }
        let store = try Self.store(facts, in: temp)
        #expect(try store.facts(year: 2024) == facts)
        #expect(try store.facts(year: 2024).map(\.provenance.cell.utf8).map(Array.init) == cells.map { Array($0.utf8) })
        #expect(try store.database.prepare("SELECT cell FROM facts ORDER BY seq").rows { $0.string(at: 0) ?? "NULL" } == cells)
    }

    /// The facts are rows of `fact_rows` (WITHOUT ROWID, keyed by submission and position,
    /// field ids and one value column); `facts` is a view with names that the sqlite3 shell
    /// reads and filters like a table, and counts without its lookups.
    @Test func theFactsViewHasOneRowPerFact() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(950), cell: "E7"), Self.fact("31117", "ghi_chu", .text("mới"), cell: "X7"),
                     Self.fact("31120", "co_tt", .yesNo(false), cell: "F8"), Self.fact("31120", "ghi_chu", .text(""), cell: "X08"),
                     Self.fact("31120", "muc", .level(2), cell: "G8", sheet: "Cấp huyện")]
        let store = try Self.store(facts, in: temp)
        #expect(try Self.rows(store.database) == [
            "1|0|31117|2024|gia_dinh_dat|count|950|NULL|1|a.xlsx|Cấp xã|E7",
            "1|1|31117|2024|ghi_chu|text|NULL|mới|1|a.xlsx|Cấp xã|X7",
            "1|2|31120|2024|co_tt|yes-no|0|NULL|1|a.xlsx|Cấp xã|F8",
            "1|3|31120|2024|ghi_chu|text|NULL||1|a.xlsx|Cấp xã|X08",
            "1|4|31120|2024|muc|level|2|NULL|2|a.xlsx|Cấp huyện|G8",
        ])
        #expect(try store.database.scalar("SELECT type FROM sqlite_master WHERE name = 'facts'") == "view")
        #expect(try store.database.scalar("SELECT type FROM sqlite_master WHERE name = 'fact_rows'") == "table")
        #expect(try store.database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'fact_chunks'") == "0")
        #expect(try store.database.prepare("SELECT name FROM pragma_index_info('sqlite_autoindex_fact_rows_1')").rows { $0.string(at: 0) ?? "" }
                == ["submission_id", "seq"])
        #expect(throws: DatabaseError.self) { try store.database.scalar("SELECT rowid FROM fact_rows") }  // WITHOUT ROWID
        #expect(try store.database.prepare("SELECT field, value_type FROM fields ORDER BY id").rows { "\($0.text(at: 0)) \($0.text(at: 1))" }
                == ["gia_dinh_dat count", "ghi_chu text", "co_tt yes-no", "muc level"])
        #expect(try store.database.scalar("SELECT typeof(integer_value) FROM facts WHERE field = 'gia_dinh_dat'") == "integer")
        #expect(try store.database.scalar("SELECT typeof(text_value) FROM facts WHERE cell = 'X08'") == "text")
        #expect(try store.database.scalar("SELECT sum(integer_value) FROM facts WHERE unit_code = '31120' AND value_type <> 'text'") == "2")
        // Counting reads fact_rows alone: the view's lookups are left out.
        let plan = try store.database.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM facts").rows { $0.string(at: 3) ?? "" }
        #expect(plan.count == 1 && plan.allSatisfy { $0.contains("fact_rows") }, "\(plan)")
    }

    /// A unit's facts deleted in the sqlite3 shell (through the view) are gone, the others stay
    /// in their order; the view takes no updates, and the table's CHECKs and foreign keys refuse
    /// a row the store could not read back.
    @Test func deletingAUnitInTheShellDeletesThoseFactsOnly() throws {
        let temp = TemporaryStore()
        let facts = StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"])
        let store = try Self.store(facts, in: temp)
        try store.database.execute("DELETE FROM facts WHERE field = 'cdht_xa_muc' OR unit_code = '31119'")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode != "31119" })
        try store.database.execute("DELETE FROM facts WHERE unit_code <> '31118'")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode == "31118" })
        for wrong in ["UPDATE facts SET unit_code = '1'", "UPDATE fact_rows SET unit_code = ''", "UPDATE fact_rows SET value = NULL",
                      "UPDATE fact_rows SET value = 1.5", "UPDATE fact_rows SET value = x'01'", "UPDATE fact_rows SET field_id = 99",
                      "UPDATE fact_rows SET source_id = 99", "UPDATE fields SET value_type = 'số'", "UPDATE fields SET field = ''",
                      "DELETE FROM fields", "DELETE FROM submissions"] {
            #expect(throws: DatabaseError.self, "\(wrong)") { try store.database.execute(wrong) }
        }
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode == "31118" })
    }

    /// A row the shell made unreadable (CHECKs or foreign keys switched off: a value of the
    /// wrong type, a field or source that is gone) is refused with a message, not read as
    /// something else.
    @Test func aTamperedRowIsRefused() throws {
        for tamper in ["UPDATE fact_rows SET value = 'một'", "PRAGMA ignore_check_constraints = ON; UPDATE fields SET value_type = 'số'",
                       "PRAGMA foreign_keys = OFF; UPDATE fact_rows SET source_id = 99", "PRAGMA foreign_keys = OFF; UPDATE fact_rows SET field_id = 99"] {
            let temp = TemporaryStore()
            let store = try Self.store([Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7")], in: temp)
            try store.database.execute(tamper)
            do {
                let facts = try store.facts(year: 2024)
                Issue.record("accepted \(tamper): \(facts)")
            } catch let error as DatabaseError {
                #expect(error.code == 11, "\(tamper): \(error)")
            }
        }
    }

    /// A fact without a unit code or field is refused with a message naming its cell, before
    /// the table's CHECK would: the whole import is refused, by both paths.
    @Test func aFactWithoutAUnitCodeOrFieldIsRefused() throws {
        let columns = RecordColumns(fields: ["gia_dinh_dat", ""], letters: ["E", "F"])
        func record(_ unit: String, _ slots: [FieldValue?]) -> NormalizedRecord {
            NormalizedRecord(unitCode: unit, unitName: unit, writtenName: unit, level: .commune, sheet: "Cấp xã", row: 7, columns: columns,
                             slots: slots, unitCell: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "C7"))
        }
        let cases: [(facts: [Fact]?, records: [NormalizedRecord]?)] = [
            ([Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7"), Self.fact("", "gia_dinh_dat", .count(2), cell: "E8")], nil),
            ([Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7"), Self.fact("31117", "", .count(2), cell: "E8")], nil),
            (nil, [record("31117", [.count(1), nil]), record("", [nil, .count(2)])]),
            (nil, [record("31117", [.count(1), nil]), record("31118", [.count(1), .count(2)])]),
        ]
        for (facts, records) in cases {
            let temp = TemporaryStore()
            let store = try Store(path: temp.path)
            do {
                if let facts {
                    _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received,
                                                   facts: facts, issues: [])
                } else {
                    _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received,
                                                   records: records!, issues: [])
                }
                Issue.record("accepted a fact without a unit code or field")
            } catch let error as DatabaseError {
                #expect(error.code == 19)
            }
            #expect(try store.submissions(year: 2024).isEmpty)
            #expect(try store.database.scalar("SELECT count(*) FROM facts") == "0")
        }
    }

    /// A store written by the third schema (one row per fact) goes through the packing of
    /// 2024-v4, the columns of 2024-v5 and the rows of 2024-v7 with every fact, current and
    /// superseded, in order.
    @Test func factsOfTheThirdSchemaSurviveEveryMigration() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let path = temp.folder.appendingPathComponent("v3.sqlite").path
        let v3 = try #require(Store.migrator.identifiers.first { $0.hasPrefix("2024-v3") })
        var current = StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"], file: "b.xlsx")
        current.append(Self.fact("31117", "ghi_chu_2", .text("Ghi \"chú\"\n\t\\ \u{1}"), cell: "Z7", file: "b.xlsx"))  // 31117 again, after 31119
        current.append(Self.fact("31117", "so", .count(Int64.min), cell: "E7", file: "b.xlsx", sheet: "Khác"))
        let old = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], file: "a.xlsx")
        let other = StoreSamples.facts(communes: 70, fields: ["gia_dinh_tong"], year: 2023, file: "c.xlsx")
        do {
            let db = try Database(path: path)
            try Store.migrator.migrate(db, upTo: v3)
            #expect(try Store.migrator.appliedIdentifiers(db).last == v3)
            try Self.insertThirdSchema(facts: [(2, current), (1, old), (3, other)], into: db)
        }
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try store.facts(year: 2024) == current)
        #expect(try store.facts(years: 2023...2024) == other + current)
        // The superseded submission keeps its facts; positions are numbered from 0.
        #expect(try store.database.scalar("SELECT count(*) FROM facts WHERE submission_id = 1") == "\(old.count)")
        #expect(try store.database.prepare("SELECT seq FROM facts WHERE submission_id = 2 ORDER BY seq").rows { $0.int64(at: 0) }
                == (0..<Int64(current.count)).map { $0 })
        #expect(try store.database.prepare("SELECT seq FROM facts WHERE submission_id = 3 ORDER BY seq").rows { $0.int64(at: 0) }
                == (0..<Int64(other.count)).map { $0 })
        try Self.expectNewImports(of: old, into: store)
    }

    /// A migrated store takes new imports: `facts` replace its current 2024 submission.
    static func expectNewImports(of facts: [Fact], into store: Store) throws {
        guard case .replaced = try store.importSubmission(file: "d.xlsx", sha256: "h4", unitCode: "916", year: 2024,
                                                         received: StoreSamples.received, facts: facts, issues: []) else {
            Issue.record("expected .replaced"); return
        }
        #expect(try store.facts(year: 2024) == facts)
    }

    /// Submissions 1 (superseded by 2), 2 and 3 (2023) and their facts as the third schema's
    /// importSubmission wrote them, but with positions that do not start at 0 and have gaps
    /// (rowids of the first schema, kept by 2024-v2).
    static func insertThirdSchema(facts: [(submission: Int64, facts: [Fact])], into db: Database) throws {
        try db.execute("""
            INSERT INTO submissions(id, file, sha256, unit_code, year, received, superseded_by) VALUES
                (1, 'a.xlsx', 'h1', '916', 2024, '2024-11-30T07:00:00Z', 2),
                (2, 'b.xlsx', 'h2', '916', 2024, '2024-11-30T08:00:00Z', NULL),
                (3, 'c.xlsx', 'h3', '916', 2023, '2024-11-30T08:00:00Z', NULL);
            """)
        let insert = try db.prepare("""
            INSERT INTO facts(submission_id, seq, unit_code, year, field, value_type, integer_value, text_value, source_id, cell)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM fact_sources WHERE file = ? AND sheet = ?), ?)
            """)
        for (submission, facts) in facts {
            for (i, fact) in facts.enumerated() {
                let p = fact.provenance
                try db.prepare("INSERT OR IGNORE INTO fact_sources(file, sheet) VALUES (?, ?)").execute([.text(p.file), .text(p.sheet)])
                let (type, integer, text): (String, Int64?, String?) = switch fact.value {
                case .count(let n): ("count", n, nil)
                case .level(let n): ("level", Int64(n), nil)
                case .yesNo(let b): ("yes-no", b ? 1 : 0, nil)
                case .text(let t): ("text", nil, t)
                }
                try insert.execute([.integer(submission), .integer(100 + Int64(i) * 3), .text(fact.unitCode), DatabaseValue(fact.year),
                                    .text(fact.field), .text(type), DatabaseValue(integer), DatabaseValue(text),
                                    .text(p.file), .text(p.sheet), .text(p.cell)])
            }
        }
    }

    /// A store of 2024-v4 (chunks packed by 2024-v4's migration from third-schema rows, some
    /// then deleted through its view, so that positions have gaps) converts to 2024-v5 with the
    /// same facts in the same order, and on to the rows of 2024-v7: the table shows what the view
    /// showed, row for row.
    @Test func chunksOfTheFourthSchemaBecomeRows() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let path = temp.folder.appendingPathComponent("v4.sqlite").path
        let (v3, v4) = (try #require(Store.migrator.identifiers.first { $0.hasPrefix("2024-v3") }),
                        try #require(Store.migrator.identifiers.first { $0.hasPrefix("2024-v4") }))
        // Cells without digits, with a leading zero, digits only, empty; a field of two kinds;
        // a unit in two runs; texts with quotes and control characters; the same fact twice.
        var current = [
            Self.fact("31117", "so", .count(1), cell: "E7"), Self.fact("31117", "so", .text("một \"1\"\n\u{1}\\"), cell: "E07"),
            Self.fact("31117", "ghi_chu", .text(""), cell: "Ghi chú"), Self.fact("31117", "muc", .level(Int.min), cell: ""),
            Self.fact("31120", "so", .count(Int64.max), cell: "123"), Self.fact("31120", "co", .yesNo(true), cell: "Sheet!F8"),
            Self.fact("31117", "co", .yesNo(false), cell: "F7"), Self.fact("31117", "so", .count(1), cell: "E7"),
            Self.fact("31117", "so", .count(2), cell: "E7", sheet: "Khác"), Self.fact("31121", "so", .count(3), cell: "E1234567890"),
            Self.fact("31121", "ghi_chu", .text("😀"), cell: "E0"),
        ]
        let other = StoreSamples.facts(communes: 70, fields: ["gia_dinh_tong", "ghi_chu"], year: 2023, file: "c.xlsx")
        let old = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], file: "a.xlsx")
        let viewRows = "SELECT * FROM facts ORDER BY submission_id, seq"
        let before: [String]
        do {
            let db = try Database(path: path)
            try Store.migrator.migrate(db, upTo: v3)
            try Self.insertThirdSchema(facts: [(2, current), (1, old), (3, other)], into: db)
            try Store.migrator.migrate(db, upTo: v4)
            #expect(try Store.migrator.appliedIdentifiers(db).last == v4)
            #expect(try db.scalar("SELECT facts FROM fact_chunks WHERE submission_id = 2 ORDER BY seq LIMIT 1")?.hasPrefix(#"["31117",[["so","count",1,"E7"]"#) == true)
            // Gaps: a whole chunk of 2023 (its second), a unit row and single values.
            try db.execute("""
                DELETE FROM facts WHERE submission_id = 3 AND seq >= 128;
                DELETE FROM facts WHERE submission_id = 3 AND unit_code = '31118';
                DELETE FROM facts WHERE submission_id = 2 AND cell IN ('', '123');
                """)
            before = try Self.rows(db, viewRows)
        }
        current.removeAll { $0.provenance.cell == "" || $0.provenance.cell == "123" }
        let remaining = other.prefix(128).filter { $0.unitCode != "31118" }
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try store.facts(year: 2024) == current)
        #expect(try store.facts(years: 2023...2024) == Array(remaining) + current)
        #expect(try Self.rows(store.database) == before)
        #expect(before.count == current.count + remaining.count + old.count)
        try Self.expectNewImports(of: old, into: store)
    }


    /// A store of 2024-v6, its facts packed by the writer of 2024-v5/v6 (`FactChunks`, kept for
    /// 2024-v5's migration; its facts path, which wrote the same chunks as its records path), some withdrawn and some superseded, becomes rows: every submission
    /// keeps its facts in order, the table shows what the view showed, and the current ones
    /// read back as imported.
    @Test func chunksOfTheSixthSchemaBecomeRows() throws {
        let temp = TemporaryStore()
        try FileManager.default.createDirectory(at: temp.folder, withIntermediateDirectories: true)
        let path = temp.folder.appendingPathComponent("v6.sqlite").path
        let v6 = try #require(Store.migrator.identifiers.first { $0.hasPrefix("2024-v6") })
        let columns = RecordColumns(fields: ["cdht_xa_muc", "ghi_chu", "gia_dinh_tong", "tthtcd_co"], letters: ["D", "S", "E", "O"])
        func records(_ units: Range<Int>, sheet: String = "Cấp xã", file: String) -> [NormalizedRecord] {
            units.map { i in
                NormalizedRecord(unitCode: "\(31000 + i)", unitName: "", writtenName: "", level: .commune, sheet: sheet, row: 7 + i, columns: columns,
                                 slots: [i % 3 == 0 ? nil : .level(i % 4), i % 5 == 0 ? .text("ghi \"chú\" \(i)") : nil, .count(Int64(i) * 11 - 40),
                                         i % 2 == 0 ? .yesNo(i % 4 == 0) : nil],
                                 unitCell: Provenance(file: file, sheet: sheet, cell: "C\(7 + i)"))
            }
        }
        // 1 superseded by 2; 3 withdrawn; 4 of 2023, over two sheets and more than one chunk.
        let submissions: [(id: Int64, unit: String, year: Int, file: String, records: [NormalizedRecord])] = [
            (1, "916", 2024, "a.xlsx", records(0..<5, file: "a.xlsx")), (2, "916", 2024, "b.xlsx", records(0..<(PackedFactsWriter.chunkUnits + 30), file: "b.xlsx")),
            (3, "917", 2024, "c.xlsx", records(100..<103, file: "c.xlsx")),
            (4, "916", 2023, "d.xlsx", records(0..<70, file: "d.xlsx") + records(70..<75, sheet: "Cấp huyện", file: "d.xlsx")),
        ]
        let before: [String]
        do {
            let db = try Database(path: path)
            try Store.migrator.migrate(db, upTo: v6)
            try db.execute("""
                INSERT INTO submissions(id, file, sha256, unit_code, year, received, superseded_by, withdrawn) VALUES
                    (1, 'a.xlsx', 'h1', '916', 2024, '2024-11-30T07:00:00Z', 2, NULL),
                    (2, 'b.xlsx', 'h2', '916', 2024, '2024-11-30T08:00:00Z', NULL, NULL),
                    (3, 'c.xlsx', 'h3', '917', 2024, '2024-11-30T08:00:00Z', NULL, '2024-12-01T08:00:00Z'),
                    (4, 'd.xlsx', 'h4', '916', 2023, '2024-11-30T08:00:00Z', NULL, NULL);
                """)
            let insert = try db.prepare("INSERT INTO fact_chunks(submission_id, seq, source_id, facts) VALUES (?1, ?2, ?3, ?4)")
            for submission in submissions {
                insert.reset()
                try insert.bind(submission.id, at: 1)
                var chunks = FactChunks(insert: insert) { file, sheet in
                    try db.prepare("INSERT OR IGNORE INTO fact_sources(file, sheet) VALUES (?, ?)").execute([.text(file), .text(sheet)])
                    return try db.prepare("SELECT id FROM fact_sources WHERE file = ? AND sheet = ?").rows([.text(file), .text(sheet)]) {
                        $0.int64(at: 0) ?? 0
                    }[0]
                }
                let facts = submission.records.flatMap { $0.facts(year: submission.year) }
                try facts.withUnsafeBufferPointer { facts in
                    for i in facts.indices { try chunks.append(facts.baseAddress! + i) }
                }
                try chunks.flush()
            }
            insert.reset()
            #expect(try Int(db.scalar("SELECT count(*) FROM fact_chunks WHERE submission_id = 2") ?? "") ?? 0 > 1)
            before = try Self.rows(db, "SELECT * FROM facts ORDER BY submission_id, seq")
        }
        let facts = submissions.map { s in s.records.flatMap { $0.facts(year: s.year) } }
        #expect(before.count == facts.map(\.count).reduce(0, +))
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try Self.rows(store.database) == before)
        #expect(try store.facts(year: 2024) == facts[1])
        #expect(try store.facts(years: 2023...2024) == facts[3] + facts[1])
        #expect(try store.submissions(year: 2024).map(\.id) == [1, 2, 3])
        // The withdrawn submission comes back with its facts when its file does.
        guard case .restored = try store.importSubmission(file: "c.xlsx", sha256: "h3", unitCode: "917", year: 2024, received: StoreSamples.received,
                                                          records: submissions[2].records, issues: []) else {
            Issue.record("expected .restored"); return
        }
        #expect(try store.facts(year: 2024) == facts[1] + facts[2])
    }

    /// Validation hands the store whole rows: importing them must store exactly what importing
    /// their facts stores (same rows, same facts read back), rows without values included
    /// (skipped), missing slots and a text that needs escaping; and odd letters and rows.
    @Test func importingRecordsStoresWhatImportingTheirFactsStores() throws {
        let columns = RecordColumns(fields: ["gia_dinh_tong", "ghi_chu", "cdht_xa_muc", "tthtcd_co"], letters: ["E", "S", "D", "O"])
        func record(_ unit: String, row: Int, sheet: String = "Cấp xã", _ slots: [FieldValue?]) -> NormalizedRecord {
            NormalizedRecord(unitCode: unit, unitName: unit, writtenName: unit, level: .commune, sheet: sheet, row: row, columns: columns,
                             slots: slots, unitCell: Provenance(file: "nk.xlsx", sheet: sheet, cell: "C\(row)"))
        }
        // Slots follow field id order: cdht_xa_muc, ghi_chu, gia_dinh_tong, tthtcd_co.
        let records = [
            record("31117", row: 7, [.level(2), .text("Ghi \"chú\"\n"), .count(1234), .yesNo(true)]),
            record("31120", row: 8, [nil, nil, nil, nil]),
            record("31123", row: 1_048_575, [nil, nil, .count(-5), .yesNo(false)]),
            record("31123", row: 1_048_576, [nil, .text("x"), .count(7), nil]),
            record("31124", row: 9, [.level(1), nil, nil, nil]),
            record("916", row: 4, sheet: "Cấp huyện", [.level(3), nil, .count(Int64.max), nil]),
            // Field ids and letters that need escaping, in columns of their own; letters that end
            // in a digit, no letters, and rows that do not split back (0, negative, too long).
            NormalizedRecord(unitCode: "917", unitName: "917", writtenName: "917", level: .district, sheet: "Khác", row: 9,
                             columns: RecordColumns(fields: ["a\"b\\c", "d\u{1}", "e", "f"], letters: ["X\"", "Y", "Z1", ""]),
                             slots: [.count(1), .text("é"), .count(2), .count(3)], unitCell: Provenance(file: "nk.xlsx", sheet: "Khác", cell: "C9")),
            record("31125", row: 0, sheet: "Khác", [.level(1), nil, .count(0), nil]),
            record("31126", row: -3, sheet: "Khác", [.level(1), nil, nil, nil]),
            record("31127", row: 1_000_000_000, sheet: "Khác", [.level(1), nil, nil, nil]),
        ]
        let temps = (TemporaryStore(), TemporaryStore())
        let (byRecords, byFacts, facts) = try Self.importBothWays(records, file: "nk.xlsx", into: temps)
        #expect(facts.count == 19)
        #expect(try byRecords.facts(year: 2024) == facts)
        #expect(try byFacts.facts(year: 2024) == facts)
        #expect(try Self.rows(byRecords.database) == Self.rows(byFacts.database))
        #expect(try Self.rows(byRecords.database).count == 19)
        #expect(try byRecords.facts(year: 2024).map(\.provenance.cell)
                == ["D7", "S7", "E7", "O7", "E1048575", "O1048575", "S1048576", "E1048576", "D9", "D4", "E4", "X\"9", "Y9", "Z19", "9",
                    "D0", "E0", "D-3", "D1000000000"])
    }

    /// Random sparse records over three sheets (one with long field ids, so that the
    /// descriptors outgrow the room the writer leaves for them), the same unit again, the same
    /// row again, a slot read as another type now and then: both paths store the same rows and
    /// read back what was imported.
    @Test func randomSparseRecordsStoreTheSameRowsBothWays() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let sheets = [
            ("Cấp xã", RecordColumns(fields: (0..<16).map { "f\($0)" }, letters: (0..<16).map { String(UnicodeScalar(UInt8(65 + $0))) })),
            ("Cấp huyện", RecordColumns(fields: ["a", "b", "c"], letters: ["AA", "AB", "AC"])),
            ("Dài", RecordColumns(fields: (0..<120).map { "chi_tieu_rat_dai_de_thu_cho_\($0)_\(String(repeating: "x", count: 20))" },
                                  letters: (0..<120).map { "Z\($0 % 10 == 0 ? "" : "Q")\($0 / 10 == 0 ? "" : String(UnicodeScalar(UInt8(65 + $0 / 10))))" })),
        ]
        var records: [NormalizedRecord] = []
        var row = 7
        for _ in 0..<1_500 {
            let (sheet, columns) = sheets[random(10) < 8 ? 0 : 1 + random(2)]
            if random(10) > 0 { row += 1 }  // now and then the same row again
            let unit = random(20) == 0 ? (records.last?.unitCode ?? "u") : "u\(random(400))"
            let slots: [FieldValue?] = columns.fields.indices.map { _ in
                switch random(12) {
                case 0..<4: nil
                case 4..<8: .count(Int64(random(100_000)) - 50)
                case 8: .level(random(4))
                case 9: .yesNo(random(2) == 1)
                case 10: .text("ghi \"chú\" \(random(100))")
                default: random(2) == 0 ? .text("") : .count(Int64.min)
                }
            }
            records.append(NormalizedRecord(unitCode: unit, unitName: unit, writtenName: unit, level: .commune, sheet: sheet, row: row,
                                            columns: columns, slots: slots, unitCell: Provenance(file: "r.xlsx", sheet: sheet, cell: "C\(row)")))
        }
        let temps = (TemporaryStore(), TemporaryStore())
        let (byRecords, byFacts, facts) = try Self.importBothWays(records, file: "r.xlsx", into: temps)
        #expect(try Self.rows(byRecords.database) == Self.rows(byFacts.database))
        #expect(try byRecords.facts(year: 2024) == facts)
        #expect(try byRecords.database.prepare("SELECT seq FROM facts ORDER BY seq").rows { $0.int64(at: 0) } == (0..<Int64(facts.count)).map { $0 })
    }

    /// Rows go in batches of `FactRowWriter.batchRows`: a submission of one fewer, exactly as
    /// many, one more, two batches and a bit, stores and reads back every fact in order, by both
    /// paths, and the next submission's positions start at 0 again.
    @Test func everyFactAroundTheBatchEndsIsStored() throws {
        let batch = FactRowWriter.batchRows
        let columns = RecordColumns(fields: ["a", "b"], letters: ["E", "F"])
        for count in [1, batch - 1, batch, batch + 1, 2 * batch + 3] {
            // Two values a record: `count` facts, the last record with one when count is odd.
            let records = stride(from: 0, to: count, by: 2).map { i in
                NormalizedRecord(unitCode: "u\(i / 2)", unitName: "", writtenName: "", level: .commune, sheet: "Cấp xã", row: 7 + i, columns: columns,
                                 slots: [.count(Int64(i)), i + 1 < count ? .text("t\(i)") : nil],
                                 unitCell: Provenance(file: "b.xlsx", sheet: "Cấp xã", cell: "C\(7 + i)"))
            }
            let temps = (TemporaryStore(), TemporaryStore())
            let (byRecords, byFacts, facts) = try Self.importBothWays(records, file: "b.xlsx", into: temps)
            #expect(facts.count == count)
            #expect(try byRecords.facts(year: 2024) == facts, "\(count)")
            #expect(try byFacts.facts(year: 2024) == facts, "\(count)")
            #expect(try Self.rows(byRecords.database) == Self.rows(byFacts.database))
            _ = try byFacts.importSubmission(file: "c.xlsx", sha256: "h2", unitCode: "917", year: 2024, received: StoreSamples.received,
                                             facts: Array(facts.prefix(batch + 1)), issues: [])
            #expect(try byFacts.database.prepare("SELECT seq FROM fact_rows WHERE submission_id = 2 ORDER BY seq").rows { $0.integer(at: 0) }
                    == (0..<Int64(min(count, batch + 1))).map { $0 })
        }
    }

    /// `records` imported as they are into one store and as their facts into another (`temps`,
    /// kept alive by the caller), and those facts.
    static func importBothWays(_ records: [NormalizedRecord], file: String,
                               into temps: (TemporaryStore, TemporaryStore)) throws -> (byRecords: Store, byFacts: Store, facts: [Fact]) {
        let facts = records.flatMap { $0.facts(year: 2024) }
        let byRecords = try Store(path: temps.0.path), byFacts = try Store(path: temps.1.path)
        _ = try byRecords.importSubmission(file: file, sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received,
                                           records: records, issues: [])
        _ = try byFacts.importSubmission(file: file, sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received,
                                         facts: facts, issues: [])
        return (byRecords, byFacts, facts)
    }
}
