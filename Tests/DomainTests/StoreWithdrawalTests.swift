@testable import Core
import Foundation
@testable import Storage
import Testing

/// `Store.withdrawSubmissions`: a submission whose workbook left Input/ stops counting for its
/// year, stays as history, comes back with the same file and is superseded by another one.
@Suite struct StoreWithdrawalTests {
    @Test func withdrawnFactsStopCountingOnlyForThatYearAndStayAsHistory() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let run = try store.beginRun(configSHA256: "c")
        let ninhKieu = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"])
        let coDo = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], file: "co-do.xlsx", base: 100)
        let coDo2023 = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], year: 2023, file: "co-do-2023.xlsx")
        _ = try store.importSubmission(file: "ninh-kieu.xlsx", sha256: "a", unitCode: "916", year: 2024, received: StoreSamples.received,
                                       facts: ninhKieu, issues: [])
        _ = try store.importSubmission(file: "co-do.xlsx", sha256: "b", unitCode: "925", year: 2024, received: StoreSamples.received,
                                       facts: coDo, issues: [])
        _ = try store.importSubmission(file: "co-do-2023.xlsx", sha256: "c", unitCode: "925", year: 2023, received: StoreSamples.received,
                                       facts: coDo2023, issues: [])

        let when = Date(timeIntervalSince1970: 1_733_000_000)
        let gone = try store.withdrawSubmissions(year: 2024, keeping: ["916"], date: when)
        #expect(gone.map(\.file) == ["co-do.xlsx"])
        #expect(gone.first?.withdrawn == when && gone.first?.withdrawnRun == run)
        #expect(try store.facts(year: 2024) == ninhKieu)
        #expect(try store.facts(year: 2023) == coDo2023)
        // Again: still reported, with the first withdrawal's date; nothing else changes.
        let again = try store.withdrawSubmissions(year: 2024, keeping: ["916"], date: when.addingTimeInterval(86_400))
        #expect(again.map(\.withdrawn) == [when])
        // History: the row and its facts are kept.
        let rows = try store.submissions(year: 2024)
        #expect(rows.count == 2 && rows.first { $0.file == "co-do.xlsx" }?.isCurrent == false)
        #expect(try store.database.scalar("SELECT count(*) FROM facts WHERE submission_id = \(gone[0].id)") == "2")
    }

    @Test func theSameFileRestoresAndAnotherSupersedes() throws {
        let temp = TemporaryStore()
        let store = try Store(path: temp.path)
        let first = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], file: "co-do.xlsx")
        _ = try store.importSubmission(file: "co-do.xlsx", sha256: "b", unitCode: "925", year: 2024, received: StoreSamples.received,
                                       facts: first, issues: [])
        _ = try store.withdrawSubmissions(year: 2024, keeping: [])
        #expect(try store.facts(year: 2024).isEmpty)
        guard case .restored(let previous) = try store.importSubmission(file: "co-do.xlsx", sha256: "b", unitCode: "925", year: 2024,
                                                                         received: StoreSamples.received, facts: first, issues: []) else {
            Issue.record("expected .restored"); return
        }
        #expect(previous.withdrawn != nil)
        #expect(try store.facts(year: 2024) == first)
        #expect(try store.submissions(year: 2024).map(\.isCurrent) == [true])

        _ = try store.withdrawSubmissions(year: 2024, keeping: [])
        let second = StoreSamples.facts(communes: 2, fields: ["gia_dinh_tong"], file: "co-do-moi.xlsx", base: 50)
        guard case .replaced(let old) = try store.importSubmission(file: "co-do-moi.xlsx", sha256: "b2", unitCode: "925", year: 2024,
                                                                   received: StoreSamples.received, facts: second, issues: []) else {
            Issue.record("expected .replaced"); return
        }
        #expect(old.file == "co-do.xlsx" && old.withdrawn != nil)
        #expect(try store.facts(year: 2024) == second)
        let rows = try store.submissions(year: 2024)
        #expect(rows.map(\.isCurrent) == [false, true])
        #expect(rows.first?.supersededBy == rows.last?.id)
    }
}
