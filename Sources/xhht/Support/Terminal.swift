#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a person is watching: progress and colours only then.
enum Terminal {
    static var standardErrorIsInteractive: Bool { isatty(2) == 1 }
    static var standardOutputIsInteractive: Bool { isatty(1) == 1 }

    /// Writes a line to standard error, unbuffered, so it interleaves correctly with the log.
    static func printError(_ line: String) {
        var text = line
        if !text.hasSuffix("\n") { text += "\n" }
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in
            write(2, buffer.baseAddress!, buffer.count - 1)
        }
    }
}
