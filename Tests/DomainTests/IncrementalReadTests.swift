@testable import Config
@testable import Core
import Foundation
@testable import Intake
@testable import Run
@testable import Storage
import Testing

/// The pieces of an incremental run, without the binary: a reading kept in the store and
/// given back equals a fresh one, validation on kept readings equals validation on fresh ones,
/// the stage selections, and when a run has nothing new.
@Suite(.serialized) struct IncrementalReadTests {
    static func pipeline() throws -> Pipeline {
        let config = try PipelineConfigLoader.load(path: SharedData.repositoryRoot.appendingPathComponent("pipeline.yml").path)
            .applying(overrides: ConfigOverrides(input: SharedData.repositoryRoot.appendingPathComponent("Input").path))
        return Pipeline(config: config, registry: try config.loadRegistry())
    }

    @Test func aKeptReadingComesBackAsItWasAndValidatesTheSame() throws {
        let pipeline = try Self.pipeline()
        let listing = try InputFolder.list(in: pipeline.config.paths.input)
        var clock = StageClock()
        let fresh = pipeline.read(listing, clock: &clock)
        #expect(fresh.readings.count == 9)
        #expect(fresh.readings.allSatisfy { $0.workbook.sheets?.isEmpty == true })  // the cells are gone

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store(path: folder.appendingPathComponent("xhht.sqlite").path)
        try store.keepReadings(ReadCache.fresh(fresh.readings), settings: "s1")
        #expect(try store.cachedReadings(settings: "s2").isEmpty)  // other settings: nothing known
        let cache = ReadCache(kept: try store.cachedReadings(settings: "s1"))
        #expect(cache.kept.count == 9)

        let hashes = Dictionary(uniqueKeysWithValues: fresh.readings.map { ($0.workbook.file.name, $0.workbook.sha256) })
        for reading in fresh.readings {
            let back = try #require(cache.reading(of: reading.workbook.file, sha256: reading.workbook.sha256))
            #expect(back.submission == reading.submission)
            #expect(back.workbook.issues == reading.workbook.issues)
            #expect(back.workbook.sha256 == reading.workbook.sha256 && back.workbook.byteCount == reading.workbook.byteCount)
            #expect(back.workbook.file == reading.workbook.file)
            // A sheet's records share their columns again.
            if let records = back.submission?.records, records.count > 1 {
                records.first!.columns.fields.withUnsafeBufferPointer { first in
                    records[1].columns.fields.withUnsafeBufferPointer { second in
                        #expect(records[0].sheet != records[1].sheet || first.baseAddress == second.baseAddress)
                    }
                }
            }
            // Other bytes: not known.
            #expect(cache.reading(of: reading.workbook.file, sha256: String(repeating: "0", count: 64)) == nil)
        }
        let known = pipeline.read(listing, clock: &clock) { file in cache.reading(of: file, sha256: hashes[file.name] ?? "") }
        #expect(known.readings.allSatisfy { $0.kept })
        #expect(ReadCache.fresh(known.readings).isEmpty)  // nothing new to keep
        #expect(known.validation == fresh.validation)
        #expect(known.submissions == fresh.submissions)
    }

    @Test func stageSelectionsRunAContiguousPartStartingWhereTheyCan() throws {
        #expect(try StageSelection(from: nil, to: nil, only: nil).isAll)
        let importing = try StageSelection(from: nil, to: .store, only: nil)
        #expect(importing.runs(.read) && importing.runs(.store) && !importing.runs(.model) && !importing.runs(.outputs))
        let reporting = try StageSelection(from: .model, to: nil, only: nil)
        #expect(!reporting.runs(.read) && !reporting.runs(.store) && reporting.runs(.model) && reporting.runs(.outputs))
        let modelOnly = try StageSelection(from: nil, to: nil, only: .model)
        #expect(modelOnly.first == .model && modelOnly.last == .model && !modelOnly.isAll)
        for (from, to, only) in [(StageSelection.Stage.store, nil, nil), (.outputs, nil, nil), (nil, nil, .store), (nil, nil, .outputs),
                                 (.model, .read, nil), (.read, nil, .read), (nil, .outputs, .model)] as [(StageSelection.Stage?, StageSelection.Stage?, StageSelection.Stage?)] {
            #expect(throws: CommandFailure.self, "\(String(describing: from)) \(String(describing: to)) \(String(describing: only))") {
                try StageSelection(from: from, to: to, only: only)
            }
            do {
                _ = try StageSelection(from: from, to: to, only: only)
            } catch {
                #expect(error.status == .usage)
            }
        }
    }

    @Test func nothingIsNewOnlyWhenTheLastWholeRunReadTheSameAndItsOutputsAreThere() {
        let last = RunRecord(id: 7, started: Date(), finished: Date(), configSHA256: "c", command: "run", exitStatus: 2,
                             counts: RunCounts(), fingerprint: "f")
        let plan = RunPlan(listing: InputListing(files: [], issues: []), files: [], removed: [], fingerprint: "f",
                           lastRun: last, previousFingerprint: "f", outputsPresent: true)
        #expect(plan.nothingNew)
        var other = plan
        other.fingerprint = "g"
        #expect(!other.nothingNew)                          // something changed
        other = plan
        other.outputsPresent = false
        #expect(!other.nothingNew)                          // an output was deleted
        other = plan
        other.lastRun?.command = "import"
        #expect(!other.nothingNew)                          // something else ran since
        other = plan
        other.lastRun?.finished = nil
        other.lastRun?.exitStatus = nil
        #expect(!other.nothingNew)                          // the last run died
        other = plan
        other.previousFingerprint = nil
        #expect(!other.nothingNew)                          // `xhht report` rewrote the outputs, or no manifest
    }

    @Test func fingerprintsSeparateTheirParts() {
        #expect(RunFingerprint.digest(["ab", "c"]) != RunFingerprint.digest(["a", "bc"]))
        #expect(RunFingerprint.digest(["a"]) == RunFingerprint.digest(["a"]))
        #expect(RunFingerprint.digest(["a"]).count == 64)
    }
}
