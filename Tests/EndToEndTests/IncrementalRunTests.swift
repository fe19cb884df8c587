import Foundation
import Testing

/// `xhht run` doing only what changed (issue 19, docs/incremental-runs.md): an unchanged
/// workbook is not opened again, an unchanged output is not rendered again, a run with nothing
/// new stops at once with the last status; `--dry-run`, `--from`, `--to`, `--only`.
@Suite(.serialized) struct IncrementalRunTests {
    typealias E = SampleRunTests
    static let coDo = "mau-2024-925-co-do.xlsx"
    static let phongDien = "mau-2024-926-phong-dien.xlsx"

    /// Every file of Output/2024 by name: its bytes, the manifest's without its timings.
    static func outputs(_ project: URL) throws -> [String: Data] {
        let folder = project.appendingPathComponent("Output/2024")
        var out: [String: Data] = [:]
        // Every file below, the letters in phan-hoi/ too, by its path relative to Output/2024.
        let names = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
        }
        for name in names {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            if name == "manifest.json" {
                let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                data = Data(lines.filter { !$0.contains("\"seconds\"") && !$0.contains("\"started\"") }.joined(separator: "\n").utf8)
            }
            out[name] = data
        }
        return out
    }

    /// The SHA-256 the manifest records for the input `file`.
    static func inputHash(_ project: URL, _ file: String) throws -> String? {
        let data = try Data(contentsOf: project.appendingPathComponent("Output/2024/manifest.json"))
        let inputs = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["inputs"] as? [[String: Any]]
        return inputs?.first { $0["file"] as? String == file }?["sha256"] as? String
    }

    /// Overwrites `file` in Input/ with the bytes of `source`, keeping a modification time.
    static func overwrite(_ project: URL, _ file: String, with source: String, modified: Date) throws {
        let input = project.appendingPathComponent("Input")
        try Data(contentsOf: input.appendingPathComponent(source)).write(to: input.appendingPathComponent(file))
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: input.appendingPathComponent(file).path)
    }

    /// A copy of `project`'s Input/ into a fresh sample project, modification times kept (they
    /// are the submissions' times of receipt).
    static func coldCopy(of project: URL) throws -> URL {
        let fm = FileManager.default
        let cold = try E.sampleProject()
        let input = cold.appendingPathComponent("Input")
        try fm.removeItem(at: input)
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: project.appendingPathComponent("Input").path) {
            let from = project.appendingPathComponent("Input").appendingPathComponent(name)
            let to = input.appendingPathComponent(name)
            try fm.copyItem(at: from, to: to)
            let modified = try fm.attributesOfItem(atPath: from.path)[.modificationDate]
            try fm.setAttributes([.modificationDate: modified as Any], ofItemAtPath: to.path)
        }
        return cold
    }

    /// Adds 1 to the first count of at least 4 on the commune sheet of `file`, with openpyxl.
    static func changeAValue(_ project: URL, _ file: String) throws {
        let script = """
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Cấp xã"]
        cell = next(c for row in ws.iter_rows(min_row=6) for c in row if isinstance(c.value, (int, float)) and c.value > 3)
        cell.value += 1; wb.save(sys.argv[1])
        """
        let result = try E.run(URL(fileURLWithPath: "/usr/bin/env"),
                               ["python3", "-c", script, project.appendingPathComponent("Input/\(file)").path], in: project)
        #expect(result.status == 0, "openpyxl: \(result.stderr)")
    }

    // Skipped visibly without openpyxl, as the independent computation is (SampleRunTests).
    @Test(.enabled(if: E.pythonWithOpenpyxl, "python3 with openpyxl changes a workbook (scripts/setup.sh --full installs it)"))
    func aChangedWorkbookGivesWhatAColdRunGives() throws {
        let project = try E.sampleProject()
        let fm = FileManager.default
        defer { try? fm.removeItem(at: project) }
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")

        // One value of Co Do's workbook changes: that file is read, the 8 others come from the store.
        let before = try Self.inputHash(project, Self.coDo)
        try Self.changeAValue(project, Self.coDo)
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-v"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("8 tệp không đổi lấy kết quả đọc đã lưu, 1 tệp được đọc"), "stderr: \(result.stderr)")

        let cold = try Self.coldCopy(of: project)
        defer { try? fm.removeItem(at: cold) }
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-v"], in: cold)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("0 tệp không đổi lấy kết quả đọc đã lưu, 9 tệp được đọc"), "stderr: \(result.stderr)")

        let warm = try Self.outputs(project), fresh = try Self.outputs(cold)
        #expect(warm.keys.sorted() == fresh.keys.sorted())
        #expect(warm.count >= 6)
        for (name, bytes) in fresh { #expect(warm[name] == bytes, "\(name) differs from a cold run's") }
        // The change is there: the manifest lists Co Do's new bytes.
        #expect(try Self.inputHash(project, Self.coDo) != before)
    }

    @Test func aRunWithNothingNewStopsAtOnceWithTheLastStatus() throws {
        let project = try E.sampleProject()
        let fm = FileManager.default
        defer { try? fm.removeItem(at: project) }
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let out = project.appendingPathComponent("Output")
        func snapshot() throws -> [String: Date] {
            var out: [String: Date] = [:]
            for folder in [out2024, storeFolder] {
                for name in try fm.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
                    out[folder.lastPathComponent + "/" + name] = try fm.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
                }
            }
            return out
        }
        let out2024 = out.appendingPathComponent("2024"), storeFolder = out
        let store = try Data(contentsOf: out.appendingPathComponent("xhht.sqlite"))
        let before = try snapshot()

        // Not a terminal, exit 2: cron is told, in one line, and sees the same status.
        result = try E.run(E.binary, ["run", "--date", "2024-12-05"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Không có gì mới kể từ lần chạy số 1"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("Trạng thái thoát 2 như lần đó"))
        #expect(try snapshot() == before)
        #expect(try Data(contentsOf: out.appendingPathComponent("xhht.sqlite")) == store)

        // `xhht validate` writes its own issues.csv (without the store's findings): the next run
        // puts the run's back, whether or not it calls itself nothing-new.
        let ranIssues = try Data(contentsOf: out2024.appendingPathComponent("issues.csv"))
        result = try E.run(E.binary, ["validate", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(try Data(contentsOf: out2024.appendingPathComponent("issues.csv")) == ranIssues)

        // Another date is something new; so is a template: only the page is rendered again.
        result = try E.run(E.binary, ["run", "--date", "2024-12-06", "-q"], in: project)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("Không có gì mới"))
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2)
        let page = project.appendingPathComponent("Templates/html/report.mustache")
        let template = try #require(try? String(contentsOf: page, encoding: .utf8))
        try (template + "\n<!-- sửa mẫu -->\n").write(to: page, atomically: true, encoding: .utf8)
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-v"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let kept = try #require(result.stderr.split(separator: "\n").first { $0.contains("không dựng lại") }, "stderr: \(result.stderr)")
        #expect(kept.contains("bao-cao.docx") && kept.contains("indicators.csv") && kept.contains("report.json") && kept.contains("issues.csv"))
        #expect(!kept.contains("bao-cao.html"))
        #expect(try String(contentsOf: out2024.appendingPathComponent("bao-cao.html"), encoding: .utf8).contains("<!-- sửa mẫu -->"))
        // The manifest lists every output, the carried ones too, with what each was made from.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out2024.appendingPathComponent("manifest.json"))) as? [String: Any]
        let outputs = try #require(manifest?["outputs"] as? [[String: Any]])
        // The letters (phan-hoi/) are rendered by every run that renders: listed, never carried over.
        let files = outputs.compactMap { $0["file"] as? String }
        #expect(Set(files.filter { !$0.hasPrefix("phan-hoi/") })
                == ["bao-cao.docx", "bao-cao.html", "indicators.csv", "report.json", "bieu-tong-hop.xlsx", "issues.csv"])
        #expect(files.count { $0.hasPrefix("phan-hoi/") } == 16)
        #expect(outputs.allSatisfy { ($0["input"] as? String)?.count == 64 })

        // A deleted output is something new: it is written again.
        try fm.removeItem(at: out2024.appendingPathComponent("report.json"))
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2)
        #expect(fm.fileExists(atPath: out2024.appendingPathComponent("report.json").path))
    }

    @Test func dryRunSaysWhatWouldBeReadAndWrittenAndTouchesNothing() throws {
        let project = try E.sampleProject()
        let fm = FileManager.default
        defer { try? fm.removeItem(at: project) }
        // Before any run: every file is new, and no Output/ appears.
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--dry-run"], in: project)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("9 tệp (9 mới, 0 đã đổi, 0 không đổi), 0 tệp đã bỏ ra"), "stdout: \(result.stdout)")
        #expect(!fm.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite").path))
        #expect(!fm.fileExists(atPath: project.appendingPathComponent("Output/2024").path))

        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: project)
        #expect(result.status == 2)
        try Self.overwrite(project, Self.coDo, with: Self.phongDien, modified: Date(timeIntervalSince1970: 1_732_700_000))
        let input = project.appendingPathComponent("Input")
        try fm.removeItem(at: input.appendingPathComponent("mau-2024-927-thoi-lai.xlsx"))
        try fm.copyItem(at: input.appendingPathComponent(Self.phongDien), to: input.appendingPathComponent("moi.xlsx"))
        let store = try Data(contentsOf: project.appendingPathComponent("Output/xhht.sqlite"))
        let manifest = try Data(contentsOf: project.appendingPathComponent("Output/2024/manifest.json"))

        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--dry-run"], in: project)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("9 tệp (1 mới, 1 đã đổi, 7 không đổi), 1 tệp đã bỏ ra") }, "stdout: \(result.stdout)")
        #expect(lines.contains { $0.contains("đã đổi") && $0.contains(Self.coDo) && $0.hasSuffix("sẽ đọc") })
        #expect(lines.contains { $0.contains("mới") && $0.contains("moi.xlsx") && $0.hasSuffix("sẽ đọc") })
        #expect(lines.contains { $0.contains("không đổi") && $0.contains(Self.phongDien) && $0.hasSuffix("dùng kết quả đọc đã lưu") })
        #expect(lines.contains { $0.contains("đã bỏ ra") && $0.contains("mau-2024-927-thoi-lai.xlsx") })
        #expect(lines.contains { $0.hasPrefix("Sẽ ghi:") && $0.contains("bao-cao.html") && $0.contains("xhht.sqlite") })
        #expect(try Data(contentsOf: project.appendingPathComponent("Output/xhht.sqlite")) == store)
        #expect(try Data(contentsOf: project.appendingPathComponent("Output/2024/manifest.json")) == manifest)
        #expect(!fm.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite-wal").path))
    }

    @Test func partsOfTheStagesRunAndImpossibleOnesAreRefused() throws {
        let project = try E.sampleProject()
        let fm = FileManager.default
        defer { try? fm.removeItem(at: project) }
        for (arguments, words) in [(["--from", "store"], "Không thể bắt đầu từ giai đoạn store"),
                                   (["--only", "outputs"], "Không thể chạy riêng giai đoạn outputs"),
                                   (["--from", "model", "--to", "read"], "--from model đứng sau --to read"),
                                   (["--only", "read", "--to", "store"], "--only read không dùng cùng --from hoặc --to"),
                                   (["--to", "bao-cao"], "--to bao-cao: không có giai đoạn này")] {
            let result = try E.run(E.binary, ["run", "--date", "2024-12-05"] + arguments, in: project)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
        }
        #expect(!fm.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite").path))

        let out = project.appendingPathComponent("Output/2024")
        // read alone: the findings' status, nothing stored or written.
        var result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--only", "read"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(!fm.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("bao-cao.html").path))
        // read and store: no report.
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--to", "store", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(fm.fileExists(atPath: project.appendingPathComponent("Output/xhht.sqlite").path))
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("bao-cao.html").path))
        // the model alone: nothing written.
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--only", "model", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("bao-cao.html").path))
        // from the model on: the reports, as a whole run writes them.
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "--from", "model", "-q"], in: project)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        let partial = try Self.outputs(project)
        let whole = try E.sampleProject()
        defer { try? fm.removeItem(at: whole) }
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-q"], in: whole)
        #expect(result.status == 2)
        let full = try Self.outputs(whole)
        for name in ["bao-cao.docx", "bao-cao.html", "indicators.csv", "report.json", "issues.csv"] {
            #expect(partial[name] != nil && partial[name] == full[name], "\(name) differs from a whole run's")
        }
        // A partial run is never "nothing new": the next whole run does the work.
        result = try E.run(E.binary, ["run", "--date", "2024-12-05", "-v"], in: project)
        #expect(result.status == 2)
        #expect(!result.stderr.contains("Không có gì mới"))
        #expect(result.stderr.contains("9 tệp không đổi lấy kết quả đọc đã lưu, 0 tệp được đọc"), "stderr: \(result.stderr)")
    }
}
