import Core
import Foundation
@testable import Render
import Testing

/// Rendering time of a national roll-up (63 provinces, 693 districts, 10,395 communes, the full
/// catalogue of 14 indicators, 1,000 issues). A benchmark, not a test of speed: it prints the
/// figures and checks only what the page holds. Run it in release:
///
///     XHHT_BENCH=1 swift test -c release --filter HTMLBenchmarkTests
@Suite("HTML rendering benchmark", .enabled(if: ProcessInfo.processInfo.environment["XHHT_BENCH"] == "1",
                                            "benchmark: set XHHT_BENCH=1 and build in release"))
struct HTMLBenchmarkTests {
    @Test("national roll-up of 10,395 communes")
    func national() throws {
        let t0 = ContinuousClock.now
        let tree = RenderFixtures.nationTree(provinces: 63, districts: 11, communes: 15)
        let issues = (0..<1_000).map { i in
            Core.Issue(severity: i % 3 == 0 ? .error : .warning, rule: "r", provenance: Provenance(file: "tinh-\(String(format: "%02d", i % 63 + 1)).xlsx", sheet: "Cấp xã", cell: "E\(i + 7)"),
                         unit: "", field: "gia_dinh_dat", message: "Số hộ đạt lớn hơn tổng số hộ.")
        }
        let model = RenderFixtures.model(tree: tree, missing: ["07"], issues: issues)
        let templates = try RenderFixtures.templates()
        let built = ContinuousClock.now
        #expect(model.units.count == 1 + 63 + 693 + 10_395)

        // Wall time and this thread's CPU time (the machine is shared: CPU time is the steadier figure).
        var timings: [Duration] = []
        var cpu: [Double] = []
        var html = ""
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let cpuStart = Self.threadCPUSeconds()
            html = try HTMLReport.render(model: model, templates: templates)
            cpu.append(Self.threadCPUSeconds() - cpuStart)
            timings.append(ContinuousClock.now - start)
        }
        let sorted = timings.sorted()
        let cpuSorted = cpu.sorted()
        let view = HTMLReport.page(for: model)
        print("""
            benchmark html national: model build (fixture) \(built - t0); render wall median \(sorted[2]), min \(sorted[0]), max \(sorted[4]); \
            CPU median \(String(format: "%.3f", cpuSorted[2])) s, min \(String(format: "%.3f", cpuSorted[0])) s; \
            \(html.utf8.count) bytes; \(view.unitTable?.rows.count ?? 0) appendix rows x \(view.unitTable?.columns.count ?? 0) indicators; \
            \(view.indicators.map(\.rows.count).reduce(0, +)) breakdown rows; \(view.quality.issues.count) issues
            """)
        #expect(view.unitTable?.rows.count == 693)
        #expect(view.unitTable?.note?.contains("10.395 xã, phường, thị trấn") == true)
        #expect(html.contains("Tỉnh số 63"))
    }

    @Test("national roll-up after the 2025 reform: 34 provinces, 3,332 communes in the appendix")
    func postReform() throws {
        var root = RenderFixtures.Node(code: "VN", name: "Toàn quốc", level: .nation)
        for p in 0..<34 {
            let pc = String(format: "%02d", p + 1)
            var province = RenderFixtures.Node(code: pc, name: "Tỉnh số \(p + 1)", level: .province, file: "tinh-\(pc).xlsx")
            for c in 0..<98 {
                province.children.append(RenderFixtures.Node(code: pc + String(format: "%03d", c), name: "Xã \(p + 1)-\(c + 1)", level: .commune))
            }
            root.children.append(province)
        }
        let specs = RenderFixtures.catalogue.filter { $0.level == .commune }
        let model = RenderFixtures.model(tree: root, year: 2026, specs: specs)
        let templates = try RenderFixtures.templates()
        var cpu: [Double] = []
        var walls: [Duration] = []
        var html = ""
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let cpuStart = Self.threadCPUSeconds()
            html = try HTMLReport.render(model: model, templates: templates)
            cpu.append(Self.threadCPUSeconds() - cpuStart)
            walls.append(ContinuousClock.now - start)
        }
        print("benchmark html post-reform: render wall median \(walls.sorted()[2]); CPU median \(String(format: "%.3f", cpu.sorted()[2])) s; \(html.utf8.count) bytes")
        #expect(HTMLReport.page(for: model).unitTable?.rows.count == 34 * 98)
    }

    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
