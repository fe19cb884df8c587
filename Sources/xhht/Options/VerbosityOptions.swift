import ArgumentParser
import Logging

/// How much a command says. On a terminal it shows progress; under cron (no terminal) it stays
/// quiet unless something changed or went wrong, so the nightly mail means something.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Chỉ in cảnh báo và lỗi.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "In từng bước (nhật ký gỡ lỗi).")
    var verbose = false

    /// The log level these flags and the terminal call for.
    var logLevel: Logger.Level {
        if verbose { return .debug }
        if quiet { return .warning }
        return Terminal.standardErrorIsInteractive ? .info : .warning
    }
}
