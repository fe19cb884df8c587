import Core
import Foundation
import Intake
import Storage

/// The readings of a run's workbooks as the store keeps them between runs (`read_cache`,
/// docs/store.md): a workbook whose name, bytes (SHA-256) and settings are those of its kept
/// reading is not opened again; its submission and findings are the kept ones.
///
///     let cache = ReadCache(kept: try store.cachedReadings(settings: session.settingsSHA256))
///     let reading = pipeline.read(listing, clock: &clock) { cache.reading(of: $0, sha256: plan.sha256[$0.name]) }
///     try store.keepReadings(cache.fresh(reading.readings), settings: session.settingsSHA256)
///
/// Why the normalized submission and not the stored facts: validation across files decides
/// which rows are kept (a unit sent twice, a row under a wrong district, a unit missing), so it
/// needs every submission as normalize made it, rejected rows included. The stored facts are
/// what validation kept of the last run, which a changed neighbour may change.
public struct ReadCache: Sendable {
    /// The kept readings, by file name (`Store.cachedReadings(settings:)`).
    public var kept: [String: CachedReading]

    public init(kept: [String: CachedReading]) {
        self.kept = kept
    }

    /// The kept reading of `file` when `sha256` (of its bytes now, `RunPlan`) is that of the
    /// bytes that were read, else nil (read it).
    public func reading(of file: InputFile, sha256: String) -> WorkbookReading? {
        guard !sha256.isEmpty, let kept = kept[file.name], kept.sha256 == sha256 else { return nil }
        return ReadCache.decode(kept.reading, file: file)
    }

    /// The readings of `readings` made by this run (not answered by the cache), to keep. A file
    /// that could not be opened at all (no SHA-256) is not kept: it is tried again next time.
    public func fresh(_ readings: [WorkbookReading]) -> [CachedReading] {
        readings.compactMap { reading in
            let workbook = reading.workbook
            guard !workbook.sha256.isEmpty, kept[workbook.file.name]?.sha256 != workbook.sha256,
                  let text = ReadCache.encode(reading) else { return nil }
            return CachedReading(file: workbook.file.name, sha256: workbook.sha256, reading: text)
        }
    }

    /// What is kept of a reading: everything but the file's path and time (those of the next
    /// run's listing are used) and the cells (gone).
    struct Kept: Codable {
        var sha256: String
        var byteCount: Int
        var readable: Bool
        var issues: [Issue]
        var details: [String]
        var submission: NormalizedSubmission?
    }

    static func encode(_ reading: WorkbookReading) -> String? {
        let workbook = reading.workbook
        let kept = Kept(sha256: workbook.sha256, byteCount: workbook.byteCount, readable: workbook.sheets != nil,
                        issues: workbook.issues, details: workbook.details, submission: reading.submission)
        return (try? JSONEncoder().encode(kept)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The reading kept as `text`, for `file`; nil when the text cannot be decoded (a cache
    /// written by another version: the file is read again).
    static func decode(_ text: String, file: InputFile) -> WorkbookReading? {
        guard let kept = try? JSONDecoder().decode(Kept.self, from: Data(text.utf8)) else { return nil }
        var submission = kept.submission
        if var s = submission {
            // A sheet's records share one `RecordColumns` when normalize makes them; decoding
            // makes a copy per record. Shared again, so that they cost what a read's cost and
            // the store's per-sheet field lookup sees the same columns at once.
            var last: RecordColumns?
            for i in s.records.indices {
                if let last, last == s.records[i].columns { s.records[i].columns = last } else { last = s.records[i].columns }
            }
            submission = s
        }
        let workbook = IngestedWorkbook(file: file, sha256: kept.sha256, byteCount: kept.byteCount,
                                        sheets: kept.readable ? [] : nil, issues: kept.issues, details: kept.details)
        return WorkbookReading(workbook: workbook, submission: submission)
    }
}
