import Core

/// What a run tells cron and the shell. The numbers are a contract: scripts and timers test them.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success: everything read, no finding above a note |
/// | 1 | success with warnings: reports written, some findings to look at |
/// | 2 | input errors: some values or files were rejected (listed in issues.csv); reports written from the rest |
/// | 3 | configuration error: pipeline.yml, the unit registry or a template is wrong; nothing was run |
/// | 4 | another run holds the lock, or another process holds the store's write lock past the busy wait: try later |
/// | 64 | the command line itself is wrong (usage): an option, a date or year, an `--output` that is not a usable folder |
/// | 70 | internal failure: a bug or an unexpected system error; the message says what |
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case warnings = 1
    case inputErrors = 2
    case configurationError = 3
    case locked = 4
    case usage = 64
    case internalFailure = 70

    /// This status, or `other` when that is worse, among the statuses of a run that finished
    /// (0, 1, 2): a run whose PDF could not be made says 1 at least, and a run with input errors
    /// still says 2.
    ///
    ///     ExitStatus.success.atLeast(.warnings)       // .warnings
    ///     ExitStatus.inputErrors.atLeast(.warnings)   // .inputErrors
    public func atLeast(_ other: ExitStatus) -> ExitStatus {
        rawValue >= other.rawValue ? self : other
    }

    /// The status of a run that finished, from the worst finding it made.
    public static func of(issues: [Issue]) -> ExitStatus {
        if issues.contains(where: { $0.severity == .error }) { return .inputErrors }
        if issues.contains(where: { $0.severity == .warning }) { return .warnings }
        return .success
    }
}
