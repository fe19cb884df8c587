import Rollup

/// A failure that ends a command with a documented exit status and one message for the user.
/// Commands throw it; `Session.finish` prints the message and exits with the status.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    var description: String { message }
}
