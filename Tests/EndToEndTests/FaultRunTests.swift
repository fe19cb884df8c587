import Foundation
import Run
import Storage
import TestSupport
import Testing

/// The faults of a real machine, end to end, each with its Vietnamese message and the previous
/// outputs byte for byte as they were: runs killed (SIGKILL) at many moments, then a full run
/// equal to an uninterrupted one, with the killed runs' temporary files gone; a full disk; a
/// read-only Output/; another run holding the lock; another process holding the store.
@Suite(.serialized) struct FaultRunTests {
    typealias Sample = SampleRunTests

    static func run(_ arguments: [String], in project: URL) throws -> Sample.Result {
        try Sample.run(Sample.binary, arguments, in: project)
    }

    /// The reports compared (manifest.json holds the run's start and timings, so it differs).
    static let reports = ["bao-cao.docx", "bao-cao.html", "bieu-tong-hop.xlsx", "indicators.csv", "issues.csv", "report.json"]

    static func snapshot(_ project: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in reports {
            out[name] = try Data(contentsOf: project.appendingPathComponent("Output/2024/\(name)"))
        }
        return out
    }

    /// A sample project after one run, with a workbook then removed from Input/, so that the
    /// next run must rewrite every report; and the reports of that first run.
    static func ranOnceThenChanged() throws -> (project: URL, before: [String: Data]) {
        let project = try Sample.sampleProject()
        #expect(try Self.run(["run", "--date", "2024-12-05"], in: project).status == 2)
        let before = try Self.snapshot(project)
        try FileManager.default.removeItem(at: project.appendingPathComponent("Input/mau-2024-927-thoi-lai.xlsx"))
        return (project, before)
    }

    /// Temporary files of the atomic writer (`.<name>.<pid>.tmp`) in a folder.
    static func temporaryFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// A pid no process can have (above any pid_max): the writer of a planted leftover.
    static let deadPid = Int32.max - 1

    @Test func runsKilledAtManyMomentsThenAFullRunGiveTheUninterruptedOutputs() throws {
        let reference = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: reference) }
        #expect(try Self.run(["run", "--date", "2024-12-05"], in: reference).status == 2)
        let expected = try Self.snapshot(reference)

        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        // Leftovers of a run killed long ago, in the year's folder and beside the store.
        let year = project.appendingPathComponent("Output/2024"), root = project.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: year, withIntermediateDirectories: true)
        try Data("nửa tệp".utf8).write(to: year.appendingPathComponent(".bao-cao.docx.\(Self.deadPid).tmp"))
        try Data("nửa tệp".utf8).write(to: root.appendingPathComponent(".xhht.sqlite.\(Self.deadPid).tmp"))
        // Moments spread over a whole run (startup, reading, the store, rendering), the same
        // every time the test runs: a fixed sequence, not the clock's randomness.
        var seed: UInt64 = 19
        for _ in 0..<10 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let delay = 0.05 + Double(seed >> 33) / Double(1 << 31) * 1.5
            let process = Process()
            process.executableURL = Sample.binary
            process.arguments = ["run", "--date", "2024-12-05"]
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let full = try Self.run(["run", "--date", "2024-12-05"], in: project)
        #expect(full.status == 2, "stderr: \(full.stderr)")
        #expect(try Self.snapshot(project) == expected)
        #expect(try Self.temporaryFiles(year).isEmpty)
        #expect(try Self.temporaryFiles(root).isEmpty)
    }

    /// A file of the pattern whose writer still lives (this test process) is left alone.
    @Test func aLiveWritersTemporaryFileIsKept() throws {
        let project = try Sample.sampleProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let year = project.appendingPathComponent("Output/2024")
        try FileManager.default.createDirectory(at: year, withIntermediateDirectories: true)
        let live = year.appendingPathComponent(".bieu-mau.xlsx.\(getpid()).tmp")
        try Data("đang ghi".utf8).write(to: live)
        #expect(try Self.run(["validate"], in: project).status == 2)
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    // MARK: - Disk and folder

    /// Whether this machine lets a process make its own mount namespace (user namespaces): how
    /// a full disk and a read-only folder are made without touching the machine.
    static let namespaces: Bool = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-ns-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/unshare"), ["-rm", "sh", "-c", "mount -t tmpfs -o size=64k none '\(dir.path)'"],
                                      timeout: 20)
        return r?.status == 0
    }()

    /// Runs `script` with sh in a private mount namespace (unshare -rm) in `project`, with
    /// $XHHT set to the binary.
    static func inNamespace(_ script: String, in project: URL) throws -> Sample.Result {
        try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/unshare"), ["-rm", "sh", "-c", script], in: project,
                             environment: ["XHHT": Sample.binary.path])
    }

    /// Output/2024 on a small file system holding the previous reports and nothing more: the
    /// next run, with a workbook changed, cannot write its reports. It says the disk is full,
    /// naming the report, exits 70, and every previous report is as it was, with no
    /// temporary file left.
    @Test(.enabled(if: namespaces, "unshare -rm with a tmpfs (user namespaces) makes a full disk without root on the host"))
    func aFullDiskKeepsThePreviousReports() throws {
        let (project, before) = try Self.ranOnceThenChanged()
        defer { try? FileManager.default.removeItem(at: project) }
        let script = """
            set -e
            cp -a Output/2024 truoc
            mount -t tmpfs -o size=\(20 << 20) none Output/2024
            cp -a truoc/. Output/2024/
            cat /dev/zero > Output/2024/.day 2>/dev/null || true
            set +e
            "$XHHT" run --date 2024-12-05
            echo "exit=$?"
            rm -f Output/2024/.day
            for f in \(Self.reports.joined(separator: " ")); do cmp -s "truoc/$f" "Output/2024/$f" && echo "same $f"; done
            ls -A Output/2024 | grep -c '\\.tmp$' | sed 's/^/temporary=/'
            """
        let r = try Self.inNamespace(script, in: project)
        #expect(r.stdout.contains("exit=70"), "stdout: \(r.stdout)\nstderr: \(r.stderr)")
        #expect(r.stderr.contains("ổ đĩa đã đầy"))
        #expect(r.stderr.contains("Output/2024/"))
        #expect(r.stderr.contains("Các tệp kết quả đã có vẫn giữ nguyên"))
        for name in Self.reports { #expect(r.stdout.contains("same \(name)"), "\(name) changed") }
        #expect(r.stdout.contains("temporary=0"))
        // Outside the namespace the folder was never mounted over: the reports are the first run's.
        #expect(try Self.snapshot(project) == before)
    }

    /// Output/2024 read-only (a read-only bind mount: chmod does not stop root): the run stops
    /// before reading anything, exit 3, saying the disk is read-only; the reports stay.
    @Test(.enabled(if: namespaces, "unshare -rm (user namespaces) makes a read-only bind mount without root on the host"))
    func aReadOnlyOutputFolderStopsBeforeAnythingRuns() throws {
        let (project, before) = try Self.ranOnceThenChanged()
        defer { try? FileManager.default.removeItem(at: project) }
        let script = """
            mount --bind Output/2024 Output/2024 && mount -o remount,bind,ro Output/2024 || exit 99
            "$XHHT" run --date 2024-12-05
            echo "exit=$?"
            """
        let r = try Self.inNamespace(script, in: project)
        #expect(r.stdout.contains("exit=3"), "stdout: \(r.stdout)\nstderr: \(r.stderr)")
        #expect(r.stderr.contains("ổ đĩa chỉ cho đọc"))
        #expect(r.stderr.contains("Output/2024"))
        #expect(try Self.snapshot(project) == before)
    }

    // MARK: - Locks

    /// Another run holds the lock: exit 4 at once, nothing written.
    @Test func aHeldLockLeavesThePreviousReports() throws {
        let (project, before) = try Self.ranOnceThenChanged()
        defer { try? FileManager.default.removeItem(at: project) }
        // Held by this test process (another open file description: the child fails as a second run would).
        let lock = try #require(try RunLock.acquire(at: project.appendingPathComponent("Output/.xhht.lock")))
        let r = try Self.run(["run", "--date", "2024-12-05"], in: project)
        lock.release()
        #expect(r.status == 4, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("Một lần chạy xhht khác đang làm việc"))
        #expect(try Self.snapshot(project) == before)
    }

    /// Another process holds the store's write lock past the wait: exit 4 after 5 s, the
    /// store and the reports as they were.
    @Test func aBusyStoreLeavesThePreviousReportsAndStore() throws {
        let (project, before) = try Self.ranOnceThenChanged()
        defer { try? FileManager.default.removeItem(at: project) }
        let store = project.appendingPathComponent("Output/xhht.sqlite").path
        let runsBefore = try CommandLineTests.tableCounts(store)
        let holder = try Database(path: store)
        try holder.execute("BEGIN IMMEDIATE")
        let r = try Self.run(["run", "--date", "2024-12-05"], in: project)
        try holder.execute("ROLLBACK")
        try holder.close()
        #expect(r.status == 4, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("đang bị một chương trình khác giữ"))
        #expect(try Self.snapshot(project) == before)
        #expect(try CommandLineTests.tableCounts(store) == runsBefore)
    }
}
