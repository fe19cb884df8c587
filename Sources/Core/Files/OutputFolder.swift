import Foundation

/// Makes sure a folder the run writes into exists and can be written, before anything runs:
/// an `--output` that names a file, a folder without write permission or on a read-only disk is
/// said once, in Vietnamese, naming the path, instead of failing half-way with the system's
/// English.
///
///     try OutputFolder.prepare("/srv/xhht/Output/2024")   // created with its parents if missing
///     try OutputFolder.prepare("/srv/xhht/bao-cao.html")  // throws: "... là một tệp, không phải thư mục"
///
/// Each missing component is created in turn (mode 0755), so that the message names the very
/// component that is in the way (a file `Output` where `Output/2024` was wanted).
public enum OutputFolder {
    public static func prepare(_ path: String) throws(OutputFolderError) {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var current = absolute.hasPrefix("/") ? "" : "."
        for component in absolute.split(separator: "/") {
            current += "/" + component
            var info = stat()
            if stat(current, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw OutputFolderError(path: absolute, blocking: current, code: ENOTDIR)
                }
                continue
            }
            let missing = errno
            guard missing == ENOENT else { throw OutputFolderError(path: absolute, blocking: current, code: missing) }
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw OutputFolderError(path: absolute, blocking: current, code: errno)
            }
        }
        guard access(absolute, W_OK | X_OK) == 0 else { throw OutputFolderError(path: absolute, blocking: absolute, code: errno) }
    }
}
