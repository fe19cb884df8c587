import Foundation

/// Runs a child process for a test and returns its exit status, stdout and stderr, whatever it
/// does: both pipes are drained at once on their own threads (reading one to its end and then
/// the other deadlocks once the child fills the unread pipe's 64 KiB buffer), and a child still
/// running after `timeout` seconds is killed (SIGKILL) so that a hung command fails its test
/// instead of hanging the suite. Shared by the end-to-end and browser tests (target TestSupport).
///
///     let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo hi"], in: dir)
///     // r.status == 0, r.stdout == "hi\n", r.timedOut == false
public enum ChildProcess {
    public struct Result: Sendable {
        /// The exit status, or the signal number when the child was killed (see `timedOut`).
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// The raw stdout (binary output, e.g. pdftoppm's images).
        public var stdoutData: Data
        /// true when the child outlived the timeout and was killed.
        public var timedOut = false
    }

    /// Two minutes: a whole `xhht run` on the sample takes seconds, even on a busy CI machine.
    public static let defaultTimeout: TimeInterval = 120

    /// Where one pipe's bytes land; written by one reader thread, read after `group.wait()`.
    private final class Sink: @unchecked Sendable {
        var data = Data()
    }

    /// `environment`: variables set (or, with nil, removed) on top of this process's own.
    public static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                    environment: [String: String?] = [:],
                    timeout: TimeInterval = defaultTimeout) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let group = DispatchGroup()
        let outSink = Sink(), errSink = Sink()
        for (pipe, sink) in [(out, outSink), (err, errSink)] {
            let reader = pipe.fileHandleForReading
            group.enter()
            Thread.detachNewThread {
                sink.data = reader.readDataToEndOfFile()
                group.leave()
            }
        }
        // Both pipes reach their end when the child exits (or is killed).
        var timedOut = false
        if group.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            // A grandchild may still hold the pipes open: give up on its output rather than hang.
            _ = group.wait(timeout: .now() + 5)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outSink.data, as: UTF8.self),
                      stderr: String(decoding: errSink.data, as: UTF8.self),
                      stdoutData: outSink.data, timedOut: timedOut)
    }
}
