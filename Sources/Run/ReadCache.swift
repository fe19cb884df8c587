import Core
import Foundation
import Intake
import Storage
import Units

/// The readings of a run's workbooks as the store keeps them between runs (`read_cache`,
/// docs/store.md): a workbook whose name, bytes (SHA-256) and settings are those of its kept
/// reading is not opened again; its submission and findings are the kept ones.
///
///     let cache = ReadCache(kept: try store.cachedReadings(settings: session.settingsSHA256))
///     let reading = pipeline.read(listing, clock: &clock) { cache.reading(of: $0, sha256: plan.sha256[$0.name]) }
///     try store.keepReadings(ReadCache.fresh(reading.readings), settings: session.settingsSHA256)
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
    public static func fresh(_ readings: [WorkbookReading]) -> [CachedReading] {
        readings.compactMap { reading in
            let workbook = reading.workbook
            guard !reading.kept, !workbook.sha256.isEmpty, let text = ReadCache.encode(reading) else { return nil }
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
        var submission: KeptSubmission?
    }

    /// A normalized submission with each sheet's columns once and each record as one JSON
    /// array (`KeptRecord`): Foundation's keyed decoding of the records as they are (an object
    /// per record and per value) cost more than reading the workbook again (0.64 s against
    /// 0.43 s for 700 workbooks, docs/performance.md).
    struct KeptSubmission: Codable {
        var file: String
        var sheets: [SheetMatch]
        var reportingUnit: AdministrativeUnit?
        var issues: [Issue]
        var columns: [RecordColumns]
        var records: [KeptRecord]

        init(_ submission: NormalizedSubmission) {
            file = submission.file
            sheets = submission.sheets
            reportingUnit = submission.reportingUnit
            issues = submission.issues
            columns = []
            records = []
            records.reserveCapacity(submission.records.count)
            for record in submission.records {
                if columns.last != record.columns { columns.append(record.columns) }
                records.append(KeptRecord(record: record, columns: columns.count - 1))
            }
        }

        /// The submission, its records sharing their sheet's columns as normalize made them.
        var submission: NormalizedSubmission? {
            var out = NormalizedSubmission(file: file, sheets: sheets, reportingUnit: reportingUnit, issues: issues)
            out.records.reserveCapacity(records.count)
            for kept in records {
                guard columns.indices.contains(kept.columns), kept.record.slots.count == columns[kept.columns].fields.count else { return nil }
                var record = kept.record
                record.columns = columns[kept.columns]
                out.records.append(record)
            }
            return out
        }
    }

    /// One record as a JSON array: unit code, unit name, written name, level, sheet, row,
    /// group code, parent code, the index of its columns, its unit cell (file, sheet, cell),
    /// then one element per slot: null, or a string whose first letter says the type
    /// ("c1234" a count, "l2" a level, "y1" yes, "y0" no, "tCó" a text).
    struct KeptRecord: Codable {
        /// `columns` is empty here; the submission's table gives it.
        var record: NormalizedRecord
        var columns: Int

        init(record: NormalizedRecord, columns: Int) {
            self.record = record
            self.columns = columns
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(record.unitCode)
            try c.encode(record.unitName)
            try c.encode(record.writtenName)
            try c.encode(record.level.rawValue)
            try c.encode(record.sheet)
            try c.encode(record.row)
            try c.encode(record.groupCode)
            try c.encode(record.parentCode)
            try c.encode(columns)
            try c.encode(record.unitCell.file)
            try c.encode(record.unitCell.sheet)
            try c.encode(record.unitCell.cell)
            for slot in record.slots {
                switch slot {
                case nil: try c.encodeNil()
                case .count(let n)?: try c.encode("c\(n)")
                case .level(let n)?: try c.encode("l\(n)")
                case .yesNo(let b)?: try c.encode(b ? "y1" : "y0")
                case .text(let t)?: try c.encode("t" + t)
                }
            }
        }

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            let unitCode = try c.decode(String.self), unitName = try c.decode(String.self), writtenName = try c.decode(String.self)
            let levelName = try c.decode(String.self)
            guard let level = UnitLevel(rawValue: levelName) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "level \(levelName)")
            }
            let sheet = try c.decode(String.self), row = try c.decode(Int.self)
            let groupCode = try c.decode(String?.self), parentCode = try c.decode(String?.self)
            columns = try c.decode(Int.self)
            let unitCell = Provenance(file: try c.decode(String.self), sheet: try c.decode(String.self), cell: try c.decode(String.self))
            var slots: [FieldValue?] = []
            while !c.isAtEnd {
                guard let text = try c.decode(String?.self) else { slots.append(nil); continue }
                let body = text.dropFirst()
                let value: FieldValue? = switch text.first {
                case "c": Int64(body).map { .count($0) }
                case "l": Int(body).map { .level($0) }
                case "y": .yesNo(body == "1")
                case "t": .text(String(body))
                default: nil
                }
                guard let value else { throw DecodingError.dataCorruptedError(in: c, debugDescription: "value \(text)") }
                slots.append(value)
            }
            record = NormalizedRecord(unitCode: unitCode, unitName: unitName, writtenName: writtenName, level: level, sheet: sheet, row: row,
                                      groupCode: groupCode, parentCode: parentCode, columns: RecordColumns(fields: [], letters: []),
                                      slots: slots, unitCell: unitCell)
        }
    }

    static func encode(_ reading: WorkbookReading) -> String? {
        let workbook = reading.workbook
        let kept = Kept(sha256: workbook.sha256, byteCount: workbook.byteCount, readable: workbook.sheets != nil,
                        issues: workbook.issues, details: workbook.details, submission: reading.submission.map(KeptSubmission.init))
        return (try? JSONEncoder().encode(kept)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The reading kept as `text`, for `file`; nil when the text cannot be decoded (a cache
    /// written by another version: the file is read again).
    static func decode(_ text: String, file: InputFile) -> WorkbookReading? {
        guard let kept = try? JSONDecoder().decode(Kept.self, from: Data(text.utf8)) else { return nil }
        var submission: NormalizedSubmission?
        if let keptSubmission = kept.submission {
            guard let s = keptSubmission.submission else { return nil }
            submission = s
        }
        let workbook = IngestedWorkbook(file: file, sha256: kept.sha256, byteCount: kept.byteCount,
                                        sheets: kept.readable ? [] : nil, issues: kept.issues, details: kept.details)
        return WorkbookReading(workbook: workbook, submission: submission, kept: true)
    }
}
