import ArgumentParser
import Foundation
import Intake
import XLSX

/// `xhht cells FILE.xlsx`: every sheet and every non-empty cell of a workbook as JSON lines,
/// in the format of the shared corpus' consensus.py (how the reader is scored, and a handy
/// way to see what xhht reads from a district's file).
///
///     xhht cells Input/huyen-a.xlsx | grep '"ref":"C7"'
///     xhht cells --summary Input/huyen-a.xlsx
struct CellsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cells",
        abstract: "In mọi trang tính và mọi ô có nội dung của một tệp Excel, mỗi dòng một đối tượng JSON.",
        discussion: """
        Các dòng: {"kind":"sheet",...} cho từng trang tính theo thứ tự trong tệp, rồi
        {"kind":"cell","sheet":...,"ref":"B7","type":"number|string|bool|date|error","value":...}.
        Tệp không đọc được (FIFO, thư mục hay thiết bị bị từ chối trước khi mở) in
        {"kind":"fatal","error":...}, giải thích trên stderr và thoát với mã 1; trang tính không
        đọc được in {"kind":"sheet_error",...}, các trang khác vẫn được in, mã thoát là 1. Phần
        đã sửa trong tệp hỏng (thiếu phần trang tính, sai checksum, chuỗi dùng chung vượt bảng)
        in các dòng {"kind":"warning",...} và một thông báo trên stderr; mã thoát vẫn là 0 khi
        phần còn lại đọc được hết.
        """
    )

    @Argument(help: "Tệp Excel (.xlsx, .xlsm).")
    var file: String

    @Flag(name: .long, help: "Đọc như trên nhưng chỉ in số lượng (trang tính, ô theo kiểu).")
    var summary = false

    @Flag(name: .shortAndLong, help: "In thêm chi tiết kỹ thuật của bộ đọc (tiếng Anh) ra stderr.")
    var verbose = false

    func run() throws {
        var out = CellsJSONWriter()
        let book: Workbook
        do {
            book = try Workbook(path: file)
        } catch {
            let message = (error as? XLSXError)?.description ?? "\(file): \(error)"
            out.object([("kind", "fatal"), ("error", message)])
            out.flush()
            let why = SubmissionReader.reason(error)
            explain("Không đọc được tệp \(file): \(why.vietnamese).", detail: why.detail)
            throw ExitCode(1)
        }
        var failed = false
        var counts = CellCounts()
        if !summary {
            for sheet in book.sheets { out.sheet(sheet) }
        }
        var repairs = book.repairs
        for sheet in book.sheets {
            counts.sheets += 1
            do {
                let meta: SheetMetadata
                if summary {
                    meta = try book.forEachCell(in: sheet) { counts.add($0.value) }
                    counts.merged += meta.mergedRanges.count
                } else {
                    let prefix = CellsJSONWriter.cellPrefix(sheet: sheet.name)
                    meta = try book.forEachCell(in: sheet) { out.cell($0, prefix: prefix) }
                }
                repairs += meta.repairs
            } catch {
                failed = true
                let message = (error as? XLSXError)?.description ?? "\(file) (sheet \(sheet.name)): \(error)"
                if !summary { out.object([("kind", "sheet_error"), ("sheet", sheet.name), ("error", message)]) }
                let why = SubmissionReader.reason(error)
                explain("Không đọc được trang tính \"\(sheet.name)\" của tệp \(file): \(why.vietnamese).", detail: why.detail)
            }
        }
        for repair in repairs {
            // consensus.py reads only sheet, cell and fatal lines: a warning line is ignored there.
            if !summary {
                out.object([("kind", "warning"), ("repair", repair.kind.rawValue), ("sheet", repair.sheet ?? ""),
                            ("error", repair.description)])
            }
            explain(SubmissionReader.repairIssue(repair).message, detail: repair.description)
        }
        if summary { out.raw(counts.json) }
        out.flush()
        if failed { throw ExitCode(1) }
    }

    /// One message on stderr in Vietnamese; the reader's English sentence only with `-v`.
    private func explain(_ message: String, detail: String) {
        Terminal.printError("xhht cells: \(message)")
        if verbose { Terminal.printError("xhht cells: [chi tiết] \(detail)") }
    }
}

/// The counts of `xhht cells --summary`.
struct CellCounts {
    var sheets = 0, cells = 0, number = 0, string = 0, bool = 0, date = 0, error = 0, empty = 0, merged = 0

    mutating func add(_ value: CellValue) {
        cells += 1
        switch value {
        case .number: number += 1
        case .string: string += 1
        case .bool: bool += 1
        case .date: date += 1
        case .error: error += 1
        case .empty: empty += 1
        }
    }

    var json: String {
        #"{"kind":"summary","sheets":\#(sheets),"cells":\#(cells),"number":\#(number),"string":\#(string),"bool":\#(bool),"date":\#(date),"error":\#(error),"empty":\#(empty),"merged":\#(merged)}"# + "\n"
    }
}
