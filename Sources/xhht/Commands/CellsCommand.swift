import ArgumentParser
import Foundation
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
        abstract: "Print every sheet and non-empty cell of a workbook as JSON lines.",
        discussion: """
        Lines: {"kind":"sheet",...} for each sheet in workbook order, then
        {"kind":"cell","sheet":...,"ref":"B7","type":"number|string|bool|date|error","value":...}.
        A file that cannot be read prints {"kind":"fatal","error":...}, explains on stderr and
        exits with status 1; a sheet that cannot be read prints {"kind":"sheet_error",...},
        the other sheets are still printed, and the exit status is 1.
        """
    )

    @Argument(help: "The workbook (.xlsx, .xlsm).")
    var file: String

    @Flag(name: .long, help: "Read everything the same way but print only the counts (sheets, cells by type).")
    var summary = false

    func run() throws {
        var out = CellsJSONWriter()
        let book: Workbook
        do {
            book = try Workbook(path: file)
        } catch {
            let message = (error as? XLSXError)?.description ?? "\(file): \(error)"
            out.object([("kind", "fatal"), ("error", message)])
            out.flush()
            FileHandle.standardError.write(Data("xhht cells: \(message)\n".utf8))
            throw ExitCode(1)
        }
        var failed = false
        var counts = CellCounts()
        if !summary {
            for sheet in book.sheets { out.sheet(sheet) }
        }
        for sheet in book.sheets {
            counts.sheets += 1
            do {
                if summary {
                    let meta = try book.forEachCell(in: sheet) { counts.add($0.value) }
                    counts.merged += meta.mergedRanges.count
                } else {
                    let prefix = CellsJSONWriter.cellPrefix(sheet: sheet.name)
                    try book.forEachCell(in: sheet) { out.cell($0, prefix: prefix) }
                }
            } catch {
                failed = true
                let message = (error as? XLSXError)?.description ?? "\(file) (sheet \(sheet.name)): \(error)"
                if !summary { out.object([("kind", "sheet_error"), ("sheet", sheet.name), ("error", message)]) }
                FileHandle.standardError.write(Data("xhht cells: \(message)\n".utf8))
            }
        }
        if summary { out.raw(counts.json) }
        out.flush()
        if failed { throw ExitCode(1) }
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
