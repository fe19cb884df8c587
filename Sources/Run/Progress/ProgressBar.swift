import Foundation
import Synchronization

/// A one-line progress bar on standard error, for a person at a terminal: the counted stage
/// (files read) with its count and time left (`ProgressLine`), redrawn in place at most ten
/// times a second and wiped when the stage ends, so the log's lines stay whole.
///
///     let bar = ProgressBar.onStandardError()   // nil under cron, CI, a pipe or a file
///     bar?.start("read", items: 700)
///     bar?.advance()                            // from any thread
///     bar?.finish()
///
/// Only ever made for a terminal: without one (`isatty(2)` false, or `TERM=dumb`) there is no
/// bar and not one byte of it is written, so a cron mail or a CI log holds only the log.
public final class ProgressBar: Sendable {
    private struct State {
        var stage = ""
        var total = 0
        var done = 0
        var started = 0.0
        var lastDrawn = -1.0
        var drawing = false
    }

    private let state = Mutex(State())
    private let fd: Int32
    private let now: @Sendable () -> Double

    /// A bar writing to `fd`, with `now` in seconds (a test's clock); see `onStandardError`.
    init(fd: Int32, now: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.fd = fd
        self.now = now
    }

    /// The bar on standard error when it is an interactive terminal, else nil.
    public static func onStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressBar? {
        guard isatty(2) == 1, environment["TERM"] != "dumb" else { return nil }
        return ProgressBar(fd: 2)
    }

    /// A stage begins: drawn only when it counts items (`items` > 0).
    public func start(_ stage: String, items: Int?) {
        let line: String? = state.withLock { s in
            s = State(stage: stage, total: items ?? 0, done: 0, started: now(), lastDrawn: -1, drawing: (items ?? 0) > 0)
            return s.drawing ? draw(&s) : nil
        }
        if let line { write(line) }
    }

    /// One item of the current stage is done.
    public func advance() {
        let line: String? = state.withLock { s in
            guard s.drawing else { return nil }
            s.done += 1
            // Redrawn at most every 0.1 s, and for the last item.
            guard s.done == s.total || now() - s.lastDrawn >= 0.1 else { return nil }
            return draw(&s)
        }
        if let line { write(line) }
    }

    /// The stage ended: the line is wiped.
    public func finish() {
        let wipe: Bool = state.withLock { s in
            defer { s.drawing = false }
            return s.drawing
        }
        if wipe { write("\r\u{1B}[K") }
    }

    private func draw(_ s: inout State) -> String {
        let t = now()
        s.lastDrawn = t
        return "\r" + ProgressLine.text(stage: s.stage, done: s.done, total: s.total, elapsed: t - s.started) + "\u{1B}[K"
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }  // a closed terminal: the bar is not worth failing for
                offset += n
            }
        }
    }
}
