import Logging

/// One process-wide logging bootstrap: lines to standard error, the level from the command's
/// verbosity flags. swift-log allows one bootstrap per process, so commands call `start` once.
enum LoggingSetup {
    static func makeLogger(level: Logger.Level, label: String = "xhht") -> Logger {
        var logger = Logger(label: label) { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .trace
            return handler
        }
        logger.logLevel = level
        return logger
    }
}
