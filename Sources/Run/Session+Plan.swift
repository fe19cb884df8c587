import Core
import Foundation
import OfficeXML
import Render
import Storage

extension Session {
    /// What this run has to do (`RunPlan`): the input folder listed, every file hashed (on
    /// every core; hashing is a small part of reading), each compared with the store's current
    /// submissions of the year and its read cache, and the run's fingerprint compared with the
    /// last run's. Nothing is read beyond the files' bytes and nothing is written; `store` may
    /// be nil (no store yet) or opened read-only (`--dry-run`).
    public func plan(documentDate: String, store: Store?) throws -> RunPlan {
        let listing = try listInputs()
        let hashes = ParallelMap.map(listing.files) { RunFingerprint.fileSHA256($0.path) ?? "" }
        // A store of an older schema (read-only, not migrated) has no read cache: empty.
        let cached = (try? store?.cachedHashes(settings: settingsSHA256)) ?? [:]
        let current = (try? store?.submissions(year: config.year)) ?? []
        var stored: [String: String] = [:]
        for submission in current where submission.supersededBy == nil && submission.withdrawn == nil {
            stored[submission.file] = submission.sha256
        }
        let files = zip(listing.files, hashes).map { file, sha in
            let change: RunPlan.Change = switch stored[file.name] {
            case nil: .new
            case sha: .unchanged
            default: .changed
            }
            return RunPlan.File(file: file, sha256: sha, change: change, cached: !sha.isEmpty && cached[file.name] == sha)
        }
        let names = Set(listing.files.map(\.name))
        let fingerprint = RunFingerprint.digest(
            ["xhht run 1", settingsSHA256, documentDate, RunFingerprint.folder(URL(fileURLWithPath: config.paths.templates)),
             config.outputs.joined(separator: ",")]
                + RunPlan.inputParts(files, listing: listing))
        let previous = RunManifest.read(at: outputFolder.appendingPathComponent("manifest.json"))
        return RunPlan(listing: listing, files: files, removed: stored.keys.filter { !names.contains($0) }.sorted(),
                       fingerprint: fingerprint, lastRun: try? store?.lastRun(), previousFingerprint: previous?.fingerprint,
                       outputsPresent: previous.map { outputsPresent($0.outputs) } ?? false)
    }

    /// Whether each of `outputs` is in the output folder as the manifest left it: with the size
    /// it was written with, and not modified after the manifest (which is written after the
    /// outputs): `xhht validate` rewriting issues.csv, or a hand edit, is something new.
    /// Sizes and times, not hashes: hashing a national report.json would cost most of a
    /// nothing-new run.
    func outputsPresent(_ outputs: [RunManifest.FileEntry]) -> Bool {
        let fm = FileManager.default
        let manifest = (try? fm.attributesOfItem(atPath: outputFolder.appendingPathComponent("manifest.json").path))?[.modificationDate] as? Date
        return outputs.allSatisfy { entry in
            guard let manifest, let attributes = try? fm.attributesOfItem(atPath: outputFolder.appendingPathComponent(entry.file).path),
                  let modified = attributes[.modificationDate] as? Date else { return false }
            return (attributes[.size] as? NSNumber)?.intValue == entry.bytes && modified <= manifest
        }
    }
}
