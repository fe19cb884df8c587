import Core
import Foundation
import Storage
import Units

/// Where the season stands for one year (`xhht status`): which sending units have sent (file,
/// day received, facts, days late), which have sent nothing (days overdue), which files have
/// findings (by severity), and the last run. Pure: made from what the store and the registry
/// hold (`Session.seasonStatus`), said in Vietnamese by `SeasonStatusText` and as JSON by
/// `json()` (docs/status.md).
///
///     let status = SeasonStatus.make(year: 2024, deadline: "2024-11-30", asOf: "2024-12-05",
///                                    senders: senders.units, submissions: try store.submissions(year: 2024), ...)
///     status.sent.first?.daysLate   // 2: received 02/12/2024, two days after the deadline
///     status.exitStatus             // .inputErrors when a file has errors or a unit is overdue
///
/// Days are Vietnam's (UTC+7), as the validator reads the deadline: a file saved at 23:30 on
/// the deadline's day in Hà Nội is on time.
public struct SeasonStatus: Sendable, Hashable, Encodable {
    /// Findings of one file, by severity.
    public struct Findings: Sendable, Hashable, Encodable {
        public var errors = 0, warnings = 0, notes = 0

        public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0) {
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
        }

        init(_ counts: [Severity: Int]?) {
            self.init(errors: counts?[.error] ?? 0, warnings: counts?[.warning] ?? 0, notes: counts?[.info] ?? 0)
        }

        public var isEmpty: Bool { errors + warnings + notes == 0 }
    }

    /// A sending unit whose workbook counts for the year.
    public struct Sent: Sendable, Hashable, Encodable {
        public var code, name, file: String
        /// When the file was saved into Input/ (ISO 8601, UTC) and that day in Vietnam.
        public var received: String, receivedDay: String
        public var facts: Int
        /// Days after the deadline's day (0: on time); nil without a deadline.
        public var daysLate: Int?
        public var findings: Findings

        private enum CodingKeys: String, CodingKey { case code, name, file, received, receivedDay, facts, daysLate, findings }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code); try c.encode(name, forKey: .name); try c.encode(file, forKey: .file)
            try c.encode(received, forKey: .received); try c.encode(receivedDay, forKey: .receivedDay)
            try c.encode(facts, forKey: .facts); try c.encode(daysLate, forKey: .daysLate); try c.encode(findings, forKey: .findings)
        }
    }

    /// A sending unit with no workbook counting for the year.
    public struct Missing: Sendable, Hashable, Encodable {
        public var code, name: String
        /// Days from the deadline's day to `asOf` (0: not due yet); nil without a deadline.
        public var daysOverdue: Int?
        /// The file it had sent, withdrawn because it left Input/ (or could not be read again).
        public var withdrawnFile: String?

        private enum CodingKeys: String, CodingKey { case code, name, daysOverdue, withdrawnFile }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(code, forKey: .code); try c.encode(name, forKey: .name)
            try c.encode(daysOverdue, forKey: .daysOverdue); try c.encode(withdrawnFile, forKey: .withdrawnFile)
        }
    }

    /// A file with findings that no sending unit's counted workbook is: unreadable, or its
    /// sender unknown (`unitCode` "" then) or not a sender of this registry.
    public struct OtherFile: Sendable, Hashable, Encodable {
        public var file: String
        public var unitCode: String
        public var findings: Findings
    }

    /// The last run of any command on the store.
    public struct LastRun: Sendable, Hashable, Encodable {
        public var id: Int64
        public var command: String
        /// ISO 8601, UTC; `finished` and `exitStatus` nil for a run that has not finished (still
        /// running, or killed).
        public var started: String, finished: String?
        public var exitStatus: Int32?

        private enum CodingKeys: String, CodingKey { case id, command, started, finished, exitStatus }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(command, forKey: .command); try c.encode(started, forKey: .started)
            try c.encode(finished, forKey: .finished); try c.encode(exitStatus, forKey: .exitStatus)
        }
    }

    public var year: Int
    /// pipeline.yml's `deadline` (YYYY-MM-DD), and the day the status is taken on.
    public var deadline: String?, asOf: String
    /// How many units send (the registry's districts, or communes after the 2025 reform).
    public var senders: Int
    public var sent: [Sent]
    public var missing: [Missing]
    public var otherFiles: [OtherFile]
    public var lastRun: LastRun?
    /// The run whose findings are counted: the last that read this year's files.
    public var findingsRun: Int64?

    /// Puts the store's rows together; see the type's contract. `submissions` are the year's
    /// (`Store.submissions(year:)`), `findings` the counts of `findingsRun` by file.
    public static func make(year: Int, deadline: String?, asOf: String, senders: [AdministrativeUnit], submissions: [Submission],
                            factCounts: [Int64: Int], findings: [String: [Severity: Int]], findingsRun: Int64?,
                            lastRun: RunRecord?) -> SeasonStatus {
        let latest = Dictionary(submissions.filter { $0.supersededBy == nil }.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, b in a.id > b.id ? a : b })
        let deadlineDay = deadline.flatMap(Self.dayNumber(iso:))
        let today = Self.dayNumber(iso: asOf)
        var sent: [Sent] = [], missing: [Missing] = []
        var accounted = Set<String>()
        for unit in senders {
            if let s = latest[unit.code], s.withdrawn == nil {
                let day = Self.vietnamDay(s.received)
                sent.append(Sent(code: unit.code, name: unit.name, file: s.file, received: s.received.formatted(.iso8601), receivedDay: day,
                                 facts: factCounts[s.id] ?? 0,
                                 daysLate: deadlineDay.flatMap { d in Self.dayNumber(iso: day).map { max(0, $0 - d) } },
                                 findings: Findings(findings[s.file])))
                accounted.insert(s.file)
            } else {
                let withdrawn = latest[unit.code]?.file
                if let withdrawn { accounted.insert(withdrawn) }
                missing.append(Missing(code: unit.code, name: unit.name,
                                       daysOverdue: deadlineDay.flatMap { d in today.map { max(0, $0 - d) } }, withdrawnFile: withdrawn))
            }
        }
        let senderCodes = Set(senders.map(\.code))
        var others: [String: OtherFile] = [:]
        for s in latest.values where s.withdrawn == nil && !senderCodes.contains(s.unitCode) {
            let code = s.unitCode.hasPrefix("file:") ? "" : s.unitCode
            others[s.file] = OtherFile(file: s.file, unitCode: code, findings: Findings(findings[s.file]))
        }
        for (file, counts) in findings where !file.isEmpty && !accounted.contains(file) && others[file] == nil {
            others[file] = OtherFile(file: file, unitCode: "", findings: Findings(counts))
        }
        return SeasonStatus(year: year, deadline: deadline, asOf: asOf, senders: senders.count, sent: sent, missing: missing,
                            otherFiles: others.values.sorted { $0.file < $1.file },
                            lastRun: lastRun.map { LastRun(id: $0.id, command: $0.command, started: $0.started.formatted(.iso8601),
                                                           finished: $0.finished?.formatted(.iso8601), exitStatus: $0.exitStatus) },
                            findingsRun: findingsRun)
    }

    /// What the status tells cron, in the sense of README's exit codes:
    /// 2 (units to ask) when a counted file has errors or a unit is overdue; 1 (something to
    /// look at) when a unit has not sent yet (not overdue, or no deadline), a file came late or
    /// has warnings, or the last run did not finish or failed (3 and up); 0 otherwise.
    public var exitStatus: ExitStatus {
        let files = sent.map(\.findings) + otherFiles.map(\.findings)
        if files.contains(where: { $0.errors > 0 }) || missing.contains(where: { ($0.daysOverdue ?? 0) > 0 }) { return .inputErrors }
        let runFailed = lastRun.map { $0.exitStatus.map { $0 >= ExitStatus.configurationError.rawValue } ?? true } ?? false
        if !missing.isEmpty || runFailed || files.contains(where: { $0.warnings > 0 }) || sent.contains(where: { ($0.daysLate ?? 0) > 0 }) {
            return .warnings
        }
        return .success
    }

    /// The JSON of docs/status.md: sorted keys, two-space indent, every key always present
    /// (null when it has no value), a newline at the end. Same store and day, same bytes.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    private enum CodingKeys: String, CodingKey {
        case year, deadline, asOf, senders, sent, missing, otherFiles, lastRun, findingsRun, exitStatus
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year); try c.encode(deadline, forKey: .deadline); try c.encode(asOf, forKey: .asOf)
        try c.encode(senders, forKey: .senders); try c.encode(sent, forKey: .sent); try c.encode(missing, forKey: .missing)
        try c.encode(otherFiles, forKey: .otherFiles); try c.encode(lastRun, forKey: .lastRun)
        try c.encode(findingsRun, forKey: .findingsRun); try c.encode(exitStatus.rawValue, forKey: .exitStatus)
    }

    // MARK: - Days

    /// The day of `date` in Vietnam (UTC+7), "2024-11-28".
    public static func vietnamDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Days since 1970-01-01 of "YYYY-MM-DD" (the proleptic Gregorian calendar), nil for
    /// anything else: differences of these are whole days, without time zones.
    static func dayNumber(iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0], m = parts[1], d = parts[2]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
