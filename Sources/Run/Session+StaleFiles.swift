import Core
import Foundation

extension Session {
    /// Removes the temporary files that killed runs left where a run writes: this year's output
    /// folder, the output root (the lock and, by default, the store) and the store's folder
    /// (`StaleTemporaryFiles`). Called by `lock()` once the lock is held, so that no other run
    /// is writing there; a writer without the lock (`xhht form`, `xhht archive`) that is still
    /// alive keeps its file. Each removal is said in the log (info).
    func removeStaleTemporaryFiles(before moment: Date) {
        let folders = [outputFolder, URL(fileURLWithPath: config.paths.output),
                       URL(fileURLWithPath: config.paths.store).deletingLastPathComponent()]
        var seen = Set<String>()
        for folder in folders where seen.insert(folder.standardizedFileURL.path).inserted {
            let removed = StaleTemporaryFiles.remove(in: folder, before: moment)
            guard !removed.isEmpty else { continue }
            logger.info("đã xóa \(removed.count) tệp tạm do một lần chạy bị dừng giữa chừng để lại trong \(folder.path): \(removed.joined(separator: ", "))")
        }
    }
}
