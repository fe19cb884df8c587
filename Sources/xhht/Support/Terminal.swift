#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import Run
import Synchronization

/// Whether a person is watching: progress and colours only then.
enum Terminal {
    static var standardErrorIsInteractive: Bool { isatty(2) == 1 }
    static var standardOutputIsInteractive: Bool { isatty(1) == 1 }

    /// How `printError` writes: plain lines, or JSON log lines under `--log-format json`, so
    /// that a log collector reads every line of standard error (the summary, a failure) as
    /// one object. Set once per command, with its logger (`VerbosityOptions.makeLogger`).
    static let messageFormat = Mutex(LogFormat.text)

    /// Writes a message to standard error, unbuffered, so it interleaves correctly with the
    /// log: as it is, or as one JSON log line at `level` (`JSONLogHandler.line`).
    static func printError(_ line: String, level: Logger.Level = .notice) {
        var text = line
        if messageFormat.withLock({ $0 }) == .json {
            text = JSONLogHandler.line(time: Date(), level: level, stage: nil, message: line, fields: [:])
        } else if !text.hasSuffix("\n") {
            text += "\n"
        }
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in
            write(2, buffer.baseAddress!, buffer.count - 1)
        }
    }
}
