import Core
import Foundation
@testable import Run
@testable import Storage
import Testing
@testable import Units

/// `xhht status` made from the store's rows: who sent (days late), who did not (days overdue),
/// which files have findings, the last run; the exit status in README's sense; JSON with every
/// key always there.
@Suite struct SeasonStatusTests {
    static let senders = [
        AdministrativeUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92"),
        AdministrativeUnit(code: "925", name: "Huyện Cờ Đỏ", level: .district, parentCode: "92"),
        AdministrativeUnit(code: "927", name: "Huyện Thới Lai", level: .district, parentCode: "92"),
    ]

    /// A moment in Vietnam's time (UTC+7).
    static func vietnam(_ text: String) -> Date {
        try! Date(text + "+07:00", strategy: .iso8601)
    }

    static func submission(_ id: Int64, _ unit: String, _ file: String, received: Date, withdrawn: Date? = nil) -> Submission {
        Submission(id: id, file: file, sha256: "h\(id)", unitCode: unit, year: 2024, received: received, importedRun: 1,
                   supersededBy: nil, withdrawn: withdrawn, withdrawnRun: withdrawn == nil ? nil : 2)
    }

    static func status(deadline: String? = "2024-11-30", asOf: String = "2024-12-05", submissions: [Submission],
                       findings: [String: [Severity: Int]] = [:], lastRun: RunRecord? = nil) -> SeasonStatus {
        SeasonStatus.make(year: 2024, deadline: deadline, asOf: asOf, senders: senders, submissions: submissions,
                          factCounts: [1: 182, 2: 149, 3: 5], findings: findings, findingsRun: 2, lastRun: lastRun)
    }

    @Test func sentLateMissingAndTheirDays() {
        // 23:30 on the deadline's day in Vietnam is on time (16:30 UTC); the next morning is a day late.
        let s = Self.status(submissions: [
            Self.submission(1, "916", "ninh-kieu.xlsx", received: Self.vietnam("2024-11-30T23:30:00")),
            Self.submission(2, "925", "co-do.xlsx", received: Self.vietnam("2024-12-02T08:00:00")),
        ])
        #expect(s.sent.map(\.code) == ["916", "925"])
        #expect(s.sent.map(\.daysLate) == [0, 2])
        #expect(s.sent.map(\.receivedDay) == ["2024-11-30", "2024-12-02"])
        #expect(s.sent.map(\.facts) == [182, 149])
        #expect(s.missing.map(\.code) == ["927"])
        #expect(s.missing.first?.daysOverdue == 5)
        #expect(s.exitStatus == .inputErrors)  // overdue
        // Before the deadline the same unit is only "not yet": 1.
        let early = Self.status(asOf: "2024-11-20", submissions: [
            Self.submission(1, "916", "ninh-kieu.xlsx", received: Self.vietnam("2024-11-10T08:00:00")),
            Self.submission(2, "925", "co-do.xlsx", received: Self.vietnam("2024-11-11T08:00:00")),
        ])
        #expect(early.missing.first?.daysOverdue == 0)
        #expect(early.exitStatus == .warnings)
    }

    @Test func withoutADeadlineNoDaysAreCounted() {
        let s = Self.status(deadline: nil, submissions: [Self.submission(1, "916", "ninh-kieu.xlsx", received: Self.vietnam("2024-12-30T08:00:00"))])
        #expect(s.sent.first?.daysLate == nil)
        #expect(s.missing.allSatisfy { $0.daysOverdue == nil })
        #expect(s.exitStatus == .warnings)  // two units have not sent
    }

    @Test func findingsByFileAndFilesOfNoSender() {
        let s = Self.status(submissions: [
            Self.submission(1, "916", "ninh-kieu.xlsx", received: Self.vietnam("2024-11-01T08:00:00")),
            Self.submission(2, "925", "co-do.xlsx", received: Self.vietnam("2024-11-01T08:00:00"), withdrawn: Date()),
            Self.submission(3, "file:la.xlsx", "la.xlsx", received: Self.vietnam("2024-11-01T08:00:00")),
        ], findings: [
            "ninh-kieu.xlsx": [.error: 3, .warning: 1],
            "co-do.xlsx": [.warning: 1],          // the withdrawal's warning: about a missing unit, not another file
            "hong.xlsx": [.error: 1],             // unreadable: no submission
            "la.xlsx": [.info: 2],
        ])
        #expect(s.sent.first?.findings == SeasonStatus.Findings(errors: 3, warnings: 1, notes: 0))
        #expect(s.missing.map(\.code) == ["925", "927"])
        #expect(s.missing.first?.withdrawnFile == "co-do.xlsx")
        #expect(s.otherFiles.map(\.file) == ["hong.xlsx", "la.xlsx"])
        #expect(s.otherFiles.map(\.unitCode) == ["", ""])
        #expect(s.exitStatus == .inputErrors)
    }

    @Test func allSentOnTimeAndCleanIsZeroUnlessTheLastRunFailed() {
        let subs = Self.senders.enumerated().map { i, unit in
            Self.submission(Int64(i + 1), unit.code, "\(unit.code).xlsx", received: Self.vietnam("2024-11-29T08:00:00"))
        }
        let finished = RunRecord(id: 3, started: Date(timeIntervalSince1970: 1_733_356_800), finished: Date(timeIntervalSince1970: 1_733_356_809),
                                 configSHA256: "c", command: "run", exitStatus: 0, counts: nil)
        #expect(Self.status(submissions: subs, lastRun: finished).exitStatus == .success)
        var killed = finished
        killed.finished = nil
        killed.exitStatus = nil
        #expect(Self.status(submissions: subs, lastRun: killed).exitStatus == .warnings)
        let text = SeasonStatusText.lines(Self.status(submissions: subs, lastRun: killed)).joined(separator: "\n")
        #expect(text.contains("chưa kết thúc"))
        #expect(text.contains("Chưa gửi: không còn đơn vị nào."))
        #expect(text.contains("Lần chạy gần nhất: xhht run, bắt đầu 05/12/2024 07:00:00"))
    }

    /// Every key is there, null when it has no value; sorted keys; the same bytes twice.
    @Test func theJSONKeepsEveryKey() throws {
        let s = Self.status(submissions: [Self.submission(1, "916", "ninh-kieu.xlsx", received: Self.vietnam("2024-12-01T09:00:00"))])
        let json = try s.json()
        #expect(try s.json() == json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["year", "deadline", "asOf", "senders", "sent", "missing", "otherFiles", "lastRun", "findingsRun", "exitStatus"])
        #expect(object["lastRun"] is NSNull)
        #expect(object["exitStatus"] as? Int == 2)
        let sent = try #require((object["sent"] as? [[String: Any]])?.first)
        #expect(Set(sent.keys) == ["code", "name", "file", "received", "receivedDay", "facts", "daysLate", "findings"])
        #expect(sent["received"] as? String == "2024-12-01T02:00:00Z")
        #expect(sent["daysLate"] as? Int == 1)
        let missing = try #require((object["missing"] as? [[String: Any]])?.first)
        #expect(Set(missing.keys) == ["code", "name", "daysOverdue", "withdrawnFile"])
        #expect(missing["withdrawnFile"] is NSNull)
    }

    @Test func dayNumbersCountWholeDays() {
        #expect(SeasonStatus.dayNumber(iso: "1970-01-01") == 0)
        #expect(SeasonStatus.dayNumber(iso: "2024-03-01")! - SeasonStatus.dayNumber(iso: "2024-02-28")! == 2)
        #expect(SeasonStatus.dayNumber(iso: "2025-01-01")! - SeasonStatus.dayNumber(iso: "2024-12-31")! == 1)
        #expect(SeasonStatus.dayNumber(iso: "2024-13-01") == nil)
    }
}
