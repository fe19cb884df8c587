import Logging
import Run

/// The command's logger: lines to standard error in the format asked for (`--log-format`),
/// at the level of the verbosity flags. Handlers are given to each logger (no process-wide
/// bootstrap, which swift-log allows once), so tests and commands can make several.
enum LoggingSetup {
    static func makeLogger(level: Logger.Level, format: LogFormat = .text, label: String = "xhht") -> Logger {
        var logger = Logger(label: label) { label in
            switch format {
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .trace
                return handler
            case .json:
                var handler = JSONLogHandler()
                handler.logLevel = .trace
                return handler
            }
        }
        logger.logLevel = level
        return logger
    }
}
