/// A failure that ends a command with a documented exit status and one message for the user.
/// The session and the commands throw it; the command line's `runReportingFailures` prints the
/// message (Vietnamese) and, with `-v`, the technical detail (the system's or SQLite's English
/// words), then exits with the status.
///
///     throw CommandFailure(status: .configurationError, message: "Chưa có cơ sở dữ liệu ở ...")
public struct CommandFailure: Error, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String
    /// For the technician: shown with `-v` only.
    public var detail: String?

    public init(status: ExitStatus, message: String, detail: String? = nil) {
        self.status = status
        self.message = message
        self.detail = detail
    }

    public var description: String { message }
}
