import Core
import Foundation

/// What `xhht status` reads from the store about one year: facts per submission and the
/// findings of the last run that read the year's files, by file and severity.
extension Store {
    /// How many facts each submission of `year` holds (current or not), by submission id.
    public func factCounts(year: Int) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for (id, count) in try database.cachedStatement("""
            SELECT r.submission_id, count(*) FROM fact_rows r JOIN submissions s ON s.id = r.submission_id
            WHERE s.year = ? GROUP BY r.submission_id
            """).rows([DatabaseValue(year)], { (id: $0.integer(at: 0), count: Int($0.integer(at: 1))) }) {
            counts[id] = count
        }
        return counts
    }

    /// The last run that read `year`'s files: the latest that stored, withdrew or found
    /// something about a submission of the year. Nil when none has.
    public func lastReadingRun(year: Int) throws -> Int64? {
        let text = try database.scalar("""
            SELECT max(run) FROM (
              SELECT imported_run AS run FROM submissions WHERE year = ?1
              UNION ALL SELECT withdrawn_run FROM submissions WHERE year = ?1
              UNION ALL SELECT i.run_id FROM issues i JOIN submissions s ON s.id = i.submission_id WHERE s.year = ?1)
            """, [DatabaseValue(year)])
        return text.flatMap { Int64($0) }
    }

    /// The findings recorded with `run`, counted by file and severity: those about a
    /// submission of `year` and those about no submission (an unreadable file, a withdrawal).
    public func findingCounts(run: Int64, year: Int) throws -> [String: [Severity: Int]] {
        var counts: [String: [Severity: Int]] = [:]
        for row in try database.cachedStatement("""
            SELECT i.file, i.severity, count(*) FROM issues i LEFT JOIN submissions s ON s.id = i.submission_id
            WHERE i.run_id = ? AND (s.id IS NULL OR s.year = ?) GROUP BY i.file, i.severity
            """).rows([.integer(run), DatabaseValue(year)], { (file: $0.string(at: 0) ?? "", severity: $0.string(at: 1) ?? "", count: Int($0.integer(at: 2))) }) {
            counts[row.file, default: [:]][Severity(rawValue: row.severity) ?? .error, default: 0] += row.count
        }
        return counts
    }
}
