// Pipeline benchmark: one district workbook of 10,000 commune rows (the default form), through
// the stages of `Pipeline.read` and `Pipeline.record`, each timed on its own:
//
//   read       SubmissionReader.read (unzip, parse, shared strings, SHA-256)
//   normalize  Normalizer.normalize (header, units, values with provenance), with a Normalizer
//              made once before, as a run makes one for all its workbooks
//   validate   Validator.validate (value rules, duplicates, missing units)
//   store      Store.importSubmission of the accepted facts and the issues, into a fresh file
//   load       Store.facts(year:) reading those facts back (what `xhht report` starts with)
//
// and, once before them, `stageRegistry`: loading the national unit list (--units).
//
//   PipelineBench WORKBOOK.xlsx [repetitions] [--config pipeline.yml] [--units units.csv]
//   PipelineBench --registry-only [repetitions] [--units units.csv]
//
// The second form times only the registry load, `Folding.fold` and `UnitName` of every unit
// name of the list (`stageRegistry`, `stageFold`, `stageUnitNames`; scripts/bench-registry.sh).
//
// prints the median wall time of each stage and what normalize + validate + store cost as a
// share of the read. Under callgrind, run it with 1 repetition: each stage is a function of its
// own (`stageRead`, `stageNormalize`, ...), so `callgrind_annotate --inclusive=yes` gives each
// stage's instruction count (Benchmarks/Pipeline/run.sh does both).
import Config
import Core
import Foundation
import Intake
import Storage
import Units

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    let value = arguments[i + 1]
    arguments.removeSubrange(i...i + 1)
    return value
}
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repo = here.appendingPathComponent("../../../..").standardizedFileURL
let configPath = option("--config") ?? repo.appendingPathComponent("pipeline.yml").path
let unitsPath = option("--units") ?? ["/work/shared/domain/units", repo.appendingPathComponent("../shared/domain/units").path]
    .map { $0 + "/units-2023-04-10.csv" }.first { FileManager.default.fileExists(atPath: $0) } ?? ""

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2 }

/// Loading the national unit list: outside the stages of a submission, but paid at the start of
/// every run, so timed and counted under callgrind on its own.
@inline(never) func stageRegistry(_ path: String) throws -> UnitRegistry {
    try UnitRegistry(contentsOf: path)
}

/// `Folding.fold` of every name (the UTF-8 length of the keys, so that nothing is optimized away).
@inline(never) func stageFold(_ names: [String]) -> Int {
    names.reduce(0) { $0 + Folding.fold($1).utf8.count }
}

/// `UnitName` of every name.
@inline(never) func stageUnitNames(_ names: [String]) -> Int {
    names.reduce(0) { $0 + UnitName($1).markedKey.utf8.count }
}

if let i = arguments.firstIndex(of: "--registry-only") {
    arguments.remove(at: i)
    let repetitions = arguments.first.flatMap { Int($0) }.map { max(1, $0) } ?? 5
    let clock = ContinuousClock()
    var registry: UnitRegistry!
    var loads: [Double] = [], folds: [Double] = [], names: [Double] = []
    for _ in 0..<repetitions {
        loads.append(seconds(try clock.measure { registry = try stageRegistry(unitsPath) }))
        let all = registry.units.map(\.name)
        folds.append(seconds(clock.measure { precondition(stageFold(all) > 0) }) / Double(all.count))
        names.append(seconds(clock.measure { precondition(stageUnitNames(all) > 0) }) / Double(all.count))
    }
    print("\(unitsPath): \(registry.units.count) units; medians of \(repetitions) runs")
    print(String(format: "  registry load   %8.1f ms", median(loads) * 1000))
    print(String(format: "  Folding.fold    %8.0f ns per name", median(folds) * 1e9))
    print(String(format: "  UnitName        %8.0f ns per name", median(names) * 1e9))
    exit(0)
}
guard let workbook = arguments.first else {
    FileHandle.standardError.write(Data("usage: PipelineBench WORKBOOK.xlsx [repetitions] [--config pipeline.yml] [--units units.csv]\n".utf8))
    exit(2)
}
let repetitions = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 5) : 5

let config = try PipelineConfigLoader.load(path: configPath)

let registryStart = ContinuousClock.now
let registry = try stageRegistry(unitsPath)
let registrySeconds = ContinuousClock.now - registryStart

@MainActor @inline(never) func stageRead(_ path: String) -> WorkbookRead {
    SubmissionReader.read(path: path)
}

// Made once per run, as `Pipeline.read` does (the sheet definitions' aliases compiled into
// header keys), not once per workbook.
let normalizer = Normalizer(config: config, registry: registry)

@MainActor @inline(never) func stageNormalize(_ read: WorkbookRead) -> NormalizedSubmission {
    normalizer.normalize(file: read.file, sheets: read.sheets)
}

@MainActor @inline(never) func stageValidate(_ submission: NormalizedSubmission) -> ValidationResult {
    Validator(config: config, registry: registry).validate([submission])
}

@MainActor @inline(never) func stageStore(_ store: Store, _ read: WorkbookRead, _ result: ValidationResult) throws -> ImportOutcome {
    try store.importSubmission(file: read.file, sha256: read.sha256 ?? "", unitCode: "bench", year: config.year,
                               received: Date(timeIntervalSince1970: 1_732_950_000), records: result.records, issues: result.issues)
}

@MainActor @inline(never) func stageLoad(_ store: Store) throws -> [Fact] {
    try store.facts(year: config.year)
}

let clock = ContinuousClock()
var times: [String: [Double]] = [:]
/// CPU time of the process (every thread) per stage: the read inflates on a thread of its own,
/// so its wall time is less than the work it does; the stages after it use one thread.
var cpuTimes: [String: [Double]] = [:]
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
/// Runs `body` as stage `name`, recording its wall and CPU time.
@MainActor func timed(_ name: String, _ body: () throws -> Void) rethrows {
    let cpu = cpuSeconds()
    times[name, default: []].append(seconds(try clock.measure(body)))
    cpuTimes[name, default: []].append(cpuSeconds() - cpu)
}
var rows = 0, facts = 0, issues = 0
var chunkShape = ""  // rows of facts of one import
for _ in 0..<repetitions {
    var read: WorkbookRead!
    timed("read") { read = stageRead(workbook) }
    guard read.isReadable else { fatalError("unreadable workbook: \(read.issues.map(\.message))") }
    var submission: NormalizedSubmission!
    timed("normalize") { submission = stageNormalize(read) }
    var result: ValidationResult!
    timed("validate") { result = stageValidate(submission) }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-bench-pipeline-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("bench.sqlite").path)
    var outcome: ImportOutcome?
    try timed("store") { outcome = try stageStore(store, read, result) }
    precondition(outcome == .added)
    var loaded: [Fact] = []
    try timed("load") { loaded = try stageLoad(store) }
    precondition(loaded == result.facts, "the facts read back differ from those stored")
    chunkShape = try store.database.scalar("SELECT count(*) || ' rows of facts' FROM facts") ?? ""
    rows = submission.records.count
    facts = result.factCount
    issues = result.issues.count
}

let stages = ["read", "normalize", "validate", "store", "load"]
let m = Dictionary(uniqueKeysWithValues: stages.map { ($0, median(times[$0]!)) })
let c = Dictionary(uniqueKeysWithValues: stages.map { ($0, median(cpuTimes[$0]!)) })
print("\(workbook): \(rows) rows, \(facts) facts, \(issues) issues; medians of \(repetitions) runs")
print("  store: " + chunkShape)
print("  registry  " + String(format: "%8.1f ms", seconds(registrySeconds) * 1000) + "   (\(registry.units.count) units, loaded once)")
for stage in stages {
    let name = stage.padding(toLength: 10, withPad: " ", startingAt: 0)
    print("  \(name)" + String(format: "%8.1f ms   cpu %6.1f ms", m[stage]! * 1000, c[stage]! * 1000)
          + "   (" + times[stage]!.map { String(format: "%.0f", $0 * 1000) }.joined(separator: " ") + ")")
}
let after = m["normalize"]! + m["validate"]! + m["store"]!, afterCPU = c["normalize"]! + c["validate"]! + c["store"]!
print(String(format: "  normalize + validate + store: %.1f ms = %.0f%% of the read's wall time; cpu %.1f ms = %.0f%% of the read's",
             after * 1000, after / m["read"]! * 100, afterCPU * 1000, afterCPU / c["read"]! * 100))
