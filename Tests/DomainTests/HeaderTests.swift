@testable import Core
import Foundation
@testable import Intake
import Testing

@Suite struct HeaderTests {
    let compiled = CompiledSheet(TestForm.commune)

    @Test func twoRowMergedHeaderUnderTitleRows() throws {
        let sheet = TestForm.communeSheet(
            titles: [["UBND QUẬN NINH KIỀU"], ["BIỂU TỔNG HỢP KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2024"], ["Đơn vị: Phòng GDĐT quận Ninh Kiều"]],
            titleMerges: ["A1:N1", "A2:N2", "A3:N3"],
            rows: [[1, "31117", "Phường Cái Khế", 2, 100, 90]])
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.firstRow == 4)
        #expect(layout.lastRow == 5)
        #expect(layout.ordinalColumn == 1 && layout.codeColumn == 2 && layout.nameColumn == 3)
        // Every field of the form, each in its column (D = 4 ... N = 14, in order).
        #expect(layout.fieldColumns.count == TestForm.commune.fields.count)
        for i in TestForm.commune.fields.indices { #expect(layout.fieldColumns[i] == i + 4) }
        #expect(layout.duplicates.isEmpty)
    }

    @Test func headerStartingAtRow12() throws {
        let titles: [[RawCell]] = (1...10).map { i in i == 2 ? ["BIỂU SỐ 01"] : [] } + [["(Kèm theo Công văn số .../PGDĐT)"]]
        let sheet = TestForm.communeSheet(titles: titles, rows: [[1, nil, "Phường An Hòa", 1, 50, 40]])
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.firstRow == 12)
        #expect(layout.dataStartRow == 14)
        #expect(layout.fieldColumns[1] == 5)
    }

    @Test func nfdAndUppercaseHeadersWithLineBreaks() throws {
        func nfd(_ s: String) -> RawCell { .init(.text(s.decomposedStringWithCanonicalMapping)) }
        let sheet = RawSheet(name: "Sheet1", rows: [
            [nfd("TT"), nfd("TÊN  ĐƠN\nVỊ"), nfd("GIA ĐÌNH HỌC TẬP"), nil],
            [nil, nil, nfd("Tổng số\nhộ"), nfd("Số hộ\u{00A0}đạt")],
            [1, "Phường Cái Khế", 10, 5],
        ], merged: ["A1:A2", "B1:B2", "C1:D1"])
        #expect(sheet[2, 3]?.text?.unicodeScalars.count != "Tổng số\nhộ".unicodeScalars.count)
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.firstRow == 1 && layout.lastRow == 2)
        #expect(layout.ordinalColumn == 1 && layout.nameColumn == 2)
        #expect(layout.fieldColumns == [1: 3, 2: 4])
    }

    /// Overlapping merged ranges exist only in broken or hostile files: the first range over a
    /// cell gives it its text, and thousands of ranges spanning the whole width cost no more than
    /// the cells they cover (each cell is written once, not once per range).
    @Test(.timeLimit(.minutes(1))) func overlappingMergedRangesAreSpreadOnceAndTheFirstWins() throws {
        var rows: [[RawCell]] = [
            ["TT", "Tên đơn vị", "Gia đình học tập", nil],
            [nil, nil, "Tổng số hộ", "Số hộ đạt"],
            [1, "Phường Cái Khế", 10, 5],
        ]
        rows[0] += [RawCell](repeating: nil, count: 16_380)
        rows[0][16_383] = "Ghi chú"
        // 20,000 ranges from the far right over the whole width of the header rows, after the real ones.
        let hostile = (0..<20_000).map { _ in "XFD1:XFD2" } + (0..<20_000).map { _ in "E1:XFD2" }
        let sheet = RawSheet(name: "Sheet1", rows: rows, merged: ["A1:A2", "B1:B2", "C1:D1"] + hostile)
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.firstRow == 1 && layout.lastRow == 2)
        #expect(layout.fieldColumns == [1: 3, 2: 4])
        let grid = HeaderDetector.Grid(sheet)
        #expect(grid.path(column: 3, rows: 1...2) == [HeaderKey.make("Gia đình học tập"), HeaderKey.make("Tổng số hộ")])
        #expect(grid.path(column: 4, rows: 1...2) == [HeaderKey.make("Gia đình học tập"), HeaderKey.make("Số hộ đạt")])
        #expect(grid.path(column: 16_384, rows: 1...2) == [HeaderKey.make("Ghi chú")])
    }

    @Test func singleRowHeaderWithUniqueChildrenAlone() throws {
        // No parent row: "Tổng số hộ" is unique, "Số được công nhận" is not.
        let sheet = RawSheet(name: "Sheet1", rows: [
            ["Xã, phường, thị trấn", "Tổng số hộ", "Số hộ đạt", "Số được công nhận"],
            ["Phường Cái Khế", 10, 5, 3],
        ])
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.firstRow == 1 && layout.lastRow == 1)
        #expect(layout.nameColumn == 1)
        #expect(layout.fieldColumns == [1: 2, 2: 3])
    }

    @Test func threeRowHeaderWithAnOuterParent() throws {
        // A third row on top ("Kết quả") spans every field: aliases match the end of the path.
        let sheet = RawSheet(name: "Sheet1", rows: [
            ["STT", "Tên đơn vị", "Kết quả năm 2024", nil, nil],
            [nil, nil, "Gia đình học tập", nil, "Người trong độ tuổi lao động"],
            [nil, nil, "Tổng số hộ", "Số hộ đạt", "Tổng số"],
            [1, "Phường Cái Khế", 10, 5, 300],
        ], merged: ["A1:A3", "B1:B3", "C1:E1", "C2:D2"])
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        // Rows 2-3 already say everything; the outer row adds nothing, so the shorter header wins.
        #expect(layout.lastRow == 3)
        #expect(layout.fieldColumns == [1: 3, 2: 4, 10: 5])
        #expect(layout.nameColumn == 2)
    }

    @Test func columnNumberRowUnderTheHeaderIsNotPartOfIt() throws {
        let header = TestForm.communeHeader(at: 1)
        let numbers: [RawCell] = (1...14).map { .init(.text("(\($0))")) }
        let sheet = RawSheet(name: "Cấp xã", rows: header.rows + [numbers, [1, "31117", "Phường Cái Khế", 2, 10, 5]], merged: header.merged)
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.lastRow == 2)
        let s = TestForm.normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.records.map(\.row) == [4])
        #expect(s.issues.filter { $0.severity == .error }.isEmpty)
    }

    @Test func duplicateColumnIsReported() throws {
        let sheet = RawSheet(name: "Cấp xã", rows: [
            ["Tên đơn vị", "Gia đình học tập", nil, "Gia đình học tập", nil],
            [nil, "Tổng số hộ", "Số hộ đạt", "Tổng số hộ", "Số hộ đạt"],
            ["Phường Cái Khế", 10, 5, 11, 6],
        ], merged: ["A1:A2", "B1:C1", "D1:E1"])
        let layout = try #require(HeaderDetector.detect(sheet, for: compiled))
        #expect(layout.fieldColumns == [1: 2, 2: 3])
        #expect(Set(layout.duplicates.map(\.column)) == [4, 5])
        let s = TestForm.normalizer.normalize(file: "t.xlsx", sheets: [sheet])
        #expect(s.issues.filter { $0.rule == RuleID.columnDuplicate.rawValue }.map(\.provenance.cell).sorted() == ["D2", "E2"])
        #expect(s.records.first?.values["gia_dinh_tong"] == .count(10))
    }

    @Test func noHeaderWithoutAnIdentityColumn() {
        let sheet = RawSheet(name: "Ghi chú", rows: [["Tổng số hộ", "Số hộ đạt"], [1, 2]])
        #expect(HeaderDetector.detect(sheet, for: compiled) == nil)
    }
}
