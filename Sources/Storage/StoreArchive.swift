import Core
import Foundation

/// A consistent copy of the store, for archiving the year or sending it on: one file, complete
/// by itself (no `-wal` beside it, rollback journal mode), compacted, checked, and put in place
/// atomically.
///
///     try StoreArchive.copy(storeAt: "Output/xhht.sqlite", to: "/mnt/luu-tru/xhht-2024.sqlite")
///     // again: throws StoreArchiveError.destinationExists, unless `replacing: true`
///
/// How: SQLite's `VACUUM INTO` writes the copy from one read transaction (a run writing
/// meanwhile is not seen half-way, and is not blocked) into a temporary file beside the
/// destination; the copy is flushed to disk (VACUUM INTO does not), opened read-only and
/// checked (`PRAGMA quick_check`), then moved into place: `rename` when replacing, else `link`,
/// which fails if the destination appeared meanwhile, so an existing file is never overwritten
/// without `replacing`. Any failure removes the temporary file and leaves the destination as it
/// was.
public enum StoreArchive {
    public static func copy(storeAt source: String, to destination: String, replacing: Bool = false) throws(StoreArchiveError) {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: source, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .noStore(path: source)
        }
        let target = URL(fileURLWithPath: destination)
        if fm.fileExists(atPath: target.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw .destinationIsFolder(path: target.path) }
            if !replacing { throw .destinationExists(path: target.path) }
        }
        let folder = target.deletingLastPathComponent()
        do {
            try OutputFolder.prepare(folder.path)
        } catch {
            throw .folder(error)
        }
        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { unlink(temp.path) }
        do {
            let database = try Database(path: source, create: false)
            do {
                try database.vacuum(into: temp.path)
            } catch {
                _ = try? database.close()
                throw error
            }
            try database.close()
            try sync(temp.path)
            let copy = try Database(path: temp.path, create: false, readOnly: true)
            let check = try copy.scalar("PRAGMA quick_check")
            try copy.close()
            guard check == "ok" else { throw StoreArchiveError.copyFailedCheck(path: destination, result: check ?? "") }
        } catch let error as StoreArchiveError {
            throw error
        } catch let error as DatabaseError {
            throw .database(error)
        } catch {
            throw .database(DatabaseError(code: 1, message: "\(error)", file: source))
        }
        if replacing {
            guard rename(temp.path, target.path) == 0 else { throw .file(path: target.path, code: errno) }
        } else {
            guard link(temp.path, target.path) == 0 else {
                let code = errno
                throw code == EEXIST ? .destinationExists(path: target.path) : .file(path: target.path, code: code)
            }
        }
        try? sync(folder.path)
    }

    /// `fsync` of a file or folder: the copy's bytes (and its name in the folder) on the disk
    /// before it counts as made.
    private static func sync(_ path: String) throws(StoreArchiveError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .file(path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .file(path: path, code: errno) }
    }
}
