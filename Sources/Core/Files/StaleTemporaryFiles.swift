import Foundation
import OfficeXML

/// Removes what a killed writer left behind: the atomic writer's temporary files
/// (`.<name>.<pid>.tmp`, `AtomicWrite.temporaryPath`) whose process is gone. A run killed
/// between creating one and renaming it (SIGKILL, a power cut) leaves it in Output/<year>/ or
/// beside the store; nothing else ever removes it, and each one can be as large as the report.
///
///     // holding the run lock: no other run is writing here
///     let removed = StaleTemporaryFiles.remove(in: URL(fileURLWithPath: "Output/2024"), before: lockTaken)
///     // [".bao-cao.docx.4242.tmp"] when process 4242 was killed while writing bao-cao.docx
///
/// Only files that are surely stale go: a regular file (never a folder or a link), named by the
/// pattern exactly, modified before `before` (the moment the caller took the run lock, so never
/// one being written now), whose writer is not a live process (`isAlive`: `xhht form` and
/// `xhht archive` write without the run lock). A live writer's pid reused by another process
/// keeps its file until a later run: leaving a stale file is harmless, removing a live one is not.
public enum StaleTemporaryFiles {
    /// The names removed from `folder` (not from its subfolders), sorted. A folder that cannot
    /// be listed, or a file that cannot be removed, is left as it is: the run goes on.
    @discardableResult
    public static func remove(in folder: URL, before: Date, isAlive: (Int32) -> Bool = processIsAlive) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = AtomicWrite.temporaryOwner(name), pid != getpid(), !isAlive(pid) else { continue }
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                  Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9 < before.timeIntervalSince1970 else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Whether a process with this id exists (`kill(pid, 0)`: EPERM means it exists, owned by
    /// another user).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
