import Core
import Foundation

/// Keeps two runs from overlapping (a nightly timer firing while a statistician runs by hand):
/// an exclusive, non-blocking `flock` on a file beside the store. The kernel drops the lock when
/// the process dies, so a killed run never leaves a stale lock behind.
///
///     guard let lock = try RunLock.acquire(at: URL(fileURLWithPath: "Output/.xhht.lock")) else {
///         // another run is working: exit with ExitStatus.locked
///     }
///     defer { lock.release() }
public final class RunLock: @unchecked Sendable {
    // Ownership: the descriptor belongs to this object alone; release() closes it once.
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    /// Takes the lock, or returns nil when another process holds it.
    public static func acquire(at url: URL) throws -> RunLock? {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: url.path, operation: "mở khóa", code: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw AtomicFileError(path: url.path, operation: "khóa", code: code)
        }
        // The holder's pid, for a person who wonders who holds it.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
        return RunLock(fd: fd)
    }

    public func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
