import Testing
@testable import XLSX

@Suite("Cell references and merged ranges")
struct CellReferenceTests {
    static let samples: [(String, Int, Int)] = [
        ("A1", 1, 1), ("Z9", 9, 26), ("AA10", 10, 27), ("AZ1", 1, 52), ("BA1", 1, 53), ("XFD1048576", 1_048_576, 16_384),
    ]

    @Test("A1 text round-trips through row and column", arguments: samples)
    func roundTrip(text: String, row: Int, column: Int) throws {
        let ref = try #require(CellReference(text))
        #expect(ref.row == row)
        #expect(ref.column == column)
        #expect(ref.a1 == text)
        #expect(CellReference(row: row, column: column).a1 == text)
    }

    @Test func acceptsAbsoluteAndLowercase() {
        #expect(CellReference("$B$7") == CellReference(row: 7, column: 2))
        #expect(CellReference("b7") == CellReference(row: 7, column: 2))
    }

    @Test("Rejects what is not a reference", arguments: ["", "7", "B", "B-1", "1B", "B7:C8", "B 7", "B0"])
    func rejects(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func ordersRowMajor() {
        let refs = ["B2", "A10", "C1", "A2"].compactMap { CellReference($0) }.sorted()
        #expect(refs.map(\.a1) == ["C1", "A2", "B2", "A10"])
    }

    @Test func mergedRangeContains() throws {
        let m = try #require(MergedRange("B2:D3"))
        #expect(m.contains(CellReference("C3")!))
        #expect(m.contains(CellReference("B2")!))
        #expect(!m.contains(CellReference("E3")!))
        #expect(!m.contains(CellReference("B4")!))
        #expect(MergedRange("D3:B2") == m)  // normalised corners
        #expect(m.description == "B2:D3")
    }
}
