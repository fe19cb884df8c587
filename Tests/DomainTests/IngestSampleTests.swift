@testable import Config
@testable import Core
import Crypto
import Foundation
@testable import Intake
import Testing
@testable import Units

/// The three stages on the sample workbooks of Input/ (real .xlsx files made by LibreOffice,
/// openpyxl and xlsxwriter, with problems planted by scripts/make-sample): every planted
/// problem must come out as an issue at its file, sheet, cell and rule.
@Suite struct IngestSampleTests {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Planted: Decodable {
        var file: String
        var sheet: String
        var cell: String?
        var unit: String?
        var field: String?
        var rule: String
    }
    struct PlantedFile: Decodable { var planted: [Planted] }

    static func run() throws -> (reads: [WorkbookRead], submissions: [NormalizedSubmission], result: ValidationResult) {
        let config = try PipelineConfigLoader.load(path: root.appendingPathComponent("pipeline.yml").path)
        let registry = try UnitRegistry(contentsOf: config.paths.units, aliasesAt: config.paths.unitAliases)
        let files = try FileManager.default.contentsOfDirectory(atPath: config.paths.input).filter { $0.hasSuffix(".xlsx") }.sorted()
        let normalizer = Normalizer(config: config, registry: registry)
        let reads = files.map { SubmissionReader.read(path: config.paths.input + "/" + $0) }
        let submissions = reads.map { normalizer.normalize(file: $0.file, sheets: $0.sheets) }
        var result = Validator(config: config, registry: registry).validate(submissions)
        result.issues = reads.flatMap(\.issues) + result.issues
        return (reads, submissions, result)
    }

    @Test func everyPlantedProblemIsFound() throws {
        let (reads, submissions, result) = try Self.run()
        #expect(reads.count == 9)
        #expect(reads.allSatisfy { $0.issues.isEmpty && $0.sheets.count == 2 && $0.sha256?.count == 64 })
        #expect(submissions.allSatisfy { $0.reportingUnit?.level == .district })
        let data = try Data(contentsOf: Self.root.appendingPathComponent("scripts/make-sample/planted.json"))
        let planted = try JSONDecoder().decode(PlantedFile.self, from: data).planted
        #expect(planted.count >= 10)
        for p in planted {
            let found = result.issues.contains {
                $0.rule == p.rule && $0.provenance.file == p.file && $0.provenance.sheet == p.sheet
                    && $0.provenance.cell == (p.cell ?? "") && (p.unit == nil || $0.unit == p.unit)
            }
            #expect(found, "\(p.rule) \(p.file) \(p.sheet) \(p.cell ?? "-")")
        }
    }

    @Test func errorsAreOnlyThePlantedOnes() throws {
        let (_, _, result) = try Self.run()
        let data = try Data(contentsOf: Self.root.appendingPathComponent("scripts/make-sample/planted.json"))
        let planted = try JSONDecoder().decode(PlantedFile.self, from: data).planted
        let plantedCells = Set(planted.map { "\($0.file) \($0.cell ?? "")" })
        let unexpected = result.issues.filter { $0.severity == .error && !plantedCells.contains("\($0.provenance.file) \($0.provenance.cell)") }
        #expect(unexpected.isEmpty, "\(unexpected.map { "\($0.rule) \($0.provenance.file) \($0.provenance.cell): \($0.message)" })")
    }

    @Test func unreadableFilesBecomeOneIssueEach() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("huyen-a.xlsx")
        try Data("STT,Tên đơn vị\n1,Cái Khế\n".utf8).write(to: csv)
        let empty = dir.appendingPathComponent("huyen-b.xlsx")
        try Data().write(to: empty)
        for url in [csv, empty, dir.appendingPathComponent("khong-co.xlsx")] {
            let read = SubmissionReader.read(path: url.path)
            #expect(read.sheets.isEmpty)
            #expect(read.issues.count == 1)
            #expect(read.issues.first?.rule == RuleID.workbookUnreadable.rawValue)
            #expect(read.issues.first?.severity == .error)
            #expect(read.issues.first?.provenance.file == url.lastPathComponent)
            #expect(read.issues.first?.message.contains(url.lastPathComponent) == true)
        }
        #expect(SubmissionReader.read(path: csv.path).sha256 == SHA256.hex(Array("STT,Tên đơn vị\n1,Cái Khế\n".utf8)))
    }
}
