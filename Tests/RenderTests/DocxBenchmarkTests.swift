import Core
import Foundation
import OfficeXML
@testable import Render
import Testing
import WordTemplate

/// Rendering time of the national roll-up's DOCX (63 provinces, 693 districts, 10,395 communes,
/// 14 indicators: 14 tables of 63 province rows, 14 bar charts of 64 bars) with the shipped template. A benchmark, not a
/// test of speed: it prints the figures and checks only what the document holds. In release:
///
///     XHHT_BENCH=1 swift test -c release --filter DocxBenchmarkTests
@Suite("DOCX rendering benchmark", .enabled(if: ProcessInfo.processInfo.environment["XHHT_BENCH"] == "1",
                                            "benchmark: set XHHT_BENCH=1 and build in release"))
struct DocxBenchmarkTests {
    @Test("national roll-up of 10,395 communes")
    func national() throws {
        let model = RenderFixtures.model(tree: RenderFixtures.nationTree(provinces: 63, districts: 11, communes: 15), missing: ["07"])
        let template = try WordTemplate(path: DocxReportTests.templatePath)
        var timings: [Duration] = []
        var cpu: [Double] = []
        var bytes: [UInt8] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let cpuStart = HTMLBenchmarkTests.threadCPUSeconds()
            bytes = try DocxReport.render(model: model, template: template)
            cpu.append(HTMLBenchmarkTests.threadCPUSeconds() - cpuStart)
            timings.append(ContinuousClock.now - start)
        }
        let sorted = timings.sorted(), cpuSorted = cpu.sorted()
        let xml = try DocxReportTests.documentXML(bytes)
        print("""
            benchmark docx national: render wall median \(sorted[2]), min \(sorted[0]), max \(sorted[4]); \
            CPU median \(String(format: "%.3f", cpuSorted[2])) s, min \(String(format: "%.3f", cpuSorted[0])) s; \
            \(bytes.count) bytes (document.xml \(xml.utf8.count) bytes)
            """)
        let lastProvince = xml.contains("Tỉnh số 63")
        #expect(lastProvince)
        // With its charts: one per indicator, each with its workbook.
        let parts = try ZipContainer(bytes: bytes, name: "bao-cao.docx").partNames
        #expect(parts.filter { $0.hasPrefix("word/charts/chart") }.count == 14)
        #expect(parts.filter { $0.hasPrefix("word/embeddings/") }.count == 14)
    }
}
