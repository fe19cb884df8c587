// libFuzzer target: the whole reader from untrusted bytes.
//
// The input is a would-be .xlsx file: it goes through `Workbook(bytes:name:limits:)` (sniffing,
// the zip container and its limits, relationships, workbook.xml, shared strings, styles) and
// then every sheet is streamed to the end, touching each cell's reference and value. Any
// thrown error is a correct answer; a crash, a sanitizer report, a leak, a hang or unbounded
// memory is a bug. Build and run with Fuzz/run.sh (see docs/fuzzing.md).
import OfficeXML
import XLSX

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let book = try? Workbook(bytes: bytes, name: "fuzz.xlsx", limits: .default) else { return 0 }
    var hasher = Hasher()
    for sheet in book.sheets {
        hasher.combine(sheet.name)
        let metadata = try? book.forEachCell(in: sheet) { cell in
            hasher.combine(cell.reference.a1)
            hasher.combine(cell.value)
            if case .date(let date) = cell.value { hasher.combine(date.iso) }  // the output formatting too
            hasher.combine(cell.hasFormula)
        }
        if let metadata {
            for range in metadata.mergedRanges { hasher.combine(range.description) }
            hasher.combine(metadata.cellCount)
        }
    }
    _ = hasher.finalize()
    return 0
}
