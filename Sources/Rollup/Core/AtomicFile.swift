import Foundation

/// Writes files so that a killed run never leaves a half-written report, and a re-run on the
/// same inputs rewrites nothing: the bytes go to a temporary file in the same folder, are
/// flushed to disk and renamed over the target; when the target already holds exactly these
/// bytes, nothing is touched (its modification time stays, so `make`-like tools and people see
/// that nothing changed).
///
///     let changed = try AtomicFile.write(Array(html.utf8), to: URL(fileURLWithPath: "Output/2024/bao-cao.html"))
public enum AtomicFile {
    /// - Returns: true when the file was created or changed, false when it already held these bytes.
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL) throws -> Bool {
        let fm = FileManager.default
        let folder = url.deletingLastPathComponent()
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        if let existing = fm.contents(atPath: url.path), existing.count == bytes.count, Array(existing) == bytes {
            return false
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: temp.path, operation: "tạo tệp tạm", code: errno) }
        var ok = false
        defer {
            if !ok { unlink(temp.path) }
        }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let code = errno
                    close(fd)
                    throw AtomicFileError(path: temp.path, operation: "ghi", code: code)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            throw AtomicFileError(path: temp.path, operation: "ghi xuống đĩa", code: code)
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else {
            throw AtomicFileError(path: url.path, operation: "đổi tên tệp tạm thành", code: errno)
        }
        ok = true
        return true
    }

    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Bool {
        try write(Array(text.utf8), to: url)
    }
}

/// A file could not be written; the message names the file and the system's reason.
public struct AtomicFileError: Error, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public var description: String {
        "Không \(operation) được tệp \(path): \(String(cString: strerror(code)))"
    }
}
