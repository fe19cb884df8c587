@testable import Core
import Crypto
import Foundation
@testable import Intake
import Testing

@Suite struct IngestTests {
    @Test func cellPositionsReadAndWriteA1() {
        #expect(CellPosition(row: 7, column: 5).a1 == "E7")
        #expect(CellPosition(row: 1, column: 27).a1 == "AA1")
        #expect(CellPosition(row: 3, column: 16_384).a1 == "XFD3")
        #expect(CellPosition(a1: "AB12") == CellPosition(row: 12, column: 28))
        #expect(CellPosition(a1: "$C$4") == CellPosition(row: 4, column: 3))
        #expect(CellPosition(a1: "4C") == nil)
        #expect(CellPosition(a1: "C") == nil)
        #expect(CellRange(a1: "F2:A1") == CellRange(first: CellPosition(row: 1, column: 1), last: CellPosition(row: 2, column: 6)))
        #expect(CellRange(a1: "A1:F1")!.contains(CellPosition(row: 1, column: 4)))
        #expect(!CellRange(a1: "A1:F1")!.contains(CellPosition(row: 2, column: 4)))
    }

    @Test func rawSheetFromRowsSkipsBlanksAndKeepsFormulas() {
        let sheet = RawSheet(name: "Cấp xã", rows: [
            ["A", nil, 3],
            [nil, .formula(cached: nil), .formula(cached: 12)],
        ], merged: ["A1:B1"])
        #expect(sheet.cells.count == 4)
        #expect(sheet.cells.map(\.position.description) == ["A1", "C1", "B2", "C2"])
        #expect(sheet[1, 2] == nil)
        #expect(sheet[1, 3]?.value == .number(3))
        #expect(sheet[2, 2] == RawCell(.empty, hasFormula: true))
        #expect(sheet[2, 3]?.hasFormula == true)
        #expect(sheet.maxRow == 2 && sheet.maxColumn == 3)
        #expect(sheet.mergedRanges.map(\.description) == ["A1:B1"])
        #expect(RawCell(.number(31117)).text == "31117")
        #expect(RawCell(.number(1.5)).text == "1.5")
    }

    /// Cells come in the worksheet's order as a rule, but a hostile file may list them in any
    /// order, twice, or blank one out: the sheet is the same as if they had come in order.
    @Test func cellsInAnyOrderMakeTheSameSheet() {
        let inOrder: [(CellPosition, RawCell)] = [(.init(row: 1, column: 1), "A"), (.init(row: 1, column: 3), 3),
                                                  (.init(row: 2, column: 2), .formula(cached: nil)), (.init(row: 5, column: 1), "x")]
        var builder = RawSheet.Builder(file: "t.xlsx", name: "S")
        for (p, c) in inOrder { builder.set(c, at: p) }
        let expected = builder.build(mergedRanges: [])
        #expect(expected.cells.map(\.position.description) == ["A1", "C1", "B2", "A5"])

        var shuffled = RawSheet.Builder(file: "t.xlsx", name: "S")
        shuffled.set("old", at: .init(row: 5, column: 1))
        shuffled.set(nil, at: .init(row: 9, column: 9))  // blank: nothing stored
        for (p, c) in inOrder.reversed() { shuffled.set(c, at: p) }
        shuffled.set("gone", at: .init(row: 3, column: 3))
        shuffled.set(nil, at: .init(row: 3, column: 3))  // a later blank removes it
        let sheet = shuffled.build(mergedRanges: [])
        #expect(sheet == expected)
        #expect(sheet[5, 1]?.value == .text("x"))  // the later of two cells at one position
        #expect(sheet[3, 3] == nil && sheet.maxRow == 5 && sheet.maxColumn == 3)

        // `set` on a built sheet keeps the order too: in place, replaced, removed.
        var edited = expected
        edited.set("mid", at: .init(row: 2, column: 1))
        edited.set("A2", at: .init(row: 1, column: 1))
        edited.set(nil, at: .init(row: 1, column: 3))
        #expect(edited.cells.map(\.position.description) == ["A1", "A2", "B2", "A5"])
        #expect(edited[1, 1]?.value == .text("A2") && edited[1, 3] == nil)
        #expect(edited.cells(inRows: 2...4).map(\.position.description) == ["A2", "B2"])
        #expect(edited.cells(inRows: 6...9).isEmpty)
    }

    @Test func cellTextIsLettersThenRow() {
        for letters in ["", "A", "Z", "AB", "XFD", "Cột", String(repeating: "Q", count: 20)] {
            for row in [0, 1, 7, 9, 10, 99, 100, 1_048_576, 123_456_789, Int.max, -1, -120] {
                #expect(CellPosition.a1(letters: letters, row: row) == letters + String(row))
            }
        }
        #expect(CellPosition(row: 12, column: 28).a1 == "AB12")
    }

    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and the empty message.
    @Test func sha256StandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func sha256MillionAsInPieces() {
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { h.update(data: chunk) }
        #expect(h.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256PaddingBoundaries() {
        // 55, 56 and 64 bytes straddle the one-block / two-block padding boundary.
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }
}
