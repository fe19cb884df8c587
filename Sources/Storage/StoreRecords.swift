import Core
import Foundation

/// A workbook version received for one unit and year, as the store keeps it.
public struct Submission: Sendable, Hashable {
    public var id: Int64
    /// The file name as found in the input folder.
    public var file: String
    public var sha256: String
    /// The submitting unit (a district, or a commune after 2025).
    public var unitCode: String
    public var year: Int
    public var received: Date
    /// The run that imported it, nil when imported outside a run.
    public var importedRun: Int64?
    /// The submission that replaced it; nil for the current one.
    public var supersededBy: Int64?
    /// When a run found its workbook gone from the input folder (`Store.withdrawSubmissions`);
    /// nil while it is in force. A withdrawn submission is still the unit's latest, but its
    /// facts are not read.
    public var withdrawn: Date?
    /// The run that withdrew it.
    public var withdrawnRun: Int64?

    public init(id: Int64, file: String, sha256: String, unitCode: String, year: Int, received: Date, importedRun: Int64?,
                supersededBy: Int64?, withdrawn: Date? = nil, withdrawnRun: Int64? = nil) {
        self.id = id
        self.file = file
        self.sha256 = sha256
        self.unitCode = unitCode
        self.year = year
        self.received = received
        self.importedRun = importedRun
        self.supersededBy = supersededBy
        self.withdrawn = withdrawn
        self.withdrawnRun = withdrawnRun
    }

    /// In force: neither replaced nor withdrawn; its facts are the unit's for the year.
    public var isCurrent: Bool { supersededBy == nil && withdrawn == nil }
}

/// What `Store.importSubmission` did.
public enum ImportOutcome: Sendable, Hashable {
    /// The same file (same SHA-256) is already current for that unit and year: nothing changed.
    case unchanged
    /// First submission of that unit for that year.
    case added
    /// A different file replaced `previous`, which is kept as superseded history.
    case replaced(previous: Submission)
    /// The same file as the unit's withdrawn submission came back to the input folder: that
    /// submission (as it was, withdrawn) is in force again, nothing else was written.
    case restored(previous: Submission)
}

/// Counts recorded when a run finishes.
public struct RunCounts: Sendable, Hashable {
    public var files: Int
    public var facts: Int
    public var issues: Int

    public init(files: Int = 0, facts: Int = 0, issues: Int = 0) {
        self.files = files
        self.facts = facts
        self.issues = issues
    }
}

/// A run as the store keeps it.
public struct RunRecord: Sendable, Hashable {
    public var id: Int64
    public var started: Date
    public var finished: Date?
    public var configSHA256: String
    public var command: String
    /// The process exit status, nil while the run is going on (or if it died).
    public var exitStatus: Int32?
    public var counts: RunCounts?
    /// The fingerprint of what a whole `xhht run` read (Run's `RunPlan`), set when it finished;
    /// nil for other commands, partial runs and runs before 2024-v9.
    public var fingerprint: String? = nil
}
