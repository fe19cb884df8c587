import Core
import Foundation

/// `Output/<year>/manifest.json`: what a run read, how, and what it wrote, so that anyone can
/// check later which workbooks a report was made from (DESIGN.md, "Machine-readable outputs").
///
///     {"config": {"path": "pipeline.yml", "sha256": "…"}, "inputs": [{"file": "mau-2024-916-ninh-kieu.xlsx", "sha256": "…", "bytes": 9303}],
///      "stages": [{"stage": "read", "seconds": 0.012}, …], "outputs": [{"file": "bao-cao.html", "sha256": "…", "bytes": 81234, "input": "…"}],
///      "counts": {"files": 9, "facts": 1570, "errors": 8, "warnings": 3, "infos": 1}, "exitStatus": 2, "fingerprint": "…"}
///
/// The manifest is the one output that records time (`started`, stage timings); a run that
/// changes no input and no report leaves the previous manifest in place.
public struct RunManifest: Sendable, Codable, Hashable {
    public struct FileEntry: Sendable, Codable, Hashable {
        public var file: String
        public var sha256: String
        public var bytes: Int
        /// An output's: the fingerprint of what it was rendered from (the report's inputs and
        /// its template), so that the next run leaves it alone when that has not changed.
        /// Absent for inputs and the configuration.
        public var input: String?
        public init(file: String, sha256: String, bytes: Int, input: String? = nil) {
            self.file = file
            self.sha256 = sha256
            self.bytes = bytes
            self.input = input
        }
    }

    public struct Counts: Sendable, Codable, Hashable {
        public var files: Int
        public var unreadableFiles: Int
        public var facts: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public init(files: Int, unreadableFiles: Int, facts: Int, errors: Int, warnings: Int, infos: Int) {
            self.files = files
            self.unreadableFiles = unreadableFiles
            self.facts = facts
            self.errors = errors
            self.warnings = warnings
            self.infos = infos
        }
    }

    public var generator: String
    public var command: String
    public var started: String
    public var year: Int
    public var report: String
    public var config: FileEntry
    public var inputs: [FileEntry]
    public var stages: [StageTiming]
    public var outputs: [FileEntry]
    public var counts: Counts
    public var exitStatus: Int32
    /// The fingerprint of everything the run read (settings, inputs, templates, date): a run
    /// with the same, while the store's last run is the one that wrote this manifest, has
    /// nothing new to do (docs/incremental-runs.md). Absent for `xhht report`.
    public var fingerprint: String?

    public init(generator: String, command: String, started: Date, year: Int, report: String, config: FileEntry, inputs: [FileEntry],
                stages: [StageTiming], outputs: [FileEntry], counts: Counts, exitStatus: Int32, fingerprint: String? = nil) {
        self.generator = generator
        self.command = command
        self.started = ISO8601DateFormatter().string(from: started)
        self.year = year
        self.report = report
        self.config = config
        self.inputs = inputs
        self.stages = stages
        self.outputs = outputs
        self.counts = counts
        self.exitStatus = exitStatus
        self.fingerprint = fingerprint
    }

    /// The manifest at `url`, nil when there is none or it cannot be read (an older or a
    /// hand-edited one: the run then does everything).
    public static func read(at url: URL) -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(RunManifest.self, from: data)
    }

    /// The manifest as pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
