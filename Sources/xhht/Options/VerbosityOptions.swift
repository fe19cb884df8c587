import ArgumentParser
import Core
import Logging
import Run

/// How much a command says, and how. On a terminal it shows progress; under cron (no terminal)
/// it stays quiet unless something changed or went wrong, so the nightly mail means something.
/// `--log-format json` writes the log as JSON lines for a collector, with the info lines (one
/// per stage with its time) even without a terminal, and no progress bar.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Chỉ in cảnh báo và lỗi.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "In từng bước (nhật ký gỡ lỗi).")
    var verbose = false

    @Option(name: .customLong("log-format"), help: ArgumentHelp(
        "Dạng nhật ký trên stderr: text (cho người đọc) hoặc json (mỗi dòng một đối tượng: time, level, stage, message, fields).",
        valueName: "text|json"))
    var logFormat: LogFormat = .text

    /// The log level these flags and the terminal call for.
    var logLevel: Logger.Level {
        if verbose { return .debug }
        if quiet { return .warning }
        return Terminal.standardErrorIsInteractive || logFormat == .json ? .info : .warning
    }

    /// The command's logger, at `logLevel`, in `logFormat`; the command's other messages on
    /// standard error (the summary, a failure: `Terminal.printError`) take the same format.
    func makeLogger() -> Logger {
        Terminal.messageFormat.withLock { $0 = logFormat }
        return LoggingSetup.makeLogger(level: logLevel, format: logFormat)
    }

    /// The run's stage clock: a log line per stage, and a progress bar when a person watches
    /// standard error (a terminal, the text log, not `-q`).
    func stageClock(logger: Logger) -> StageClock {
        let bar = quiet || logFormat == .json ? nil : ProgressBar.onStandardError()
        return StageClock(observer: StageLog(logger: logger, bar: bar))
    }
}
