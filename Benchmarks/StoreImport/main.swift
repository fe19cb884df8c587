// Store import benchmark: 10,000 commune rows x 16 fields (160,000 facts), the size of a
// national roll-up (the scale of issue 15's figures). Run with scripts/bench-store.sh (release build, outside the test suite).
//
// Measures, as medians of several repetitions on a fresh store each time:
//   - one submission holding all 160,000 facts (.added)
//   - the same file again (.unchanged: one lookup)
//   - a changed file replacing it (.replaced: supersede + 160,000 inserts)
//   - 700 submissions of ~14 communes each (one per district, one transaction each)
//   - reading the year's facts back (facts(year:))
//   - counting all facts and deleting one unit's, as in the sqlite3 shell
import Core
import Foundation
import Storage

let communes = 10_000
let fields = (0..<16).map { "field_\($0)" }
let repetitions = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 5

func facts(base: Int64, file: String) -> [Fact] {
    var out: [Fact] = []
    out.reserveCapacity(communes * fields.count)
    for c in 0..<communes {
        let code = String(repeating: "0", count: 5 - String(c).count) + String(c)
        for (f, field) in fields.enumerated() {
            let value: FieldValue = f == 0 ? .level(c % 3) : f == 1 ? .yesNo(c % 2 == 0) : .count(base + Int64(c * 7 + f))
            out.append(Fact(unitCode: code, year: 2024, field: field, value: value,
                            provenance: Provenance(file: file, sheet: "Cấp xã", cell: "C\(c + 7)")))
        }
    }
    return out
}

func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
/// CPU time of this process (user + system): less sensitive than wall time to other processes
/// sharing the machine.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // 0 = RUSAGE_SELF (Glibc imports the constant as an enum the call does not take)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
/// Wall and CPU seconds of `body`.
func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let cpu = cpuSeconds()
    let wall = try ContinuousClock().measure(body)
    return (seconds(wall), cpuSeconds() - cpu)
}
func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }

let first = facts(base: 0, file: "a.xlsx")
let second = facts(base: 1, file: "b.xlsx")
typealias Times = [(wall: Double, cpu: Double)]
var added: Times = [], unchanged: Times = [], replaced: Times = [], perDistrict: Times = [], read: Times = []
var counted: Times = [], deleted: Times = []
let received = Date(timeIntervalSince1970: 1_732_950_000)

for _ in 0..<repetitions {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try Store(path: folder.appendingPathComponent("a.sqlite").path)
    added.append(try measure({
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "92", year: 2024, received: received, facts: first, issues: [])
    }))
    unchanged.append(try measure({
        _ = try store.importSubmission(file: "a.xlsx", sha256: "h1", unitCode: "92", year: 2024, received: received, facts: first, issues: [])
    }))
    replaced.append(try measure({
        _ = try store.importSubmission(file: "b.xlsx", sha256: "h2", unitCode: "92", year: 2024, received: received, facts: second, issues: [])
    }))
    var got = 0
    read.append(try measure({ got = try store.facts(year: 2024).count }))
    precondition(got == first.count, "read \(got) facts")
    // What someone does in the sqlite3 shell: count the facts, delete one unit's.
    var count = ""
    counted.append(try measure({ count = try store.database.scalar("SELECT count(*) FROM facts") ?? "" }))
    precondition(count == "\(first.count + second.count)", "counted \(count) facts")
    deleted.append(try measure({ try store.database.execute("DELETE FROM facts WHERE unit_code = '05000'") }))
    let left = try store.facts(year: 2024).count
    precondition(left == first.count - fields.count, "one unit's facts deleted")

    let other = try Store(path: folder.appendingPathComponent("b.sqlite").path)
    let chunk = (communes + 699) / 700 * fields.count
    perDistrict.append(try measure({
        var start = 0, district = 0
        while start < first.count {
            let end = min(start + chunk, first.count)
            _ = try other.importSubmission(file: "d\(district).xlsx", sha256: "h\(district)", unitCode: "\(100 + district)", year: 2024,
                                           received: received, facts: Array(first[start..<end]), issues: [])
            start = end
            district += 1
        }
    }))
}

func line(_ label: String, _ times: Times) {
    let wall = times.map(\.wall), cpu = times.map(\.cpu)
    print(label.padding(toLength: 50, withPad: " ", startingAt: 0)
          + String(format: "wall median %.3f s (min %.3f)   cpu median %.3f s (min %.3f)", median(wall), wall.min()!, median(cpu), cpu.min()!))
}
print("Store import, \(communes) communes x \(fields.count) fields = \(first.count) facts, \(repetitions) repetitions")
line("added (one submission, one transaction)", added)
line("unchanged (same sha256 again)", unchanged)
line("replaced (changed file: supersede + insert)", replaced)
line("700 district submissions (700 transactions)", perDistrict)
line("facts(year:) read back", read)
line("SELECT count(*) FROM facts (both submissions)", counted)
line("DELETE FROM facts WHERE unit_code = '05000'", deleted)
