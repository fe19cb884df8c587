import Run

/// A failure that ends a command with a documented exit status and one message for the user.
/// Commands throw it; `runReportingFailures` prints the message (Vietnamese) and, with `-v`, the
/// technical detail (the system's or SQLite's English words), then exits with the status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String
    /// For the technician: shown with `-v` only.
    var detail: String? = nil

    var description: String { message }
}
