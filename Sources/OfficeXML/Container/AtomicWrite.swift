import Foundation

/// Replaces a file in one step so that a reader (or a killed run) never sees half of it, and
/// leaves a file that already holds exactly these bytes untouched (its modification time
/// stays: cron mails, `make` and people can tell nothing changed). The bytes go to a temporary
/// file in the target's folder (same file system, so `rename` is atomic), which is fsynced,
/// renamed over the target; then the folder is fsynced so that the rename survives a power cut.
///
///     let changed = try AtomicWrite.replace("Output/2025/bao-cao.docx", with: bytes)
///
/// Core's `AtomicFile` (the reports) writes through it too, with its own Vietnamese messages.
public enum AtomicWrite {
    /// Which step failed, with the system's errno: for callers that say it in their own words.
    public struct Failure: Error, Sendable {
        public enum Step: Sendable { case create, write, sync, rename }
        public var path: String
        public var step: Step
        public var code: Int32
    }

    /// - Returns: true when the file was created or changed, false when it already held these bytes.
    @discardableResult
    public static func replace(_ path: String, with bytes: [UInt8]) throws -> Bool {
        do {
            return try replacing(path, with: bytes)
        } catch let failure as Failure {
            let what = switch failure.step {
            case .create: "the temporary file cannot be created in the folder"
            case .write, .sync: "the temporary file cannot be written"
            case .rename: "the finished file cannot be moved into place"
            }
            throw ContainerError(.unreadableFile, file: path,
                                 reason: "\(what) (\(String(cString: strerror(failure.code)))); check the folder exists, is writable and has free space.")
        }
    }

    /// `replace`, failing with the step and errno (`Failure`) instead of a message.
    @discardableResult
    public static func replacing(_ path: String, with bytes: [UInt8]) throws -> Bool {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
           existing.elementsEqual(bytes) {
            return false
        }
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: temporary, step: .create, code: errno) }
        var done = false
        defer { if !done { unlink(temporary) } }
        let writeError: Int32? = bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let code = writeError {
            close(fd)
            throw Failure(path: temporary, step: .write, code: code)
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw Failure(path: temporary, step: .sync, code: code)
        }
        close(fd)
        guard rename(temporary, path) == 0 else { throw Failure(path: path, step: .rename, code: errno) }
        done = true
        // The rename is durable only once the folder's entry is on disk.
        let dir = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
        return true
    }

    /// The temporary file a write of `path` by process `pid` goes through: `.<name>.<pid>.tmp`
    /// in the same folder (hidden, and named by its writer, so that a later run can tell a
    /// killed run's leftover from a live writer's file: `temporaryOwner`).
    ///
    ///     AtomicWrite.temporaryPath(for: "Output/2024/bao-cao.docx", pid: 4242)
    ///     // "Output/2024/.bao-cao.docx.4242.tmp"
    public static func temporaryPath(for path: String, pid: Int32 = getpid()) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".\(pid).tmp"
    }

    /// The process that wrote the temporary file named `name` (a name, not a path), or nil when
    /// the name is not one `temporaryPath` makes: `.bao-cao.docx.4242.tmp` → 4242;
    /// `bao-cao.docx`, `.bao-cao.docx.tmp`, `.x.0.tmp` → nil.
    public static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let stem = name.dropFirst().dropLast(".tmp".count)
        guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return nil }
        let digits = stem[stem.index(after: dot)...]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let pid = Int32(digits), pid > 0 else { return nil }
        return pid
    }
}
