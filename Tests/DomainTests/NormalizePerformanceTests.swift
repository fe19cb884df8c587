@testable import Config
import Foundation
@testable import Intake
import Testing
@testable import Units

/// Normalizing 10,000 commune rows of the default form (the first 10,000 communes of the 2023
/// national list, codes and names, text numbers and "Mức độ 2" levels) must stay a small part of
/// reading them. With XHHT_BENCH_XLSX naming a workbook of the same rows (any .xlsx whose "Cấp xã"
/// sheet has the default form's header over 10,000 such rows), the test also times the read
/// and prints both figures; without it the sheet is built in memory.
@Suite struct NormalizePerformanceTests {
    static let national = SharedData.units("units-2023-04-10.csv")

    static func inMemorySheet(_ communes: [AdministrativeUnit]) -> RawSheet {
        var rows: [[RawCell]] = [["BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2024"]]
        rows.append(["STT", "Mã đơn vị", "Tên đơn vị", "Cộng đồng học tập cấp xã", "Gia đình học tập", nil, "Dòng họ học tập", nil,
                     "Cộng đồng học tập cấp thôn", nil, "Đơn vị học tập", nil, "Công dân học tập", nil,
                     "Trung tâm học tập cộng đồng", nil, "Người trong độ tuổi lao động", nil, nil])
        rows.append([nil, nil, nil, "Mức độ công nhận", "Tổng số hộ", "Số hộ đạt", "Tổng số dòng họ", "Số dòng họ đạt",
                     "Tổng số thôn, ấp, tổ dân phố", "Số được công nhận", "Tổng số đơn vị", "Số được công nhận",
                     "Số người được đánh giá", "Số đạt", "Có trung tâm", "Ứng dụng CNTT", "Tổng số", "Có năng lực CNTT", "Có kỹ năng sống"])
        for (i, u) in communes.enumerated() {
            let n = 1000 + i
            rows.append([.init(.number(Double(i + 1))), .init(.text(u.code)), .init(.text(u.name)), i % 3 == 0 ? 1 : "Mức độ 2",
                         .init(.text(Messages.number(Int64(n * 3)))), .init(.number(Double(n))), 20, 10, 12, 8, 15, 9,
                         .init(.number(Double(n * 4))), .init(.number(Double(n * 2))), "Có", i % 2 == 0 ? "Không" : "Có",
                         .init(.number(Double(n * 5))), .init(.number(Double(n * 4))), .init(.number(Double(n * 4)))])
        }
        return RawSheet(file: "bench.xlsx", name: "Cấp xã", rows: rows,
                        merged: ["A1:S1", "A2:A3", "B2:B3", "C2:C3", "E2:F2", "G2:H2", "I2:J2", "K2:L2", "M2:N2", "O2:P2", "Q2:S2"])
    }

    @Test(.enabled(if: national != nil, "shared/domain/units not found: national-list benchmark skipped"))
    func tenThousandCommuneRows() throws {
        let registry = try UnitRegistry(contentsOf: try #require(Self.national))
        let config = try PipelineConfigLoader.load(path: IngestSampleTests.root.appendingPathComponent("pipeline.yml").path)
        let communes = Array(registry.units(at: .commune).prefix(10_000))
        #expect(communes.count == 10_000)
        let clock = ContinuousClock()

        var sheets: [RawSheet]
        var readTime: Duration? = nil
        if let path = ProcessInfo.processInfo.environment["XHHT_BENCH_XLSX"] {
            var read: WorkbookRead? = nil
            readTime = (0..<3).map { _ in clock.measure { read = SubmissionReader.read(path: path) } }.min()
            sheets = try #require(read).sheets
        } else {
            sheets = [Self.inMemorySheet(communes)]
        }

        let normalizer = Normalizer(config: config, registry: registry)
        var submission = NormalizedSubmission(file: "")
        let normalizeTime = (0..<3).map { _ in clock.measure { submission = normalizer.normalize(file: "bench.xlsx", sheets: sheets) } }.min()!
        var result = ValidationResult()
        let validateTime = clock.measure { result = Validator(config: config, registry: registry).validate([submission]) }

        #expect(submission.records.count == 10_000)
        #expect(submission.records.map(\.unitCode) == communes.map(\.code))
        #expect(submission.records[1].values["gia_dinh_tong"] == .count(3003))
        #expect(submission.issues.filter { $0.severity == .error }.isEmpty)
        #expect(result.facts.count == 10_000 * 16)
        let perThousand = normalizeTime / 10
        print("normalize 10,000 rows: \(normalizeTime) (\(perThousand) per 1,000 rows); validate: \(validateTime)"
              + (readTime.map { "; read (SubmissionReader, incl. sha256): \($0)" } ?? ""))
    }
}
