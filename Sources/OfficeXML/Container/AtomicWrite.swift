import Foundation

/// Replaces a file in one step so that a reader (or a killed run) never sees half of it, and
/// leaves a file that already holds exactly these bytes untouched (its modification time
/// stays: cron mails, `make` and people can tell nothing changed). The bytes go to a temporary
/// file in the target's folder (same file system, so `rename` is atomic), which is fsynced,
/// renamed over the target; then the folder is fsynced so that the rename survives a power cut.
///
///     let changed = try AtomicWrite.replace("Output/2025/bao-cao.docx", with: bytes)
///
/// The same primitive as Rollup's `AtomicFile` (which this module cannot import), plus the
/// folder fsync; Rollup's text outputs could move onto this one.
public enum AtomicWrite {
    /// - Returns: true when the file was created or changed, false when it already held these bytes.
    @discardableResult
    public static func replace(_ path: String, with bytes: [UInt8]) throws -> Bool {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
           existing.elementsEqual(bytes) {
            return false
        }
        let temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path, "the temporary file cannot be created in the folder") }
        var done = false
        defer { if !done { unlink(temporary) } }
        let written: Bool = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written, fsync(fd) == 0 else {
            let error = failure(path, "the temporary file cannot be written")
            close(fd)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw failure(path, "the finished file cannot be moved into place") }
        done = true
        // The rename is durable only once the folder's entry is on disk.
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
        return true
    }

    private static func failure(_ path: String, _ what: String) -> ContainerError {
        let reason = String(cString: strerror(errno))
        return ContainerError(.unreadableFile, file: path, reason: "\(what) (\(reason)); check the folder exists, is writable and has free space.")
    }
}
