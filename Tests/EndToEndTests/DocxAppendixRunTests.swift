import Foundation
import TestSupport
import Testing

/// The Word report's appendices on the committed sample: the matrix of its communes and the
/// data-quality appendix, in a landscape section after the signature. python-docx reads the
/// communes' rates back; LibreOffice prints them on landscape pages. Tools missing: skipped
/// with a message (a failure under XHHT_FULL_TESTS=1), as in DocxRunTests.
@Suite(.serialized) struct DocxAppendixRunTests {
    static let pdfinfo = "/usr/bin/pdfinfo"

    /// Every commune rate of indicators.csv, as the matrix prints it, is in the matrix's row of
    /// that commune, under the column of its indicator ("(3)" for the third of the catalogue).
    @Test(.enabled(if: DocxRunTests.fullTests || DocxRunTests.pythonDocx != nil,
                   "skipped: python3 with python-docx missing (apt-get install python3-docx; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func pythonDocxReadsTheCommunesRatesFromTheMatrix() throws {
        let python = try #require(DocxRunTests.pythonDocx, "python3 with python-docx is missing")
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        let out = project.appendingPathComponent("Output/2024")
        // The table whose header starts with the communes' level title, one line per row, cells by tabs.
        let script = """
            import sys, docx
            d = docx.Document(sys.argv[1])
            for t in d.tables:
                if t.rows[0].cells[0].text == "Xã, phường, thị trấn":
                    for row in t.rows:
                        print("\\t".join(c.text for c in row.cells))
            """
        let r = try ChildProcess.run(python, ["-c", script, out.appendingPathComponent("bao-cao.docx").path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first, "no matrix in the document")
        #expect(header.count >= 3 && header[1] == "Quận, huyện")
        // A name twice (two communes of one name in different districts) is not checked.
        var rowsByName: [String: [String]] = [:]
        for line in lines.dropFirst() { rowsByName[line[0]] = rowsByName[line[0]] == nil ? line : [] }

        let csv = try SampleRunTests.csvRows(out.appendingPathComponent("indicators.csv")).dropFirst()
        // One matrix row per commune of indicators.csv.
        let communes = Set(csv.filter { $0.count > 2 && $0[2] == "commune" }.map { $0[0] })
        #expect(lines.count - 1 == communes.count && communes.count > 50, "\(lines.count - 1) rows for \(communes.count) communes")
        // The catalogue's order: the province's rows list every indicator once, in order.
        let catalogue = csv.filter { $0[2] == "province" }.map { $0[3] }
        var checked = 0
        for row in csv where row.count > 5 && row[2] == "commune" {
            guard let n = Int(row[4]), let d = Int(row[5]), d > 0, let cells = rowsByName[row[1]], !cells.isEmpty,
                  let number = catalogue.firstIndex(of: row[3]).map({ $0 + 1 }),
                  let column = header.firstIndex(of: "(\(number))") else { continue }
            // Hundredths of a percent, rounded half up; a value exactly half-way is skipped so the
            // test does not depend on the presenter's tie rule.
            let scaled = n * 20_000, twice = 2 * d
            guard scaled % twice != d else { continue }
            let hundredths = (scaled + d) / twice
            let expected = "\(Self.grouped(hundredths / 100)),\(String(format: "%02d", hundredths % 100))%"
            #expect(cells[column] == expected, "\(row[1]) \(row[3]): \(cells[column]) instead of \(expected)")
            checked += 1
        }
        #expect(checked >= 300, "only \(checked) commune rates checked")
    }

    /// LibreOffice prints the report's pages in portrait and the appendices in landscape, each
    /// appendix from a page of its own, the matrix's header row repeated on its pages.
    @Test(.enabled(if: DocxRunTests.fullTests || (DocxRunTests.office != nil && FileManager.default.isExecutableFile(atPath: pdfinfo)),
                   "skipped: soffice, pdftotext or pdfinfo missing (apt-get install libreoffice-writer-nogui poppler-utils; scripts/setup.sh --full; XHHT_FULL_TESTS=1 makes this a failure)"))
    func libreOfficePrintsTheAppendicesOnLandscapePages() throws {
        let tools = try #require(DocxRunTests.office, "soffice, pdftotext or pdftoppm is missing")
        let project = try DocxRunTests.sampleRun()
        defer { try? FileManager.default.removeItem(at: project) }
        let pdf = try DocxRunTests.convertToPDF(project.appendingPathComponent("Output/2024/bao-cao.docx"), in: project, soffice: tools.soffice)
        let info = try ChildProcess.run(URL(fileURLWithPath: Self.pdfinfo), [pdf.path], timeout: 60).stdout
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") }, "\(info)")
        var landscape: [Int] = [], matrixPages: [Int] = [], qualityPage: Int?
        for page in 1...pages {
            let size = try ChildProcess.run(URL(fileURLWithPath: Self.pdfinfo), ["-f", "\(page)", "-l", "\(page)", pdf.path], timeout: 60).stdout
            // "Page    9 size:  841.89 x 595.304 pts (A4)"
            let line = try #require(size.split(separator: "\n").first { $0.hasPrefix("Page") && $0.contains("size:") })
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            let (w, h) = (numbers[numbers.count - 2], numbers[numbers.count - 1])
            #expect(abs(min(w, h) - 595.3) < 1 && abs(max(w, h) - 841.9) < 1, "page \(page) is not A4: \(line)")
            if w > h { landscape.append(page) }
            let text = try ChildProcess.run(URL(fileURLWithPath: tools.pdftotext), ["-f", "\(page)", "-l", "\(page)", "-layout", pdf.path, "-"], timeout: 60).stdout
            if text.contains("Xã, phường, thị trấn") && text.contains("Quận, huyện") && text.contains("(1)") { matrixPages.append(page) }
            if text.contains("Phụ lục. Chất lượng số liệu") { qualityPage = page }
            if text.contains("Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn") {
                #expect(w > h, "the matrix's title is on a portrait page (\(page))")
            }
        }
        let quality = try #require(qualityPage, "the data-quality appendix is not in the PDF")
        let first = try #require(landscape.first, "no landscape page")
        // Portrait up to the signature, landscape from the matrix to the end.
        #expect(landscape == Array(first...pages), "landscape pages \(landscape) of \(pages)")
        #expect(first > 1 && matrixPages.first == first, "matrix from page \(matrixPages.first ?? 0), landscape from \(first)")
        // The sample's communes take more than one page: the header row is repeated.
        #expect(matrixPages.count >= 2, "the matrix's header is on pages \(matrixPages)")
        #expect(quality > matrixPages.last!, "the quality appendix shares a page with the matrix")
    }

    /// 1234 -> "1.234".
    static func grouped(_ value: Int) -> String { DocxRunTests.viGrouped(String(value)) }
}
