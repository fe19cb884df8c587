import Foundation
import Storage
import TestSupport
import Testing

/// The command line as cron and the statistician meet it: mistakes of the command line exit 64,
/// of the configuration 3 (before anything runs), a busy store 4, each with one Vietnamese
/// message naming what to fix; and the store left after a command is one file you can copy.
@Suite(.serialized) struct CommandLineTests {
    typealias Sample = SampleRunTests

    static func run(_ arguments: [String], in project: URL) throws -> SampleRunTests.Result {
        try Sample.run(Sample.binary, arguments, in: project)
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Every table of an SQLite file with its row count, through a read-only connection.
    static func tableCounts(_ path: String) throws -> [String: String] {
        let db = try Database(path: path, create: false, readOnly: true)
        defer { _ = try? db.close() }
        let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").rows { $0.string(at: 0) ?? "" }
        var out: [String: String] = [:]
        for table in tables { out[table] = try db.scalar("SELECT count(*) FROM \"\(table)\"") }
        return out
    }

    /// (arguments, a fragment of the message): each refused while the arguments are read.
    @Test(arguments: [
        (["--date", "2024-13-45"], "--date 2024-13-45: không phải một ngày có thật"),
        (["--date", "2024-02-30"], "--date 2024-02-30: không phải một ngày có thật"),
        (["--date", "2023-02-29"], "--date 2023-02-29: không phải một ngày có thật"),
        (["--date", "1999-12-31"], "năm phải từ 2000 đến 2100"),
        (["--year", "0"], "--year 0: năm báo cáo phải từ 2000 đến 2100"),
        (["--year", "2101"], "--year 2101: năm báo cáo phải từ 2000 đến 2100"),
    ])
    func impossibleDatesAndYearsAreUsageErrors(arguments: [String], fragment: String) throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.run(["run"] + arguments, in: project)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)")
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    @Test func aLeapDayIsADateAndPrintedInFull() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.run(["run", "--date", "2024-02-29"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let html = try String(contentsOf: project.appendingPathComponent("Output/2024/bao-cao.html"), encoding: .utf8)
        #expect(html.contains("ngày 29 tháng 02 năm 2024"))
    }

    /// SOURCE_DATE_EPOCH dates the report when no --date is given; one that is not whole
    /// seconds, or falls outside 2000-2100, is refused (never silently replaced by today).
    @Test(arguments: [
        ("abc", "SOURCE_DATE_EPOCH=abc: không phải số giây kể từ 1970"),
        ("-1", "SOURCE_DATE_EPOCH=-1: không phải số giây kể từ 1970"),
        ("1733356800.5", "SOURCE_DATE_EPOCH=1733356800.5: không phải số giây kể từ 1970"),
        ("4200000000", "SOURCE_DATE_EPOCH=4200000000: là năm 2103"),
    ])
    func aMalformedSourceDateEpochIsAUsageError(epoch: String, fragment: String) throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try ChildProcess.run(Sample.binary, ["run", "-q"], in: project, environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)")
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    @Test func aSourceDateEpochDatesTheReportAndDateWins() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let html = project.appendingPathComponent("Output/2024/bao-cao.html")
        let byEpoch = try ChildProcess.run(Sample.binary, ["run", "-q"], in: project, environment: ["SOURCE_DATE_EPOCH": "1733356800"])
        #expect(byEpoch.status == 2, "stderr: \(byEpoch.stderr)")
        #expect(try String(contentsOf: html, encoding: .utf8).contains("ngày 05 tháng 12 năm 2024"))
        // --date is checked and used first, even beside a malformed SOURCE_DATE_EPOCH.
        let byFlag = try ChildProcess.run(Sample.binary, ["run", "-q", "--date", "2024-12-06"], in: project, environment: ["SOURCE_DATE_EPOCH": "abc"])
        #expect(byFlag.status == 2, "stderr: \(byFlag.stderr)")
        #expect(try String(contentsOf: html, encoding: .utf8).contains("ngày 06 tháng 12 năm 2024"))
    }

    @Test func aYearTheReportKindDoesNotCoverIsAUsageError() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "\nreport: annual", with: "\nreport: review-2023-2025").write(to: config, atomically: true, encoding: .utf8)
        let result = try Self.run(["report", "--year", "2022"], in: project)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("--year 2022: báo cáo review-2023-2025"))
        #expect(result.stderr.contains("2023-2025"))
    }

    @Test(arguments: ["commune_name", "commune_code", "district_name"])
    func aRegistryMissingAColumnExitsThreeBeforeAnythingRuns(column: String) throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let units = project.appendingPathComponent("units/can-tho-2024-02-01.csv")
        let lines = try String(contentsOf: units, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let drop = try #require(lines[0].split(separator: ",").firstIndex(of: Substring(column)))
        let cut = lines.map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > drop { fields.remove(at: drop) }
            return fields.joined(separator: ",")
        }.joined(separator: "\n")
        try cut.write(to: units, atomically: true, encoding: .utf8)
        let result = try Self.run(["run", "--date", "2024-12-05"], in: project)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("can-tho-2024-02-01.csv, dòng 1"))
        #expect(result.stderr.contains("thiếu cột \(column)"))
        #expect(result.stderr.contains("province_code,province_name,commune_code,commune_name"))
        #expect(!Self.exists(project.appendingPathComponent("Output/2024")))
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    /// (file name, content, a fragment of the message): a review reads its lineage before anything
    /// runs, not when the report is built after the store was written.
    @Test(arguments: [
        ("lineage-2025-07-01.csv", "old_commune_code,new_commune_code\n31117,31120\n", "thiếu cột \"old_province_code\""),
        ("lineage.csv", "old_province_code,old_commune_code,new_province_code,new_commune_code\n92,31117,92,31120\n", "ngày hiệu lực"),
        ("lineage-2025-02-30.csv", "old_province_code,old_commune_code,new_province_code,new_commune_code\n92,31117,92,31120\n", "ngày hiệu lực"),
    ])
    func aBadLineageFileExitsThreeBeforeAnythingRuns(name: String, content: String, fragment: String) throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(content.utf8).write(to: project.appendingPathComponent("units/\(name)"))
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        // The shipped chain's first step is replaced by the bad one (the second stays good).
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("    - units/lineage-can-tho-2024-11-01.csv") })
        try text.replacingOccurrences(of: line, with: "    - units/\(name)")
            .replacingOccurrences(of: "\nreport: annual", with: "\nreport: review-2023-2025")
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try Self.run(["run", "--date", "2024-12-05"], in: project)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(name) && result.stderr.contains(fragment), "stderr: \(result.stderr)")
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    /// An annual report never applies the lineage, so it does not read it (the 2025 step is
    /// 10,600 rows): a step file it cannot read is no concern of tonight's run, the review reads
    /// it (above). A step file that does not exist is still refused before anything runs.
    @Test func anAnnualRunChecksThatTheLineageExistsWithoutReadingIt() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("    - units/lineage-can-tho-2024-11-01.csv") })
        try Data("old_commune_code,new_commune_code\n31117,31120\n".utf8).write(to: project.appendingPathComponent("units/bad-2024-11-01.csv"))
        try text.replacingOccurrences(of: line, with: "    - units/bad-2024-11-01.csv").write(to: config, atomically: true, encoding: .utf8)
        let annual = try Self.run(["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(annual.status == 2, "stderr: \(annual.stderr)")  // the sample's planted input errors, as without the step
        #expect(Self.exists(project.appendingPathComponent("Output/2024/bao-cao.html")))

        try text.replacingOccurrences(of: line, with: "    - units/missing-2024-11-01.csv").write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: project.appendingPathComponent("Output"))
        let missing = try Self.run(["run", "--date", "2024-12-05"], in: project)
        #expect(missing.status == 3, "stderr: \(missing.stderr)")
        #expect(missing.stderr.contains("paths.lineage[0]") && missing.stderr.contains("missing-2024-11-01.csv") && missing.stderr.contains("không có tệp này"),
                "stderr: \(missing.stderr)")
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    @Test func aConditionThatDoesNotFitItsFieldExitsThreeAtItsLine() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("condition: tthtcd_cntt == yes") }) + 1
        try text.replacingOccurrences(of: "condition: tthtcd_cntt == yes", with: "condition: tthtcd_cntt >= 1")
            .write(to: config, atomically: true, encoding: .utf8)
        let result = try Self.run(["run", "--date", "2024-12-05"], in: project)
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("pipeline.yml:\(line):16: indicators["), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("viết \"tthtcd_cntt == yes\" thay cho \"tthtcd_cntt >= 1\""))
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    @Test func anOutputFolderThatIsAFileIsSaidInVietnamese() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let file = project.appendingPathComponent("bao-cao.txt")
        try Data("một tệp".utf8).write(to: file)
        // From the command line: the command line's mistake.
        let flag = try Self.run(["run", "--output", "bao-cao.txt", "--date", "2024-12-05"], in: project)
        #expect(flag.status == 64, "stderr: \(flag.stderr)")
        #expect(flag.stderr.contains("\(file.path) là một tệp, không phải thư mục"), "stderr: \(flag.stderr)")
        #expect(flag.stderr.contains("--output"))
        #expect(!flag.stderr.contains("NSCocoaErrorDomain") && !flag.stderr.contains("Error Domain"))
        // From pipeline.yml: the configuration's.
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "  output: Output ", with: "  output: bao-cao.txt ").write(to: config, atomically: true, encoding: .utf8)
        let yml = try Self.run(["validate"], in: project)
        #expect(yml.status == 3, "stderr: \(yml.stderr)")
        #expect(yml.stderr.contains("paths.output"))
        // The English detail only with -v.
        let verbose = try Self.run(["validate", "-v"], in: project)
        #expect(verbose.stderr.contains("Not a directory"))
        #expect(!yml.stderr.contains("Not a directory"))
    }

    @Test func aBusyStoreExitsFourNamingTheFileAndTheWait() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try Self.run(["import"], in: project).status == 2)
        let store = project.appendingPathComponent("Output/xhht.sqlite").path
        // Another process's write transaction, as the sqlite3 shell or a second tool would hold it.
        let holder = try Database(path: store)
        try holder.execute("BEGIN IMMEDIATE")
        try holder.execute("INSERT INTO runs(started, config_sha256, command) VALUES ('2024-11-30T00:00:00Z', 'x', 'holder')")
        let result = try Self.run(["run", "--date", "2024-12-05"], in: project)
        try holder.execute("ROLLBACK")
        try holder.close()
        #expect(result.status == 4, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Cơ sở dữ liệu \(store) đang bị một chương trình khác giữ"))
        #expect(result.stderr.contains("đã chờ 5 giây"))
        #expect(result.stderr.contains("chạy lại sau"))
        #expect(!result.stderr.contains("locked"))  // SQLite's English stays in the -v detail
        // Free again: the run goes through.
        #expect(try Self.run(["run", "--date", "2024-12-05"], in: project).status == 2)
    }

    @Test func afterARunTheStoreFileAloneIsTheStoreAndArchiveCopiesIt() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try Self.run(["run", "--date", "2024-12-05"], in: project).status == 2)
        let store = project.appendingPathComponent("Output/xhht.sqlite")
        #expect(!Self.exists(URL(fileURLWithPath: store.path + "-wal")))
        #expect(!Self.exists(URL(fileURLWithPath: store.path + "-shm")))
        let counts = try Self.tableCounts(store.path)
        #expect(counts["submissions"] == "9")
        #expect(Int(counts["fact_rows"] ?? "0") ?? 0 > 0 && Int(counts["issues"] ?? "0") ?? 0 > 0)

        // The file alone, copied as a statistician would.
        let alone = project.appendingPathComponent("gui-di/xhht.sqlite")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: store, to: alone)
        #expect(try Self.tableCounts(alone.path) == counts)

        // `report` only reads, and leaves no WAL either.
        #expect(try Self.run(["report", "--date", "2024-12-05"], in: project).status == 2)
        #expect(!Self.exists(URL(fileURLWithPath: store.path + "-wal")))

        // xhht archive: a copy, refused over an existing file unless --force.
        let archive = project.appendingPathComponent("luu-tru/xhht-2024.sqlite")
        let first = try Self.run(["archive", "--to", "luu-tru/xhht-2024.sqlite"], in: project)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(try Self.tableCounts(archive.path) == counts)
        let again = try Self.run(["archive", "--to", "luu-tru/xhht-2024.sqlite"], in: project)
        #expect(again.status == 64)
        #expect(again.stderr.contains("đã có; không ghi đè") && again.stderr.contains("--force"))
        #expect(try Self.run(["archive", "--to", "luu-tru/xhht-2024.sqlite", "--force"], in: project).status == 0)
        #expect(try Self.tableCounts(archive.path) == counts)
    }

    @Test func archiveWithoutAStoreSaysToRunFirst() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.run(["archive", "--to", "x.sqlite"], in: project)
        #expect(result.status == 3)
        #expect(result.stderr.contains("không có cơ sở dữ liệu ở \(project.appendingPathComponent("Output/xhht.sqlite").path)"))
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
    }

    @Test func reportWithoutAStoreSaysToRunFirstAndCreatesNone() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.run(["report", "--date", "2024-12-05"], in: project)
        #expect(result.status == 3)
        #expect(result.stderr.contains("Chưa có cơ sở dữ liệu ở"))
        #expect(result.stderr.contains("xhht run"))
        #expect(!Self.exists(project.appendingPathComponent("Output/xhht.sqlite")))
        #expect(!Self.exists(project.appendingPathComponent("Output/2024/bao-cao.html")))
    }

    /// The parser's own messages about a mistyped command line are said in Vietnamese, exit 64,
    /// with the usage line; help still prints.
    @Test func aMistypedCommandLineIsSaidInVietnamese() throws {
        let cases: [([String], String)] = [
            (["run", "--frobnicate"], "không có tùy chọn --frobnicate"),
            (["run", "--year", "abc"], "giá trị \"abc\" không dùng được cho --year"),
            (["cells"], "thiếu <file>"),
            (["bogus"], "không hiểu \"bogus\""),
            (["run", "--date"], "thiếu giá trị sau --date"),
        ]
        for (arguments, expected) in cases {
            let result = try Self.run(arguments, in: SampleRunTests.repository)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.hasPrefix("Lỗi: ") && result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Cách dùng: xhht"), "\(arguments)")
            for english in ["Error:", "Unknown", "Missing", "invalid", "Usage:", "Help:"] {
                #expect(!result.stderr.contains(english), "\(arguments): \(result.stderr)")
            }
        }
        let help = try Self.run(["help", "run"], in: SampleRunTests.repository)
        #expect(help.status == 0 && help.stdout.contains("Mã thoát"))
    }
}
