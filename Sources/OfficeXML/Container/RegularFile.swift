import Foundation

/// Opens a path for reading only when it is a regular file (a symlink to one is followed).
///
/// A FIFO named `huyen-a.xlsx` would block a plain `open`/`read` forever (until some other
/// process writes to it), a device can stream without end, and a folder cannot be read: each
/// is refused with a sentence naming what it is, before any byte is read. The path is
/// `stat`ed first (so a FIFO or a device is never even opened), then opened with
/// `O_NONBLOCK` and checked again with `fstat` on the descriptor itself, so a file swapped
/// for a FIFO between the two calls is refused too rather than waited on.
///
///     let fd = try RegularFile.open("Input/huyen-a.xlsx")   // ContainerError for a FIFO, a folder...
///     defer { close(fd) }
///     let bytes = try RegularFile.readAll("Input/huyen-a.xlsx", maxSize: 2 << 30)
public enum RegularFile {
    /// A descriptor open for reading on the regular file at `path` (blocking mode restored);
    /// the caller closes it.
    public static func open(_ path: String) throws -> Int32 {
        var st = stat()
        if stat(path, &st) != 0 { throw failure(path, errno: errno) }
        try requireRegular(st, path)
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw failure(path, errno: errno) }
        if fstat(fd, &st) != 0 {
            let code = errno
            close(fd)
            throw failure(path, errno: code)
        }
        do {
            try requireRegular(st, path)
        } catch {
            close(fd)
            throw error
        }
        // Regular files never block; clear the flag so later reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The whole content of the regular file at `path`, refused (`.totalTooLarge`) above
    /// `maxSize` bytes without reading it.
    public static func readAll(_ path: String, maxSize: Int64) throws -> [UInt8] {
        let fd = try open(path)
        defer { close(fd) }
        var st = stat()
        _ = fstat(fd, &st)
        if Int64(st.st_size) > maxSize {
            throw ContainerError(.totalTooLarge, file: path,
                                 reason: "the file holds \(st.st_size) bytes, more than the \(maxSize) a workbook may have; it is not read.")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(st.st_size))
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno: errno)
            }
            if n == 0 { break }
            out.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: n))
            // The file may grow while it is read: the same cap holds for what is read.
            if Int64(out.count) > maxSize {
                throw ContainerError(.totalTooLarge, file: path,
                                     reason: "the file grew past \(maxSize) bytes while it was read; it is not read.")
            }
        }
        return out
    }

    /// What a non-regular file is, in the words of a refusal.
    static func requireRegular(_ st: stat, _ path: String) throws {
        let type = st.st_mode & S_IFMT
        if type == S_IFREG { return }
        let what: String
        switch type {
        case S_IFDIR: what = "a folder"
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: what = "a device"
        case S_IFSOCK: what = "a socket"
        default: what = "not a regular file"
        }
        throw ContainerError(.notARegularFile, file: path,
                             reason: "this is \(what), not a workbook file; it is not opened (reading it could wait forever or never end). Put the .xlsx file itself here.")
    }

    static func failure(_ path: String, errno code: Int32) -> ContainerError {
        let reason: String
        switch code {
        case ENOENT: reason = "the file does not exist (or it is a link to a file that does not exist)."
        case EACCES, EPERM: reason = "the file cannot be read (check its permissions)."
        case ELOOP: reason = "the file is a link that points back at itself (a symlink loop)."
        default: reason = "the file cannot be opened (\(String(cString: strerror(code))))."
        }
        return ContainerError(.unreadableFile, file: path, reason: reason)
    }
}
