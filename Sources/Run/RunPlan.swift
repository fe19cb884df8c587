import Core
import Foundation
import Storage

/// What a run has to do, known before any workbook is opened: each input file with its SHA-256
/// and how it stands against the store, the run's fingerprint, and whether the last run
/// already did exactly this (`nothingNew`). Made by `Session.plan`; `--dry-run` prints it.
///
///     let plan = try session.plan(documentDate: "05/12/2024", store: store)
///     if plan.nothingNew { return ExitStatus(rawValue: plan.lastRun!.exitStatus!)! }   // cron sees the same status
///     plan.files.filter { $0.change == .changed }.map(\.file.name)                  // ["co-do.xlsx"]
public struct RunPlan: Sendable {
    /// How an input file stands against the current submissions of the year.
    public enum Change: String, Sendable, Hashable {
        /// No current submission came from a file of this name.
        case new
        /// A current submission came from a file of this name, with other bytes.
        case changed
        /// The same name and bytes as a current submission.
        case unchanged
    }

    public struct File: Sendable, Hashable {
        public var file: InputFile
        /// Empty when the file cannot be opened (the read will say why).
        public var sha256: String
        public var change: Change
        /// Whether the store keeps a reading of these bytes under this run's settings: the
        /// file is then not opened again.
        public var cached: Bool
    }

    public var listing: InputListing
    public var files: [File]
    /// The files of the year's current submissions that are no longer in the input folder
    /// (their submissions will be withdrawn), sorted.
    public var removed: [String]
    /// `RunFingerprint` of the settings, the date, the templates, the listing and every file's
    /// bytes and time.
    public var fingerprint: String
    /// The last run the store recorded (any command), nil for a new store.
    public var lastRun: RunRecord?
    /// The fingerprint in the manifest of Output/<year>/, nil when there is none (or it was
    /// written by `xhht report` or a partial run).
    public var previousFingerprint: String?
    /// Whether every output the previous manifest lists is in the output folder with its size.
    public var outputsPresent: Bool

    /// True when the last run already did this run's work: the store's last run (any command)
    /// is a whole `run` that finished with this fingerprint, the manifest in Output/<year>/ was
    /// written with it, and the outputs it lists are all there. Such a run reads nothing,
    /// writes nothing and exits with the last run's status.
    public var nothingNew: Bool {
        guard let lastRun, lastRun.fingerprint == fingerprint, lastRun.command == "run", lastRun.finished != nil,
              lastRun.exitStatus != nil, previousFingerprint == fingerprint else { return false }
        return outputsPresent
    }

    /// The digests of the files (name, SHA-256, modification time, in listing order) and of
    /// the listing's own findings: the inputs' part of the fingerprint. The time counts because
    /// it is the submission's time of receipt (the deadline check); to the second, as the store
    /// keeps it (a copy that keeps times to the microsecond is the same input).
    static func inputParts(_ files: [File], listing: InputListing) -> [String] {
        files.flatMap { [$0.file.name, $0.sha256, String(Int64($0.file.modified.timeIntervalSince1970.rounded(.down)))] }
            + ["listing", RunFingerprint.issues(listing.issues)]
    }
}
