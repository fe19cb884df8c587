import Core
import Foundation

/// What the store keeps of a workbook's last reading (`read_cache`, 2024-v9), so that a run
/// does not open a workbook whose bytes and settings it has already read.
///
/// The reading itself is opaque here (JSON text made by Run's `ReadCache`): the store keys it
/// by file name, the file's SHA-256 and the SHA-256 of the settings normalize depends on
/// (pipeline.yml, the registry, the year, the program), and hands it back only when all three
/// match.
///
///     try store.keepReadings([CachedReading(file: "co-do.xlsx", sha256: hash, reading: json)], settings: settings)
///     let known = try store.cachedReadings(settings: settings)   // ["co-do.xlsx": CachedReading(...)]
public struct CachedReading: Sendable, Hashable {
    public var file: String
    public var sha256: String
    public var reading: String

    public init(file: String, sha256: String, reading: String) {
        self.file = file
        self.sha256 = sha256
        self.reading = reading
    }
}

extension Store {
    /// Keeps each reading as the last one of its file (one row per file name: an earlier
    /// reading of the same name is replaced), in one transaction.
    public func keepReadings(_ readings: [CachedReading], settings: String) throws {
        guard !readings.isEmpty else { return }
        try database.transaction {
            let statement = try database.cachedStatement(
                "INSERT OR REPLACE INTO read_cache(file, sha256, settings_sha256, reading) VALUES (?, ?, ?, ?)")
            for reading in readings {
                try statement.execute([.text(reading.file), .text(reading.sha256), .text(settings), .text(reading.reading)])
            }
        }
    }

    /// The readings kept under `settings`, by file name. A file whose bytes changed since is
    /// still answered: the caller compares `sha256` with the file's.
    public func cachedReadings(settings: String) throws -> [String: CachedReading] {
        let rows = try database.cachedStatement("SELECT file, sha256, reading FROM read_cache WHERE settings_sha256 = ?")
            .rows([.text(settings)]) { CachedReading(file: $0.text(at: 0), sha256: $0.text(at: 1), reading: $0.text(at: 2)) }
        return Dictionary(rows.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The files and SHA-256s kept under `settings`, without the readings (for `--dry-run`).
    public func cachedHashes(settings: String) throws -> [String: String] {
        let rows = try database.cachedStatement("SELECT file, sha256 FROM read_cache WHERE settings_sha256 = ?")
            .rows([.text(settings)]) { ($0.text(at: 0), $0.text(at: 1)) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    /// What the report of `years` reads from the store, as text to fingerprint: each current
    /// submission by content (year, sending unit, file, SHA-256, withdrawn or not; not by id, so
    /// that a store that came to the same submissions another way gives the same), and for a
    /// review each year's units. A new submission, a withdrawal, a restoration or another
    /// year's import changes it.
    public func state(years: ClosedRange<Int>, withUnits: Bool) throws -> [String] {
        var parts = try database.cachedStatement("""
            SELECT year, unit_code, file, sha256, withdrawn IS NOT NULL FROM submissions
            WHERE year BETWEEN ? AND ? AND superseded_by IS NULL ORDER BY year, unit_code
            """).rows([DatabaseValue(years.lowerBound), DatabaseValue(years.upperBound)]) {
                "\($0.integer(at: 0)) \($0.text(at: 1)) \($0.text(at: 2)) \($0.text(at: 3)) \($0.integer(at: 4))"
            }
        guard withUnits else { return parts }
        parts += try database.cachedStatement("""
            SELECT year, code, name, level, coalesce(parent_code, '') FROM unit_years WHERE year BETWEEN ? AND ? ORDER BY year, code
            """).rows([DatabaseValue(years.lowerBound), DatabaseValue(years.upperBound)]) {
                "\($0.integer(at: 0)) \($0.text(at: 1)) \($0.text(at: 2)) \($0.text(at: 3)) \($0.text(at: 4))"
            }
        return parts
    }
}
