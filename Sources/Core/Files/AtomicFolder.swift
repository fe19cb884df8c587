import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a whole folder of outputs at once (the letters of `Output/<year>/phan-hoi/`): the
/// new files are written (each through `AtomicFile`) into a temporary sibling, which is then
/// renamed into place; the previous folder is moved aside first and removed after. A file of
/// an earlier run that this run does not write (the letter of a unit that has fixed its
/// workbook) therefore never survives, and a reader never sees half of the new letters beside
/// half of the old. When the folder already holds exactly these files with these bytes,
/// nothing is touched.
///
///     let changed = try AtomicFolder.replace(URL(fileURLWithPath: "Output/2024/phan-hoi"),
///                                            with: [("917-quan-o-mon.html", bytes)])
///
/// The two renames are two steps: a run killed between them leaves the folder absent and the
/// previous one beside it as `.<name>.old` (the next run removes it), never a mixture.
public enum AtomicFolder {
    /// - Parameter files: names (no "/") and bytes; an empty list leaves an empty folder.
    /// - Returns: true when the folder was created or changed.
    @discardableResult
    public static func replace(_ folder: URL, with files: [(name: String, bytes: [UInt8])]) throws -> Bool {
        let fm = FileManager.default
        if holds(folder, exactly: files) { return false }
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let fresh = parent.appendingPathComponent(".\(name).new")
        let old = parent.appendingPathComponent(".\(name).old")
        // Leftovers of a run killed half-way.
        try? fm.removeItem(at: fresh)
        try? fm.removeItem(at: old)
        try fm.createDirectory(at: fresh, withIntermediateDirectories: true)
        for file in files { try AtomicFile.write(file.bytes, to: fresh.appendingPathComponent(file.name)) }
        let existed = fm.fileExists(atPath: folder.path)
        if existed, rename(folder.path, old.path) != 0 {
            throw AtomicFileError(path: folder.path, operation: "đổi tên thư mục cũ", code: errno)
        }
        guard rename(fresh.path, folder.path) == 0 else {
            let code = errno
            if existed { _ = rename(old.path, folder.path) }
            throw AtomicFileError(path: folder.path, operation: "đổi tên thư mục tạm thành", code: code)
        }
        if existed { try? fm.removeItem(at: old) }
        return true
    }

    /// The folder's regular files are exactly `files`, byte for byte.
    static func holds(_ folder: URL, exactly files: [(name: String, bytes: [UInt8])]) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
              Set(names) == Set(files.map(\.name)), names.count == files.count else { return false }
        return files.allSatisfy { file in
            FileManager.default.contents(atPath: folder.appendingPathComponent(file.name).path).map { Array($0) == file.bytes } ?? false
        }
    }
}
