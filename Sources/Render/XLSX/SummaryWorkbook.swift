import Core
import Model
import OfficeXML
import Presentation

/// `Output/<year>/bieu-tong-hop.xlsx`: every unit's indicators as the Ministry receives them,
/// one sheet per level the report has (province, district, commune), written by OfficeXML's
/// `SpreadsheetWorkbook`.
///
///     Cấp xã
///     UBND THÀNH PHỐ CẦN THƠ            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
///     SỞ GIÁO DỤC VÀ ĐÀO TẠO            Độc lập - Tự do - Hạnh phúc
///     Số:       /BC-SGDĐT               Cần Thơ, ngày 05 tháng 12 năm 2024
///                    BIỂU TỔNG HỢP
///     Kết quả xây dựng xã hội học tập năm 2024 - cấp xã (xã, phường, thị trấn)
///     (rounding note)
///     Mã | Tên đơn vị | Thuộc | <indicator 1: Số đạt | Tổng số | Tỷ lệ | Chỉ tiêu | Đánh giá> | ...
///     31117 | Phường Cái Khế | Quận Ninh Kiều | 9 | 12 | 75,00% | 70,00% | Đạt | ...
///
/// - Its numbers are indicators.csv's: numerator and denominator as whole numbers, the rate
///   and the target as real fractions shown as percentages (the cell holds the exact value as
///   a double, so 5/9 is 0.5555555555555556 and rounds to 55.5556 like the CSV), "Đạt" or
///   "Chưa đạt" from the exact comparison, green or red through conditional formatting. A
///   value the CSV leaves empty is an empty cell: missing is never zero.
/// - Rows: the level's units in the model's order; columns: the indicators that have a
///   result at that level, in catalogue order.
/// - Header rows frozen with the code and name; A4 landscape, one page wide, the table's two
///   header rows printed on every page.
/// - No text can become a formula: the writer has only number and string cells.
/// - Every word and format comes from the presenter (`PresentedReport`, `WorkbookWords`).
public enum SummaryWorkbook {
    public static let fileName = WorkbookWords.fileName

    /// The levels the report has, top down, each with its units in the model's order.
    static func levels(_ model: ReportModel) -> [(UnitLevel, [ReportUnit])] {
        var byLevel: [UnitLevel: [ReportUnit]] = [:]
        for unit in model.units { byLevel[unit.level, default: []].append(unit) }
        return UnitLevel.allCases.compactMap { level in byLevel[level].map { (level, $0) } }
    }

    /// The workbook for `model`, its header from `report` (the model's presented report).
    public static func workbook(model: ReportModel, report: PresentedReport) -> SpreadsheetWorkbook {
        // Each unit's result by its position in `indicator.results`: a national model has
        // 100,000+ results, and copying each (arrays inside) into a dictionary cost more than the sheet.
        var results: [String: [String: Int]] = [:]
        for indicator in model.indicators {
            var byUnit: [String: Int] = [:]
            byUnit.reserveCapacity(indicator.results.count)
            for (i, result) in indicator.results.enumerated() where byUnit[result.unitCode] == nil { byUnit[result.unitCode] = i }
            results[indicator.id] = byUnit
        }
        var names: [String: String] = [:]
        for unit in model.units { names[unit.code] = UnicodeText.nfc(unit.name) }
        let percent = SpreadsheetNumberFormat(code: WorkbookWords.percentFormat(model.metadata.display))
        return SpreadsheetWorkbook(sheets: levels(model).map { level, units in
            let indicators = model.indicators.filter { indicator in
                units.contains { results[indicator.id]?[$0.code] != nil }
            }
            return sheet(level: level, units: units, indicators: indicators, results: results, names: names,
                         percent: percent, report: report)
        })
    }

    /// The workbook's bytes.
    public static func bytes(model: ReportModel, report: PresentedReport) throws -> [UInt8] {
        try workbook(model: model, report: report).archiveBytes()
    }

    static let headerFill = "FFD9E1F2"
    /// Rows above the table: the ND30 block (3), a blank, heading, subtitle, note, a blank.
    static let tableTop = 9

    static func sheet(level: UnitLevel, units: [ReportUnit], indicators: [IndicatorReport],
                      results: [String: [String: Int]], names: [String: String],
                      percent: SpreadsheetNumberFormat, report: PresentedReport) -> SpreadsheetSheet {
        let unitColumns = WorkbookWords.unitColumns.count
        let perIndicator = WorkbookWords.indicatorColumns.count
        let width = unitColumns + perIndicator * indicators.count
        let last = width - 1
        var rows: [[SpreadsheetCell?]] = []
        func row(_ cells: [Int: SpreadsheetCell]) -> [SpreadsheetCell?] {
            (0..<width).map { cells[$0] }
        }
        // The ND30 block: agency on the left (columns A-B), the national title on the right.
        let right = min(unitColumns, last)
        let header = report.header
        rows.append(row([0: .text(header.parentAgency).styled(alignment: .center),
                         right: .text(header.nationalTitle, bold: true).styled(alignment: .center)]))
        rows.append(row([0: .text(header.agency, bold: true).styled(alignment: .center),
                         right: .text(header.motto, bold: true).styled(alignment: .center)]))
        rows.append(row([0: .text(header.number).styled(alignment: .center),
                         right: .text(header.placeDate).styled(alignment: .center)]))
        rows.append(row([:]))
        rows.append(row([0: .text(WorkbookWords.heading, bold: true).styled(alignment: .center)]))
        rows.append(row([0: .text(WorkbookWords.subtitle(report.title, level), bold: true).styled(alignment: .center)]))
        rows.append(row([0: .text(report.roundingNote).styled(wrapped: true, alignment: .center)]))
        rows.append(row([:]))

        // The table's two header rows.
        // A cell of a merged header is written empty but styled, so the border runs all round.
        func title(_ text: String) -> SpreadsheetCell {
            let cell = text.isEmpty ? SpreadsheetCell.number(.nan) : SpreadsheetCell.text(UnicodeText.nfc(text), bold: true)
            return cell.styled(fill: headerFill, bordered: true, wrapped: true, alignment: .center)
        }
        var top: [Int: SpreadsheetCell] = [:], bottom: [Int: SpreadsheetCell] = [:]
        for (c, text) in WorkbookWords.unitColumns.enumerated() {
            top[c] = title(text)
            bottom[c] = title("")
        }
        for (i, indicator) in indicators.enumerated() {
            let first = unitColumns + i * perIndicator
            for (j, text) in WorkbookWords.indicatorColumns.enumerated() {
                top[first + j] = title(j == 0 ? indicator.name : "")
                bottom[first + j] = title(text)
            }
        }
        rows.append(row(top))
        rows.append(row(bottom))

        // One row per unit.
        let count = SpreadsheetNumberFormat(code: WorkbookWords.countFormat)
        func number(_ value: Double?, _ format: SpreadsheetNumberFormat) -> SpreadsheetCell {
            // No value: an empty cell in the grid (a NaN is written without <v>), never a 0 or "".
            SpreadsheetCell.number(value ?? .nan, format: format).styled(bordered: true)
        }
        for unit in units {
            // The row as an array straight away (a national sheet has 10,000 rows of 73 cells).
            var cells = [SpreadsheetCell?](repeating: nil, count: width)
            cells[0] = SpreadsheetCell.text(unit.code).styled(bordered: true)
            cells[1] = SpreadsheetCell.text(names[unit.code] ?? UnicodeText.nfc(unit.name)).styled(bordered: true)
            cells[2] = (unit.parentCode.flatMap { names[$0] }.map { SpreadsheetCell.text($0) } ?? .number(.nan)).styled(bordered: true)
            for (i, indicator) in indicators.enumerated() {
                let first = unitColumns + i * perIndicator
                let r = results[indicator.id]?[unit.code].map { indicator.results[$0] }
                cells[first] = number(r?.numerator.map(Double.init), count)
                cells[first + 1] = number(r?.denominator.map(Double.init), count)
                cells[first + 2] = number(r?.rate?.doubleValue, percent)
                cells[first + 3] = number(r?.target?.doubleValue, percent)
                let met = r?.met.map { SpreadsheetCell.text(WorkbookWords.met($0)) } ?? .number(.nan)
                cells[first + 4] = met.styled(bordered: true, alignment: .center)
            }
            rows.append(cells)
        }

        var sheet = SpreadsheetSheet(name: WorkbookWords.sheetName(level), rows: rows,
                                     columnWidths: [10, 30, 24] + Array(repeating: [10, 10, 10, 10, 11], count: indicators.count).flatMap { $0 })
        let headerRows = (tableTop)...(tableTop + 1)
        sheet.frozenRows = tableTop + 1
        sheet.frozenColumns = 2
        sheet.printSetup = SpreadsheetPrintSetup(landscape: true, repeatedRows: headerRows)
        sheet.rowHeights = [tableTop: 48, tableTop - 2: 30]
        let leftEnd = max(0, right - 1)
        var merges = [0, 1, 2].flatMap { r -> [String] in
            var m: [String] = []
            if leftEnd > 0 { m.append(SpreadsheetSheet.area(rows: r + 1...r + 1, columns: 0...leftEnd)) }
            if last > right { m.append(SpreadsheetSheet.area(rows: r + 1...r + 1, columns: right...last)) }
            return m
        }
        if last > 0 {
            for r in (tableTop - 4)...(tableTop - 2) { merges.append(SpreadsheetSheet.area(rows: r...r, columns: 0...last)) }
        }
        for c in 0..<unitColumns { merges.append(SpreadsheetSheet.area(rows: headerRows, columns: c...c)) }
        for i in indicators.indices {
            let first = unitColumns + i * perIndicator
            merges.append(SpreadsheetSheet.area(rows: tableTop...tableTop, columns: first...first + perIndicator - 1))
        }
        sheet.merges = merges
        if !indicators.isEmpty, !units.isEmpty {
            let dataRows = (tableTop + 2)...(tableTop + 1 + units.count)
            let metColumns = indicators.indices.map { SpreadsheetSheet.area(rows: dataRows, columns: (unitColumns + $0 * perIndicator + 4)...(unitColumns + $0 * perIndicator + 4)) }
            let range = metColumns.joined(separator: " ")
            sheet.conditionalFormats = [
                SpreadsheetConditionalFormat(range: range, equals: WorkbookWords.met(true), highlight: .good),
                SpreadsheetConditionalFormat(range: range, equals: WorkbookWords.met(false), highlight: .bad),
            ]
        }
        return sheet
    }
}
