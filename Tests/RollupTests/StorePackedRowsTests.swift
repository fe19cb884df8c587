@testable import Core
import Foundation
@testable import Intake
@testable import Storage
import Testing

/// Facts packed one SQLite row per chunk of unit rows, by column (migration 2024-v5): JSON written
/// by the store, read back through SQLite's json_tree, and the `facts` view for the sqlite3 shell.
@Suite struct StorePackedRowsTests {
    static func fact(_ unit: String, _ field: String, _ value: FieldValue, cell: String, file: String = "a.xlsx", sheet: String = "Cấp xã") -> Fact {
        Fact(unitCode: unit, year: 2024, field: field, value: value, provenance: Provenance(file: file, sheet: sheet, cell: cell))
    }

    /// `facts` imported into a fresh store (`temp`, kept alive by the caller).
    static func store(_ facts: [Fact], in temp: TemporaryStore) throws -> Store {
        let store = try Store(path: temp.path)
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h", unitCode: "916", year: 2024, received: StoreSamples.received, facts: facts, issues: [])
        return store
    }

    /// The chunks' texts in order, one a line.
    static let texts = "SELECT group_concat(facts, char(10)) FROM (SELECT facts FROM fact_chunks ORDER BY submission_id, seq)"
    /// The unit rows of all chunks: every element but the descriptors.
    static let unitRows = "SELECT sum(json_array_length(facts) - 1) FROM fact_chunks"

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
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks WHERE NOT json_valid(facts)") == "0")
        // A unit row per row of the sheet (13 + 6 + 5 + 2): one chunk for the first source, one for the other.
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "2")
        #expect(try store.database.scalar(Self.unitRows) == "27")
    }

    @Test func aRowIsTheDocumentedJSON() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(1234), cell: "E7"), Self.fact("31117", "co_tt", .yesNo(true), cell: "F7"),
                     Self.fact("31120", "ghi_chu", .text("Ghi chú"), cell: "G8")]
        let store = try Self.store(facts, in: temp)
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks") ==
                #"[[["gia_dinh_dat","count","E"],["co_tt","yes-no","F"],["ghi_chu","text","G"]],["31117",7,1234,1],["31120",8,null,null,"Ghi chú"]]"#)
        #expect(try store.facts(year: 2024) == facts)
    }

    @Test func valuesOfEveryTypeAreWrittenAsDocumented() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(1234), cell: "E7"), Self.fact("31117", "co_tt", .yesNo(false), cell: "F7"),
                     Self.fact("31117", "ghi_chu", .text("Ghi \"chú\"\n\\"), cell: "G7"), Self.fact("31117", "muc", .level(-2), cell: "H7"),
                     Self.fact("31120", "gia_dinh_dat", .count(5), cell: "E8"), Self.fact("31120", "muc", .level(3), cell: "H8")]
        let store = try Self.store(facts, in: temp)
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks") ==
                #"[[["gia_dinh_dat","count","E"],["co_tt","yes-no","F"],["ghi_chu","text","G"],["muc","level","H"]],"#
                + #"["31117",7,1234,0,"Ghi \"chú\"\u000a\\",-2],["31120",8,5,null,null,3]]"#)
        #expect(try store.facts(year: 2024) == facts)
    }

    /// A cell is a column and a row only when that gives it back byte for byte; every other
    /// string is a column of its own, row 0.
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
        // How each is stored: its unit row's row and its descriptor's column.
        let rows = try store.database.prepare("SELECT u.value ->> 1 FROM fact_chunks c, json_each(c.facts) u WHERE u.key > 0 ORDER BY u.key")
            .rows { $0.int64(at: 0) ?? -1 }
        #expect(rows == [7, 0, 7, 0, 0, 0, 0, 1_048_576, 123_456_789, 0, 0, 123_456_789, 0, 7, 12, 2, 5, 7, 7, 7, 7, 0, 0, 7, 9, 0])
        #expect(try store.database.scalar("SELECT group_concat(value ->> 2, '|') FROM fact_chunks c, json_each(c.facts, '$[0]')") ==
                "E||0|E0|E07|E007|E1234567890|E99999999999999999999|1234567890|Sheet!E|'Cấp xã'!AB|A1B|E-|E |ô|E\u{0301}|\u{0600}|7\u{0301}|E7\n|E\"|😀|E١٢")
    }

    /// A field read as two types (a count in one row, a text in another) has a descriptor per
    /// type; so does a field in two columns.
    @Test func aFieldWithTwoKindsHasTwoDescriptors() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("31117", "so", .count(3), cell: "E7"), Self.fact("31120", "so", .text("ba"), cell: "E8"),
                     Self.fact("31121", "so", .count(4), cell: "E9"), Self.fact("31121", "so", .count(5), cell: "F9")]
        let store = try Self.store(facts, in: temp)
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks") ==
                #"[[["so","count","E"],["so","text","E"],["so","count","F"]],["31117",7,3],["31120",8,null,"ba"],["31121",9,4,null,5]]"#)
        #expect(try store.facts(year: 2024) == facts)
    }

    /// Values of a unit row go in increasing descriptor order: a value whose descriptor comes
    /// before the row's last one starts a new unit row (the same unit and row again), so the
    /// facts come back in the order they were imported.
    @Test func theOrderIsKeptWhenDescriptorsComeOutOfOrder() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("A", "f2", .count(1), cell: "F7"), Self.fact("A", "f1", .count(2), cell: "E7"),
                     Self.fact("A", "f1", .count(3), cell: "E8"), Self.fact("A", "f2", .count(4), cell: "F8"),
                     Self.fact("A", "f2", .count(5), cell: "F8"), Self.fact("B", "f2", .count(6), cell: "F8")]
        let store = try Self.store(facts, in: temp)
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks") ==
                #"[[["f2","count","F"],["f1","count","E"]],["A",7,1,2],["A",8,null,3],["A",8,4],["A",8,5],["B",8,6]]"#)
        #expect(try store.facts(year: 2024) == facts)
        #expect(try store.database.prepare("SELECT seq || ' ' || integer_value FROM facts ORDER BY seq").rows { $0.string(at: 0) ?? "" }
                == ["0 1", "1 2", "2 3", "3 4", "4 5", "5 6"])
    }

    @Test func theFactsViewHasOneRowPerValue() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("31117", "gia_dinh_dat", .count(950), cell: "E7"), Self.fact("31117", "ghi_chu", .text("mới"), cell: "X7"),
                     Self.fact("31120", "co_tt", .yesNo(false), cell: "F8"), Self.fact("31120", "ghi_chu", .text(""), cell: "X08"),
                     Self.fact("31120", "muc", .level(2), cell: "G8", sheet: "Cấp huyện")]
        let store = try Self.store(facts, in: temp)
        let rows = try store.database.prepare("""
            SELECT submission_id, seq, year, unit_code, field, value_type, integer_value, text_value, source_id, file, sheet, cell FROM facts ORDER BY seq
            """).rows { row in
            (0..<12).map { row.isNull(at: $0) ? "NULL" : row.string(at: $0) ?? "" }.joined(separator: "|")
        }
        #expect(rows == [
            "1|0|2024|31117|gia_dinh_dat|count|950|NULL|1|a.xlsx|Cấp xã|E7",
            "1|1|2024|31117|ghi_chu|text|NULL|mới|1|a.xlsx|Cấp xã|X7",
            "1|2|2024|31120|co_tt|yes-no|0|NULL|1|a.xlsx|Cấp xã|F8",
            "1|3|2024|31120|ghi_chu|text|NULL||1|a.xlsx|Cấp xã|X08",
            "1|4|2024|31120|muc|level|2|NULL|2|a.xlsx|Cấp huyện|G8",
        ])
        #expect(try store.database.scalar("SELECT typeof(integer_value) FROM facts WHERE field = 'gia_dinh_dat'") == "integer")
        #expect(try store.database.scalar("SELECT typeof(text_value) FROM facts WHERE cell = 'X08'") == "text")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "2")
        #expect(try store.database.scalar(Self.unitRows) == "4")
        // The view has the columns of 2024-v4's, in the same order.
        #expect(try store.database.prepare("SELECT name FROM pragma_table_info('facts')").rows { $0.string(at: 0) ?? "" } ==
                ["submission_id", "seq", "unit_code", "year", "field", "value_type", "integer_value", "text_value", "source_id", "file", "sheet", "cell"])
    }

    @Test func deletingFromTheViewDeletesThoseFactsOnly() throws {
        let temp = TemporaryStore()
        let facts = StoreSamples.facts(communes: 3, fields: ["gia_dinh_tong", "cdht_xa_muc", "tthtcd_co", "ghi_chu"])
        let store = try Self.store(facts, in: temp)
        try store.database.execute("DELETE FROM facts WHERE field = 'cdht_xa_muc' OR (unit_code = '31119')")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode != "31119" })
        // A value in the middle of a unit row becomes null; 31119's unit row is gone.
        #expect(try store.database.scalar(Self.texts) ==
                #"[[["gia_dinh_tong","count","E"],["cdht_xa_muc","level","F"],["tthtcd_co","yes-no","G"],["ghi_chu","text","H"]],"#
                + #"["31117",7,0,null,1,"ghi chú 0"],["31118",8,10,null,0,"ghi chú 1"]]"#)
        // The last value of a unit row goes with the nulls before it.
        try store.database.execute("DELETE FROM facts WHERE field IN ('ghi_chu', 'tthtcd_co') AND unit_code = '31117'")
        #expect(try store.database.scalar(Self.texts) ==
                #"[[["gia_dinh_tong","count","E"],["cdht_xa_muc","level","F"],["tthtcd_co","yes-no","G"],["ghi_chu","text","H"]],"#
                + #"["31117",7,0],["31118",8,10,null,0,"ghi chú 1"]]"#)
        try store.database.execute("DELETE FROM facts WHERE unit_code <> '31118'")
        #expect(try store.facts(year: 2024) == facts.filter { $0.field != "cdht_xa_muc" && $0.unitCode == "31118" })
        #expect(try store.database.scalar(Self.unitRows) == "1")
        // A chunk left without unit rows goes too.
        try store.database.execute("DELETE FROM facts")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "0")
    }

    /// Deleting one of two equal facts deletes one; deleting from one chunk leaves the others'
    /// positions alone.
    @Test func deletingFromTheViewAcrossChunks() throws {
        let temp = TemporaryStore()
        let units = Int64(PackedFactsWriter.chunkUnits)
        var facts = StoreSamples.facts(communes: 2 * Int(units) + 2, fields: ["gia_dinh_tong", "ghi_chu"])
        facts.append(facts[0])
        let store = try Self.store(facts, in: temp)
        #expect(try store.database.prepare("SELECT seq FROM fact_chunks ORDER BY seq").rows { $0.int64(at: 0) } == [0, 2 * units, 4 * units])
        try store.database.execute("DELETE FROM facts WHERE seq IN (0, 1, \(2 * units + 2), \(4 * units + 4))")
        var expected = facts
        for i in [4 * units + 4, 2 * units + 2, 1, 0] { expected.remove(at: Int(i)) }
        #expect(try store.facts(year: 2024) == expected)
        #expect(try store.database.prepare("SELECT seq FROM facts WHERE seq >= \(2 * units) ORDER BY seq LIMIT 3").rows { $0.int64(at: 0) }
                == [2 * units, 2 * units + 1, 2 * units + 2])
    }

    @Test func aUnitInTwoSeparateRunsKeepsItsOrder() throws {
        let temp = TemporaryStore()
        let facts = [Self.fact("A", "f1", .count(1), cell: "E7"), Self.fact("A", "f2", .count(2), cell: "F7"),
                     Self.fact("B", "f1", .count(3), cell: "E8"),
                     Self.fact("A", "f3", .count(4), cell: "G7"), Self.fact("A", "f4", .text("x"), cell: "H7"),
                     Self.fact("A", "f5", .count(5), cell: "E7", sheet: "Khác"),  // same unit, another sheet: a chunk of its own
                     Self.fact("B", "f2", .count(6), cell: "F8")]
        let store = try Self.store(facts, in: temp)
        #expect(try store.facts(year: 2024) == facts)
        // A, B, A in one chunk; the other sheet's row; B back on the first sheet in a chunk of its own.
        #expect(try store.database.prepare("SELECT seq FROM fact_chunks ORDER BY seq").rows { $0.int64(at: 0) } == [0, 5, 6])
        #expect(try store.database.scalar(Self.texts) == """
            [[["f1","count","E"],["f2","count","F"],["f3","count","G"],["f4","text","H"]],["A",7,1,2],["B",8,3],["A",7,null,null,4,"x"]]
            [[["f5","count","E"]],["A",7,5]]
            [[["f2","count","F"]],["B",8,6]]
            """)
    }

    @Test func aPackedRowOfTheWrongShapeIsRefused() throws {
        let temp = TemporaryStore()
        let store = try Self.store([Self.fact("31117", "gia_dinh_dat", .count(1), cell: "E7")], in: temp)
        let good = #"[[["f","count","E"],["g","text","F"],["h","yes-no","G"]],["31117",7,1,"x",0]]"#
        try store.database.prepare("UPDATE fact_chunks SET facts = ?").execute([.text(good)])
        #expect(try store.facts(year: 2024).count == 3)
        for tampered in [
            #"[]"#, #"[[]]"#, #"[[["f","count","E"]]]"#, #"{"31117":[]}"#, #"["31117",7,1]"#, #"[["f","count","E"],["31117",7,1]]"#,
            #"[[["f","count"]],["31117",7,1]]"#, #"[[["f","count","E","x"]],["31117",7,1]]"#, #"[[["f","số","E"]],["31117",7,1]]"#,
            #"[[["f",null,"E"]],["31117",7,1]]"#, #"[[[1,"count","E"]],["31117",7,1]]"#, #"[[["f","count",7]],["31117",7,1]]"#,
            #"[[["f","count",["E"]]],["31117",7,1]]"#, #"[[["f","count","E"],"g"],["31117",7,1]]"#, #"[[{"f":"count"}],["31117",7,1]]"#,
            #"[[["f","count","E"]],["31117",7]]"#, #"[[["f","count","E"]],["31117"]]"#, #"[[["f","count","E"]],[]]"#,
            #"[[["f","count","E"]],["31117",7,null]]"#, #"[[["f","count","E"]],[7,"31117",1]]"#, #"[[["f","count","E"]],[null,7,1]]"#,
            #"[[["f","count","E"]],["31117",-1,1]]"#, #"[[["f","count","E"]],["31117",7.5,1]]"#, #"[[["f","count","E"]],["31117","7",1]]"#,
            #"[[["f","count","E"]],["31117",true,1]]"#, #"[[["f","count","E"]],["31117",7,1,2]]"#, #"[[["f","count","E"]],["31117",7,"1"]]"#,
            #"[[["f","count","E"]],["31117",7,1.5]]"#, #"[[["f","count","E"]],["31117",7,true]]"#, #"[[["f","count","E"]],["31117",7,[1]]]"#,
            #"[[["f","count","E"]],["31117",7,{}]]"#, #"[[["f","count","E"]],["31117",7,1e400]]"#, #"[[["f","count","E"]],["31117",7,99999999999999999999]]"#,
            #"[[["f","text","E"]],["31117",7,1]]"#, #"[[["f","yes-no","E"]],["31117",7,2]]"#, #"[[["f","yes-no","E"]],["31117",7,false]]"#,
            #"[[["f","count","E"]],["31117",7,1],5]"#, #"[[["f","count","E"]],["31117",7],5]"#, #"[[["f","count","E"]],["31117",7,1],null]"#,
            #"[[["f","count","E"]],["31117",7,1],"31120"]"#, #"[[["f","count","E"]],["31117",7,1],{}]"#, #"[[["f","count","E"]],{"u":1}]"#,
            #"[[["f","count","E"]],["31117",7,1],[["f","count","E"]]]"#, #"[[[["f"],"count","E"]],["31117",7,1]]"#, #""x""#, #"7"#,
        ] {
            try store.database.prepare("UPDATE fact_chunks SET facts = ?").execute([.text(tampered)])
            do {
                let facts = try store.facts(year: 2024)
                Issue.record("accepted \(tampered): \(facts)")
            } catch let error as DatabaseError {
                #expect(error.code == 11, "\(tampered): \(error)")
            }
        }
    }

    /// The old table's CHECK (unit_code <> '') is kept by the import (the unit code now lives in
    /// the JSON): the whole import is refused, by both paths.
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
            #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks") == "0")
        }
    }

    /// A store written by the third schema (one row per fact) goes through the packing of
    /// 2024-v4 and the columns of 2024-v5 with every fact, current and superseded, in order.
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
            try Self.insertThirdSchema(facts: [(2, current), (1, old), (3, other)], into: db)
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
        #expect(try store.database.scalar("SELECT sum(json_array_length(facts) - 1) FROM fact_chunks WHERE submission_id = 2") == "5")
        #expect(try store.database.scalar("SELECT count(*) FROM fact_chunks WHERE NOT json_valid(facts)") == "0")
        // 70 unit rows of one source: chunks of 64 and 6, as 2024-v4 cut them.
        #expect(try store.database.prepare("SELECT seq FROM fact_chunks WHERE submission_id = 3 ORDER BY seq").rows { $0.int64(at: 0) } == [0, 64])
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
    /// same facts in the same order, the same view rows, the same chunks (seq, source).
    @Test func chunksOfTheFourthSchemaAreConverted() throws {
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
        func rows(_ db: Database) throws -> [String] {
            try db.prepare(viewRows).rows { row in (0..<12).map { row.isNull(at: $0) ? "NULL" : row.string(at: $0) ?? "" }.joined(separator: "|") }
        }
        let chunks = "SELECT group_concat(submission_id || ' ' || seq || ' ' || source_id, ', ') FROM (SELECT * FROM fact_chunks ORDER BY rowid)"
        let (before, chunksBefore): ([String], String?)
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
            before = try rows(db)
            chunksBefore = try db.scalar(chunks)
        }
        current.removeAll { $0.provenance.cell == "" || $0.provenance.cell == "123" }
        let remaining = other.prefix(128).filter { $0.unitCode != "31118" }
        let store = try Store(path: path)
        #expect(try Store.migrator.appliedIdentifiers(store.database) == Store.migrator.identifiers)
        #expect(try store.facts(year: 2024) == current)
        #expect(try store.facts(years: 2023...2024) == Array(remaining) + current)
        #expect(try rows(store.database) == before)
        #expect(try store.database.scalar(chunks) == chunksBefore)
        #expect(try store.database.scalar("SELECT facts FROM fact_chunks WHERE submission_id = 2 ORDER BY seq LIMIT 1") ==
                #"[[["so","count","E"],["so","text","E07"],["ghi_chu","text","Ghi chú"],["co","yes-no","Sheet!F"],["co","yes-no","F"]],"#
                + #"["31117",7,1],["31117",0,null,"một \"1\"\u000a\u0001\\",""],["31120",8,null,null,null,1],["31117",7,null,null,null,null,0],"#
                + #"["31117",7,1]]"#)
        try Self.expectNewImports(of: old, into: store)
    }

    /// Validation hands the store whole rows: importing them must store exactly what importing
    /// their facts stores (same rows, same JSON, same facts read back), rows without values
    /// included (skipped), missing slots (nulls, trailing ones left out) and a text that needs
    /// escaping; and cells that do not split back into a record's letters and row.
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
        let rows = "SELECT group_concat(seq || ' ' || source_id || ' ' || facts, char(10)) FROM (SELECT * FROM fact_chunks ORDER BY seq)"
        #expect(try byRecords.database.scalar(rows) == byFacts.database.scalar(rows))
        #expect(try byRecords.database.scalar(Self.texts) == """
            [[["cdht_xa_muc","level","D"],["ghi_chu","text","S"],["gia_dinh_tong","count","E"],["tthtcd_co","yes-no","O"]],\
            ["31117",7,2,"Ghi \\"chú\\"\\u000a",1234,1],["31123",1048575,null,null,-5,0],["31123",1048576,null,"x",7],["31124",9,1]]
            [[["cdht_xa_muc","level","D"],["gia_dinh_tong","count","E"]],["916",4,3,9223372036854775807]]
            [[["a\\"b\\\\c","count","X\\""],["d\\u0001","text","Y"],["e","count","Z"],["f","count",""],["cdht_xa_muc","level","D0"],\
            ["gia_dinh_tong","count","E0"],["cdht_xa_muc","level","D-"],["cdht_xa_muc","level","D1000000000"]],\
            ["917",9,1,"é"],["917",19,null,null,2],["917",9,null,null,null,3],["31125",0,null,null,null,null,1,0],["31126",3,null,null,null,null,null,null,1],\
            ["31127",0,null,null,null,null,null,null,null,1]]
            """)
    }

    /// Random sparse records over three sheets (one with long field ids, so that the
    /// descriptors outgrow the room the writer leaves for them), the same unit again, the same
    /// row again, a slot read as another type now and then: both paths store the same bytes,
    /// over many chunks, and read back what was imported.
    @Test func randomSparseRecordsStoreTheSameBytesBothWays() throws {
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
        let rows = "SELECT group_concat(seq || ' ' || source_id || ' ' || facts, char(10)) FROM (SELECT * FROM fact_chunks ORDER BY seq)"
        #expect(try byRecords.database.scalar(rows) == byFacts.database.scalar(rows))
        #expect(try byRecords.facts(year: 2024) == facts)
        #expect(try Int(byRecords.database.scalar("SELECT count(*) FROM fact_chunks") ?? "") ?? 0 > 10)
        // Descriptors of more than the 2,048 bytes the writer first leaves for them.
        #expect(try Int(byRecords.database.scalar("SELECT max(length(facts -> '$[0]')) FROM fact_chunks") ?? "") ?? 0 > 4_096)
        #expect(try byRecords.database.prepare("SELECT seq FROM facts ORDER BY seq").rows { $0.int64(at: 0) } == (0..<Int64(facts.count)).map { $0 })
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

    /// A chunk takes unit rows of one source until it holds `PackedFactsWriter.chunkUnits` of
    /// them or ~`chunkBytes` of text; a unit row is never split. Both import paths cut the same
    /// chunks.
    @Test func chunksAreCutByUnitRowsOrBytes() throws {
        let (units, bytes) = (PackedFactsWriter.chunkUnits, PackedFactsWriter.chunkBytes)
        let columns = RecordColumns(fields: ["ghi_chu"], letters: ["S"])
        func records(_ units: Int, text: (Int) -> String) -> [NormalizedRecord] {
            (0..<units).map { i in
                NormalizedRecord(unitCode: "u\(i)", unitName: "", writtenName: "", level: .commune, sheet: "Cấp xã", row: 7 + i, columns: columns,
                                 slots: [.text(text(i))], unitCell: Provenance(file: "a.xlsx", sheet: "Cấp xã", cell: "C\(7 + i)"))
            }
        }
        let long = String(repeating: "chú ", count: bytes * 5 / 8 / 5)  // 5 bytes each: 5/8 of the limit
        for (records, seqs) in [(records(2 * units + 2) { "\($0)" }, [Int64(0), Int64(units), 2 * Int64(units)]), (records(5) { _ in long }, [0, 2, 4])] {
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
