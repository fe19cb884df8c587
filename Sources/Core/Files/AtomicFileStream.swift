import Crypto
import Foundation
import OfficeXML

/// `AtomicFile`'s guarantees for a file too large to build in memory first (issues.csv of a
/// workbook with 200,000 junk rows is ~70 MB): the text is written through a small buffer
/// into a temporary file in the same folder, flushed, then compared with the target a block at
/// a time and renamed over it, or dropped when the target already holds exactly these bytes.
/// Memory stays one buffer, whatever the size.
///
///     let written = try AtomicFileStream.write(to: URL(fileURLWithPath: "Output/2024/issues.csv")) { out in
///         for row in rows { try out.write(row) }
///     }
///     // written.changed, written.sha256 (hex), written.bytes
public final class AtomicFileStream {
    /// What a streamed write did.
    public struct Written: Sendable, Hashable {
        /// false when the target already held these bytes (and was not touched).
        public var changed: Bool
        public var sha256: String
        public var bytes: Int
    }

    // Ownership: the descriptor belongs to this object alone, for the duration of `write`.
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private var digest = SHA256()
    private var count = 0
    private static let bufferSize = 1 << 16

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: $0) }
    }

    public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > Self.bufferSize { try flush() }
        if bytes.count > Self.bufferSize {
            try Self.writeAll(fd, UnsafeRawBufferPointer(bytes), path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
        digest.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        count += bytes.count
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try Self.writeAll(fd, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, operation: "ghi", code: errno)
            }
            offset += n
        }
    }

    /// Writes `url` from what `body` streams; see the type's contract.
    @discardableResult
    public static func write(to url: URL, _ body: (AtomicFileStream) throws -> Void) throws -> Written {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = URL(fileURLWithPath: AtomicWrite.temporaryPath(for: url.path))
        let fd = open(temp.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: url.path, operation: "tạo tệp tạm", code: errno) }
        var renamed = false
        defer {
            close(fd)
            if !renamed { unlink(temp.path) }
        }
        let stream = AtomicFileStream(fd: fd, path: url.path)  // errors name the file the reader knows
        try body(stream)
        try stream.flush()
        guard fsync(fd) == 0 else { throw AtomicFileError(path: url.path, operation: "ghi xuống đĩa", code: errno) }
        let written = Written(changed: true, sha256: stream.digest.finalize().hex, bytes: stream.count)
        if try same(fd, stream.count, as: url.path) { return Written(changed: false, sha256: written.sha256, bytes: written.bytes) }
        guard rename(temp.path, url.path) == 0 else {
            throw AtomicFileError(path: url.path, operation: "đổi tên tệp tạm thành", code: errno)
        }
        renamed = true
        return written
    }

    /// Whether the file at `path` holds exactly the `count` bytes of `fd`, compared a block at a time.
    private static func same(_ fd: Int32, _ count: Int, as path: String) throws -> Bool {
        let other = open(path, O_RDONLY | O_CLOEXEC)
        guard other >= 0 else { return false }
        defer { close(other) }
        var info = stat()
        guard fstat(other, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == count else { return false }
        var a = [UInt8](repeating: 0, count: bufferSize), b = [UInt8](repeating: 0, count: bufferSize)
        var offset = 0
        while offset < count {
            let want = min(bufferSize, count - offset)
            let n = a.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(offset)) }
            let m = b.withUnsafeMutableBytes { pread(other, $0.baseAddress!, want, off_t(offset)) }
            guard n == want, m == want, a.prefix(want) == b.prefix(want) else { return false }
            offset += want
        }
        return true
    }
}
