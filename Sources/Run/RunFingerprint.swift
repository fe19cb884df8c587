import Core
import Crypto
import Foundation
import OfficeXML

/// SHA-256 fingerprints of what a run's results depend on, so that a run can tell what is new
/// without reading or rendering anything (docs/incremental-runs.md).
///
///     let settings = RunFingerprint.settings(configSHA256: configHash, year: 2024, agency: "92", generator: "xhht 0.1.0",
///                                            files: ["units": "units.csv", "lineage": "old-to-new.csv"])
///     let run = RunFingerprint.digest(["run", settings, "2024-12-05", templates] + inputs.map(\.line))
///
/// Each fingerprint is the SHA-256 of its parts, each part prefixed by its length in bytes, so
/// that no two lists of parts give the same bytes ("ab" + "c" is not "a" + "bc").
public enum RunFingerprint {
    /// The digest of `parts` (length-prefixed, in order).
    public static func digest(_ parts: [String]) -> String {
        var hash = SHA256()
        for part in parts {
            let bytes = Array(part.utf8)
            hash.update(data: Array("\(bytes.count):".utf8))
            hash.update(data: bytes)
        }
        return hash.finalize().hex
    }

    /// The settings normalize and the model depend on: pipeline.yml's bytes, the year and the
    /// agency's unit as the command line and the registry made them, the program, and the
    /// bytes of every file pipeline.yml names for units (the registry, its aliases, each
    /// lineage step). `files` maps a label to a path; a file that cannot be read counts as
    /// "missing" (the session would have stopped on it before). Paths are not part of it, only
    /// bytes: the same files in another folder (a copy of the whole set-up) are the same
    /// settings, and the store, the manifest and Output/ are found by their paths anyway.
    public static func settings(configSHA256: String, year: Int, agency: String, generator: String, files: [(label: String, path: String)]) -> String {
        // "2": readings kept before findings carried the value found (store 2024-v10) are read again.
        digest(["xhht settings 2", configSHA256, String(year), agency, generator]
            + files.flatMap { [$0.label, fileSHA256($0.path) ?? "missing"] })
    }

    /// The SHA-256 of a file's bytes, nil when it cannot be read as a regular file.
    public static func fileSHA256(_ path: String) -> String? {
        (try? RegularFile.readAll(path, maxSize: ContainerLimits.default.maxTotalSize)).map { SHA256.hex($0) }
    }

    /// The digest of every file under `folder` (relative path and bytes, in path order, hidden
    /// files and folders skipped): a folder of templates. An absent folder has a digest too.
    public static func folder(_ folder: URL) -> String {
        let root = folder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(relative)
            }
        }
        paths.sort()
        return digest(["folder"] + paths.flatMap { [$0, fileSHA256(root + "/" + $0) ?? "unreadable"] })
    }

    /// The digest of a list of findings (every field, in order).
    public static func issues(_ issues: [Issue]) -> String {
        digest(issues.flatMap { [$0.severity.rawValue, $0.rule, $0.provenance.file, $0.provenance.sheet, $0.provenance.cell, $0.unit, $0.field, $0.message, $0.value] })
    }
}
