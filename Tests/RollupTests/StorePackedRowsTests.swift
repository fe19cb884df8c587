import Foundation
import Testing
@testable import Rollup

/// Facts packed one SQLite row per chunk of unit rows (migration 2024-v4): JSON written by the
/// store, read back through SQLite's json_tree, and the `facts` view for the sqlite3 shell.
@Suite struct StorePackedRowsTests {
    static func fact(_ unit: String, _ field: String, _ value: FieldValue, cell: String, file: String = "a.xlsx", sheet: String = "Cấp xã") -> Fact {
        Fact(unitCode: unit, year: 2024, field: field, value: value, provenance: Provenance(file: file, sheet: sheet, cell: cell))
    }

    @Test func textsAndExtremeIntegersRoundTrip() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let controls = String(String.UnicodeScalarView((1..<0x20).compactMap(Unicode.Scalar.init)))
        let texts = ["Ghi \"chú\"", #"C:\thư mục\tệp"#, "dòng 1\ndòng 2\r\n", "cột\tcột", controls, "\u{7f}",
                     "Phường Cái Khế, xã Mỹ Khánh: đạt chuẩn", "Ninh Kiều\u{0301}", "😀 ký tự ngoài BMP", "", "\\\"", "\"", "\\"]
        var facts = texts.enumerated().map { i, text in Self.fact("31117", "ghi_chu_\(i)", .text(text), cell: "G\(7 + i)") }
        facts += [Int64.max, Int64.min, 0, -1, -1_234_567_890_123, 9].enumerated().map { i, n in Self.fact("31120", "so_\(i)", .count(n), cell: "E\(7 + i)") }
        facts += [Int.max, Int.min, 0, -3, 4].enumerated().map { i, n in Self.fact("31120", "muc_\(i)", .level(n), cell: "F\(7 + i)") }
        facts += [Self.fact("31120", "co", .yesNo(true), cell: "H7"), Self.fact("31120", "khong", .yesNo(false), cell: "H8")]
        // Quotes and backslashes in the field, the cell, the unit, the file and the sheet too.
        facts.append(Self.fact("3\"1\\2", "f\"\\\u{1}", .count(1), cell: "Z\"9\\", file: "tệp \"mới\"\\.xlsx", sheet: "Sheet\t\"1\""))
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        #expect(try store.facts(year: 2024) == facts)
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks WHERE NOT json_valid(facts)") == "0")
        // Three unit rows: two of one source in one chunk, one of another source in its own.
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "2")
        #expect(try store.database.scalar(Self.unitRows) == "3")
    }

    /// The unit rows of all chunks: a code and an array each.
    static let unitRows = "SELECT sum(json_array_length(facts)) / 2 FROM fact_chunks"

    @Test func aRowIsTheDocumentedJSON() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(1234), cell: "E7"), Self.fact("31117", "co_tt", .yesNo(true), cell: "F7"),
                     Self.fact("31117", "ghi_chu", .text("Ghi \"chú\"\n"), cell: "G7"), Self.fact("31117", "muc", .level(-2), cell: "H7"),
                     Self.fact("31120", "gia_dinh_dat", .count(5), cell: "E8")]
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks") ==
                #"["31117",[["gia_dinh_dat","count",1234,"E7"],["co_tt","yes-no",1,"F7"],["ghi_chu","text","Ghi \"chú\"\u000a","G7"],["muc","level",-2,"H7"]],"31120",[["gia_dinh_dat","count",5,"E8"]]]"#)
    }

    @Test func theFactsViewHasOneRowPerValue() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(950), cell: "E7"), Self.fact("31117", "ghi_chu", .text("mới"), cell: "X7"),
                     Self.fact("31120", "co_tt", .yesNo(false), cell: "F8"), Self.fact("31120", "muc", .level(2), cell: "G8", sheet: "Cấp huyện")]
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        let rows = try store.database.prepare("""
            SELECT submission_id, seq, year, unit_code, field, value_type, integer_value, text_value, file, sheet, cell FROM facts ORDER BY seq
            """).rows { row in
            (0..<11).map { row.isNull(at: $0) ? "NULL" : row.string(at: $0) ?? "" }.joined(separator: "|")
        }
        #expect(rows == [
            "1|0|2024|31117|gia_dinh_dat|count|950|NULL|a.xlsx|Cấp xã|E7",
            "1|1|2024|31117|ghi_chu|text|NULL|mới|a.xlsx|Cấp xã|X7",
            "1|2|2024|31120|co_tt|yes-no|0|NULL|a.xlsx|Cấp xã|F8",
            "1|3|2024|31120|muc|level|2|NULL|a.xlsx|Cấp huyện|G8",
        ])
        #expect(try store.database.scalar("SELECT typeof(integer_value) FROM facts WHERE field = 'gia_dinh_dat'") == "integer")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "2")
        #expect(try store.database.scalar(Self.unitRows) == "3")
    }

    @Test func deletingFromTheViewDeletesThoseFactsOnly() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"])
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        try store.database.execute("DELETE FROM facts WHERE field = 'cdht_xa_muc' OR (unit_code = '31119')")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode != "31119" })
        // 31119's unit row is gone from the chunk; a chunk left empty goes too.
        #expect(try store.database.scalar(Self.unitRows) == "2")
        try store.database.execute("DELETE FROM facts WHERE unit_code <> '31118'")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode == "31118" })
        try store.database.execute("DELETE FROM facts")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "0")
    }

    @Test func aUnitInTwoSeparateRunsKeepsItsOrder() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = [Self.fact("A", "f1", .count(1), cell: "E7"), Self.fact("A", "f2", .count(2), cell: "F7"),
                     Self.fact("B", "f1", .count(3), cell: "E8"),
                     Self.fact("A", "f3", .count(4), cell: "G7"), Self.fact("A", "f4", .text("x"), cell: "H7"),
                     Self.fact("A", "f5", .count(5), cell: "E7", sheet: "Khác"),  // same unit, another sheet: a row of its own
                     Self.fact("B", "f2", .count(6), cell: "F8")]
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        #expect(try store.facts(year: 2024) == facts)
        // A, B, A in one chunk; the other sheet's row; B back on the first sheet in a chunk of its own.
        #expect(try store.database.prepare("SELECT seq FROM fact_chunks ORDER BY seq").rows { $0.int64(at: 0) } == [0, 5, 6])
        #expect(try store.database.scalar("""
            SELECT group_concat(u.value) FROM (SELECT * FROM fact_chunks ORDER BY seq) c, json_each(c.facts) u WHERE u.type = 'text'
            """) == "A,B,A,A,B")
    }

    @Test func aPackedRowOfTheWrongShapeIsRefused() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7")]
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        for tampered in [#"["31117",[["f","count",1]]]"#, #"["31117",[["f","count",1,"E7","x"]]]"#, #"["31117",[["f","count","1","E7"]]]"#,
                         #"["31117",[["f","count",null,"E7"]]]"#, #"["31117",[["f","số",1,"E7"]]]"#, #"["31117",["f","count",1,"E7"]]"#,
                         #"["31117",[[["f"],"count",1,"E7"]]]"#, #"[["f","count",1,"E7"]]"#, #"["31117"]"#, #"[1,[["f","count",1,"E7"]]]"#,
                         #"["31117",[["f","count",1,"E7"]],2]"#, #"["31117",[["f","count",1,"E7"]],"31120"]"#, #"{"31117":[]}"#] {
            try store.database.prepare("UPDATE fact_chunks SET facts = ?").execute([.text(tampered)])
            do {
                _ = try store.facts(year: 2024)
                Issue.record("accepted \(tampered)")
            } catch let error as DatabaseError {
                #expect(error.code == 11, "\(tampered)")
            }
        }
    }

    /// The old table's CHECK (unit_code <> '') is kept by the import (the unit code now lives in
    /// the JSON): the whole import is refused.
    @Test func aFactWithoutAUnitCodeIsRefused() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7"), Self.fact("", "gia_dinh_dat", .count(2), cell: "E8")]
        do {
            _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
            Issue.record("accepted a fact without a unit code")
        } catch let error as DatabaseError {
            #expect(error.code == 19)
        }
        #expect(try store.submissions(year: 2024).isEmpty)
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "0")
    }

    /// A store written by the third schema (one row per fact) migrates to packed rows with every
    /// fact, current and superseded, in order.
    @Test func factsOfTheThirdSchemaSurviveThePacking() throws {
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
            try db.execute("""
                INSERT INTO submissions(id, file, sha256, unit_code, year, received, superseded_by) VALUES
                    (1, 'a.xlsx', 'h1', '916', 2024, '2024-11-30T07:00:00Z', 2),
                    (2, 'b.xlsx', 'h2', '916', 2024, '2024-11-30T08:00:00Z', NULL),
                    (3, 'c.xlsx', 'h3', '916', 2023, '2024-11-30T08:00:00Z', NULL);
                """)
            // As the third schema's importSubmission wrote them, but with positions that do not
            // start at 0 and have gaps (rowids of the first schema, kept by 2024-v2).
            let insert = try db.prepare("""
                INSERT INTO facts(submission_id, seq, unit_code, year, field, value_type, integer_value, text_value, source_id, cell)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM fact_sources WHERE file = ? AND sheet = ?), ?)
                """)
            for (submission, facts) in [(Int64(2), current), (1, old), (3, other)] {
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
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try store.facts(year: 2024) == current)
        #expect(try store.facts(years: 2023...2024) == other + current)
        // The superseded submission keeps its facts; the view numbers positions from 0.
        #expect(try store.database.scalar("SELECT count(*) FROM facts WHERE submission_id = 1") == "\(old.count)")
        #expect(try store.database.prepare("SELECT seq FROM facts WHERE submission_id = 2 ORDER BY seq").rows { $0.int64(at: 0) }
                == (0..<Int64(current.count)).map { $0 })
        // 31117, 31118, 31119 (a row each), 31117 again, in one chunk; then 31117 on the other sheet.
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks WHERE submission_id = 2") == "2")
        #expect(try store.database.scalar("SELECT sum(json_array_length(facts)) / 2 FROM fact_chunks WHERE submission_id = 2") == "5")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks WHERE NOT json_valid(facts)") == "0")
        // 70 unit rows of one source: chunks of 64 and 6, as an import cuts them.
        #expect(try store.database.prepare("SELECT seq FROM fact_chunks WHERE submission_id = 3 ORDER BY seq").rows { $0.int64(at: 0) } == [0, 64])
        // And the migrated store takes new imports.
        guard case .replaced = try store.importSubmission(file: "d.xlsx", sha256: "h4", unitCode: "916", year: 2024,
                                                         received: StoreSamples.received, facts: old, issues: []) else {
            Issue.record("expected .replaced"); return
        }
        #expect(try store.facts(year: 2024) == old)
    }

    /// Validation hands the store whole rows: importing them must store exactly what importing
    /// their facts stores (same rows, same JSON, same facts read back), rows without values
    /// included (skipped) and a text that needs escaping.
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
            record("31123", row: 1_048_576, [nil, nil, .count(7), nil]),  // the same unit again: one unit row
            record("916", row: 4, sheet: "Cấp huyện", [.level(3), nil, .count(Int64.max), nil]),
            // Field ids and letters that need escaping, in columns of their own.
            NormalizedRecord(unitCode: "917", unitName: "917", writtenName: "917", level: .district, sheet: "Khác", row: 9,
                             columns: RecordColumns(fields: ["a\"b\\c", "d\u{1}"], letters: ["X\"", "Y"]),
                             slots: [.count(1), .text("é")], unitCell: Provenance(file: "nk.xlsx", sheet: "Khác", cell: "C9")),
        ]
        let temps = (TemporaryStore(), TemporaryStore())
        let (byRecords, byFacts, facts) = try Self.importBothWays(records, file: "nk.xlsx", into: temps)
        #expect(facts.count == 11)
        #expect(try byRecords.facts(year: 2024) == facts)
        let rows = "SELECT group_concat(seq || ' ' || source_id || ' ' || facts, char(10)) FROM (SELECT * FROM fact_chunks ORDER BY seq)"
        #expect(try byRecords.database.scalar(rows) == byFacts.database.scalar(rows))
        #expect(try byRecords.database.scalar("SELECT count(*) FROM fact_chunks") == "3")
        #expect(try byRecords.database.scalar(Self.unitRows) == "4")
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

    /// A chunk takes unit rows of one source until it holds 64 of them or ~32 KB of text; a unit
    /// row is never split. Both import paths cut the same chunks.
    @Test func chunksAreCutAt64UnitRowsOr32KB() throws {
        let columns = RecordColumns(fields: ["ghi_chu"], letters: ["S"])
        func records(_ units: Int, text: (Int) -> String) -> [NormalizedRecord] {
            (0..<units).map { i in
                NormalizedRecord(unitCode: "u\(i)", unitName: "", writtenName: "", level: .commune, sheet: "Cấp xã", row: 7 + i, columns: columns,
                                 slots: [.text(text(i))], unitCell: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "C\(7 + i)"))
            }
        }
        let long = String(repeating: "chú ", count: 4_000)  // 20,000 bytes
        for (records, seqs) in [(records(130) { "\($0)" }, [Int64(0), 64, 128]), (records(5) { _ in long }, [0, 2, 4])] {
            let temps = (TemporaryStore(), TemporaryStore())
            let (byRecords, byFacts, facts) = try Self.importBothWays(records, file: "a.xlsx", into: temps)
            for store in [byRecords, byFacts] {
                #expect(try store.facts(year: 2024) == facts)
                #expect(try store.database.prepare("SELECT seq FROM fact_chunks ORDER BY seq").rows { $0.int64(at: 0) } == seqs)
                #expect(try store.database.prepare("SELECT seq FROM facts ORDER BY seq").rows { $0.int64(at: 0) } == (0..<Int64(facts.count)).map { $0 })
            }
        }
    }
}
