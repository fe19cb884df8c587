import Foundation
import Testing
import TestSupport

/// The helper every end-to-end test runs `xhht` through: it must neither deadlock on a chatty
/// child nor wait forever on a hung one.
@Suite struct ChildProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")
    static let folder = URL(fileURLWithPath: NSTemporaryDirectory())

    /// 1 MiB on stderr before a word on stdout: a helper reading stdout to its end first
    /// would wait for ever (the child blocks on the full stderr pipe).
    @Test func aChildFillingStderrBeforeStdoutDoesNotDeadlock() throws {
        let r = try ChildProcess.run(Self.shell, ["-c", "head -c 1048576 /dev/zero | tr '\\0' x >&2; echo done"],
                                     in: Self.folder, timeout: 60)
        #expect(!r.timedOut)
        #expect(r.status == 0)
        #expect(r.stderr.utf8.count == 1_048_576)
        #expect(r.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(r.stdout == "done\n")
    }

    @Test func aChildOutlivingTheTimeoutIsKilled() throws {
        let r = try ChildProcess.run(Self.shell, ["-c", "echo started; exec sleep 600"], in: Self.folder, timeout: 1)
        #expect(r.timedOut)
        #expect(r.status == SIGKILL)
        #expect(r.stdout == "started\n")
    }

    @Test func exitStatusAndBothStreamsComeBack() throws {
        let r = try ChildProcess.run(Self.shell, ["-c", "echo out; echo err >&2; exit 3"], in: Self.folder)
        #expect(!r.timedOut)
        #expect(r.status == 3)
        #expect(r.stdout == "out\n")
        #expect(r.stderr == "err\n")
    }
}
