@testable import Core
import Foundation
@testable import Intake
import Testing

/// One file cannot take the machine: a sheet stops being read when its findings or its unit
/// rows reach `SheetLimits`, and a workbook past `SubmissionReader.maxCells` keeps no more
/// cells; each time one finding says where and why, and what was read before stays.
@Suite struct SheetLimitsTests {
    @Test func aSheetOfJunkRowsStopsAtTheFindingLimitAndKeepsTheRowsAbove() throws {
        var rows: [[RawCell]] = [
            [1, "31117", "Phường Cái Khế", 1, 10, 5, nil, nil, nil, nil, nil, nil, "Có", 7],
            [2, "31120", "Phường An Hòa", 2, 20, 8, nil, nil, nil, nil, nil, nil, "Có", 9],
        ]
        let junk = SheetLimits.maxFindings + 5_000
        for i in 0..<junk {
            rows.append([RawCell(.number(Double(i + 3))), nil, RawCell(.text("rác \(i)")), 1, 10, 5])
        }
        let sheet = TestForm.communeSheet(rows: rows)
        let s = TestForm.normalizer.normalize(file: "rac.xlsx", sheets: [sheet])
        // The two real communes are read and kept.
        #expect(s.records.map(\.unitCode) == ["31117", "31120"])
        let unknown = s.issues.filter { $0.rule == RuleID.unitUnknown.rawValue }
        #expect(unknown.count == SheetLimits.maxFindings)
        let stop = try #require(s.issues.last)
        #expect(stop.rule == RuleID.sheetTooManyRows.rawValue && stop.severity == .error)
        #expect(s.issues.count { $0.rule == RuleID.sheetTooManyRows.rawValue } == 1)
        // It names the first row not read (header rows 1-2, the two communes 3-4, then junk).
        let lastRead = 2 + 2 + SheetLimits.maxFindings
        #expect(stop.provenance.file == "rac.xlsx" && stop.provenance.sheet == "Cấp xã" && stop.provenance.cell == "A\(lastRead + 1)")
        #expect(stop.message.contains("dòng \(lastRead + 1)") && stop.message.contains("20.000"))
    }

    @Test func aSheetUnderTheLimitsHasNoStop() {
        let rows: [[RawCell]] = (0..<50).map { i in [RawCell(.number(Double(i + 1))), nil, RawCell(.text("rác \(i)")), 1, 10, 5] }
        let s = TestForm.normalizer.normalize(file: "rac.xlsx", sheets: [TestForm.communeSheet(rows: rows)])
        #expect(s.issues.count { $0.rule == RuleID.unitUnknown.rawValue } == 50)
        #expect(!s.issues.contains { $0.rule == RuleID.sheetTooManyRows.rawValue })
    }

    @Test func aSheetPastTheCellLimitIsLetGoAndTheOtherSheetsAreRead() throws {
        func rows(_ n: Int) -> String {
            (1...n).map { #"<row r="\#($0)"><c r="A\#($0)"><v>\#($0)</v></c><c r="B\#($0)"><v>1</v></c></row>"# }.joined()
        }
        let bytes = try IngestRepairTests.workbook([("Cấp xã", rows(10), true), ("Cấp huyện", rows(100), true), ("Ghi chú", rows(12), true)])
        let read = SubmissionReader.read(bytes: bytes, file: "lon.xlsx", maxCells: 50)
        // The sheet past the limit is let go; the ones before and after it fit and are read.
        #expect(read.sheets.map(\.name) == ["Cấp xã", "Ghi chú"])
        #expect(read.sheets.map(\.cells.count) == [20, 24])
        #expect(read.issues.count == 1)
        let refused = try #require(read.issues.first { $0.provenance.sheet == "Cấp huyện" })
        #expect(refused.rule == RuleID.workbookUnreadable.rawValue && refused.severity == .error)
        #expect(refused.message.contains("lon.xlsx") && refused.message.contains("50 ô"))
        #expect(IngestRepairTests.isVietnameseOnly(refused.message))
        #expect(read.details.contains { $0.contains("more than 50 cells") })
        // The default is far above any real report.
        #expect(SubmissionReader.maxCells >= 1_000_000)
    }
}
