import Core
import Foundation
import Storage

extension Session {
    /// Where the configured year's season stands (`xhht status`), from the store and the
    /// registry, as of `asOf` ("YYYY-MM-DD"). A missing store is not created: no unit has sent
    /// and no run is known. The store is only read (a run writing meanwhile is not waited for:
    /// WAL readers see the last commit).
    public func seasonStatus(asOf: String) throws -> SeasonStatus {
        let senders = FormSenders(registry: registry, root: config.agency.unitCode).units
        let year = config.year
        guard FileManager.default.fileExists(atPath: config.paths.store) else {
            return SeasonStatus.make(year: year, deadline: config.deadline, asOf: asOf, senders: senders, submissions: [], factCounts: [:],
                                     findings: [:], findingsRun: nil, lastRun: nil)
        }
        let store = try openStore()
        let run = try store.lastReadingRun(year: year)
        let status = SeasonStatus.make(year: year, deadline: config.deadline, asOf: asOf, senders: senders,
                                       submissions: try store.submissions(year: year), factCounts: try store.factCounts(year: year),
                                       findings: try run.map { try store.findingCounts(run: $0, year: year) } ?? [:],
                                       findingsRun: run, lastRun: try store.runs().last)
        try store.close()
        return status
    }
}
