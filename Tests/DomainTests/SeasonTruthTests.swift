@testable import Aggregate
@testable import Config
@testable import Core
import Foundation
@testable import Model
@testable import Run
@testable import Storage
import Testing

/// Input/ is the season's truth: what the store says for the run's year is what the input
/// folder holds now. Run on a copy of the sample, remove a workbook, run again, put it back.
@Suite(.serialized) struct SeasonTruthTests {
    static let withdrawnFile = "mau-2024-925-co-do.xlsx"
    static let withdrawnUnit = "925"

    /// A temporary project: a copy of the sample's Input/ and a store path beside it.
    struct Project {
        var root: URL
        var input: URL { root.appendingPathComponent("Input") }
        var store: String { root.appendingPathComponent("xhht.sqlite").path }
        var pipeline: Pipeline

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-season-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: SharedData.repositoryRoot.appendingPathComponent("Input"),
                                             to: root.appendingPathComponent("Input"))
            let config = try PipelineConfigLoader.load(path: SharedData.repositoryRoot.appendingPathComponent("pipeline.yml").path)
                .applying(overrides: ConfigOverrides(input: root.appendingPathComponent("Input").path))
            pipeline = Pipeline(config: config, registry: try config.loadRegistry())
        }

        /// What `xhht run` does up to the model: read Input/, record in the store, model from the store.
        func run() throws -> (reading: Pipeline.Reading, outcomes: [String: ImportOutcome], model: ReportModel, store: Store) {
            var clock = StageClock()
            var reading = pipeline.read(try InputFolder.list(in: input.path), clock: &clock)
            let store = try Store(path: store)
            let run = try store.beginRun(configSHA256: "test")
            let outcomes = try pipeline.record(&reading, in: store)
            try store.finishRun(run, exitStatus: ExitStatus.of(issues: reading.issues).rawValue, counts: RunCounts())
            let model = try ReportModelBuilder.build(config: pipeline.config, registry: pipeline.registry,
                                                     facts: try store.facts(year: pipeline.config.year), issues: reading.issues,
                                                     documentDate: "2024-12-05", generatedBy: "test")
            return (reading, outcomes, model, store)
        }
    }

    static func unit(_ model: ReportModel, _ code: String) -> ReportUnit? { model.units.first { $0.code == code } }

    @Test func removedWorkbookLeavesNoFiguresAWarningAndItsHistory() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.run()
        #expect(Self.unit(first.model, Self.withdrawnUnit)?.reported == true)
        #expect(try first.store.facts(year: 2024).contains { $0.provenance.file == Self.withdrawnFile })
        #expect(!first.reading.issues.contains { $0.rule == RuleID.submissionWithdrawn.rawValue })
        let before = first.model.indicators.map(\.total)

        let saved = project.root.appendingPathComponent(Self.withdrawnFile)
        try FileManager.default.moveItem(at: project.input.appendingPathComponent(Self.withdrawnFile), to: saved)
        let second = try project.run()
        // No figures: no fact of the file, the district not reported, totals changed.
        #expect(try !second.store.facts(year: 2024).contains { $0.provenance.file == Self.withdrawnFile })
        #expect(Self.unit(second.model, Self.withdrawnUnit)?.reported == false)
        #expect(second.model.indicators.map(\.total) != before)
        for indicator in second.model.indicators {
            #expect(!indicator.breakdown.contains { $0.unitCode == Self.withdrawnUnit && $0.numerator != nil })
        }
        // A warning names the file read before, and when it was received and stored.
        let warnings = second.reading.issues.filter { $0.rule == RuleID.submissionWithdrawn.rawValue }
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.provenance.file == Self.withdrawnFile)
        #expect(warnings.first?.unit == Self.withdrawnUnit)
        #expect(warnings.first?.message.contains("nhận ngày") == true)
        #expect(warnings.first?.message.contains("lưu ở lần chạy ngày") == true)
        #expect(warnings.first?.message.contains("không còn trong thư mục đầu vào") == true)
        // The run keeps the warning: `xhht report` reads the last run's findings from the store.
        let lastRun = try #require(try second.store.runs().last)
        #expect(try second.store.issues(run: lastRun.id).contains { $0.rule == RuleID.submissionWithdrawn.rawValue })
        // History: the submission is kept, withdrawn, with its facts.
        let history = try second.store.submissions(year: 2024).filter { $0.file == Self.withdrawnFile }
        #expect(history.count == 1)
        #expect(history.first?.withdrawn != nil)
        #expect(history.first?.isCurrent == false)
        let kept = try second.store.database.cachedStatement("SELECT count(*) FROM facts WHERE submission_id = ?")
            .rows([.integer(history.first?.id ?? -1)]) { $0.int64(at: 0) ?? 0 }.first ?? 0
        #expect(kept > 0)

        // A third run without the file still says why, with the first withdrawal's date.
        let third = try project.run()
        let again = third.reading.issues.filter { $0.rule == RuleID.submissionWithdrawn.rawValue }
        #expect(again.map(\.message) == warnings.map(\.message))

        // Putting the file back restores the same submission and its figures.
        try FileManager.default.moveItem(at: saved, to: project.input.appendingPathComponent(Self.withdrawnFile))
        let fourth = try project.run()
        guard case .restored(let previous)? = fourth.outcomes[Self.withdrawnFile] else {
            Issue.record("expected .restored, got \(String(describing: fourth.outcomes[Self.withdrawnFile]))"); return
        }
        #expect(previous.id == history.first?.id)
        #expect(!fourth.reading.issues.contains { $0.rule == RuleID.submissionWithdrawn.rawValue })
        #expect(Self.unit(fourth.model, Self.withdrawnUnit)?.reported == true)
        #expect(fourth.model.indicators.map(\.total) == before)
        #expect(try fourth.store.submissions(year: 2024).allSatisfy { $0.withdrawn == nil })
    }

    @Test func emptyInputShowsNoFigures() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.run()
        #expect(first.model.indicators.contains { $0.total.numerator != nil })

        for name in try FileManager.default.contentsOfDirectory(atPath: project.input.path) {
            try FileManager.default.removeItem(at: project.input.appendingPathComponent(name))
        }
        let empty = try project.run()
        #expect(try empty.store.facts(year: 2024).isEmpty)
        #expect(empty.model.indicators.allSatisfy { $0.total.numerator == nil && $0.total.denominator == nil })
        #expect(empty.model.units.allSatisfy { !$0.reported })
        let withdrawn = Set(empty.reading.issues.filter { $0.rule == RuleID.submissionWithdrawn.rawValue }.map(\.provenance.file))
        #expect(withdrawn == Set(first.outcomes.keys))
    }

    @Test func aFileStillPresentButUnreadableIsSaidSo() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        _ = try project.run()
        // The same name, now not a workbook.
        try Data("không phải xlsx".utf8).write(to: project.input.appendingPathComponent(Self.withdrawnFile))
        let second = try project.run()
        let warning = second.reading.issues.first { $0.rule == RuleID.submissionWithdrawn.rawValue }
        #expect(warning?.provenance.file == Self.withdrawnFile)
        #expect(warning?.message.contains("vẫn có trong thư mục đầu vào") == true)
        #expect(Self.unit(second.model, Self.withdrawnUnit)?.reported == false)
    }
}
