import Config
import Core
import Foundation
import Model
import OfficeXML
import Presentation
import Units

/// The blank workbook a sending unit fills in (`xhht form`): the form of pipeline.yml laid out
/// the way the reader reads best, the unit's rows already written, every input cell checked
/// as it is typed.
///
///     Hướng dẫn | Cấp xã | Cấp huyện
///
///     Cấp xã (a district's form, before 1 July 2025):
///     BIỂU MẪU BÁO CÁO KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM 2024
///     Biểu 1: Cấp xã
///     Đơn vị: Quận Ô Môn
///     STT | Mã đơn vị | Tên đơn vị | Cộng đồng học tập cấp xã | Gia đình học tập          | ...
///         |           |            | Mức độ công nhận         | Tổng số hộ | Số hộ đạt    | ...
///     1   | 31153     | Phường Châu Văn Liêm | [0,1,2]        | [số >= 0]  | [số >= 0]    | ...
///
/// - Sheets, in pipeline.yml's order, are the ones the configuration (already `fitted` to the
///   registry) keeps; each holds the sender's units at the sheet's level: a district's
///   communes on "Cấp xã" and the district itself on "Cấp huyện"; a commune (after the reform)
///   itself on "Cấp xã".
/// - Headers are each column's first alias, the text the reader matches first: "A > B" is a
///   parent "A" over "B" (a run of fields with the same parent under one merged cell), a
///   plain alias fills both header rows. The code, name and ordinal columns take their
///   sheet's first alias.
/// - Input cells are unlocked, with a validation for the field's type (count: whole number
///   >= 0; level: 0...maxLevel; yes-no: Có/Không; text: at most 255 characters); headers,
///   codes and names are locked by sheet protection without a password.
/// - Frozen header rows and unit columns; A4 landscape with the header rows repeated.
/// - Deterministic: the same configuration, registry, unit and year give the same bytes.
public enum SubmissionForm {
    /// Rows above the table: title, sheet, unit.
    static let tableTop = 4
    static let headerFill = "FFD9E1F2"
    static let inputFill = "FFFFF2CC"

    /// `bieu-mau-2024-917-quan-o-mon.xlsx`.
    public static func fileName(year: Int, unit: AdministrativeUnit) -> String {
        "bieu-mau-\(year)-\(unit.code)-\(Folding.slug(unit.name)).xlsx"
    }

    /// The form of `unit` for `config` (fitted to `registry`).
    public static func workbook(config: PipelineConfig, registry: UnitRegistry, unit: AdministrativeUnit) -> SpreadsheetWorkbook {
        let family = [unit] + registry.descendants(of: unit.code)
        var sheets = [instructions(config: config, unit: unit)]
        for (i, definition) in config.sheets.enumerated() {
            let rows = family.filter { $0.level == definition.level }
            guard !rows.isEmpty else { continue }
            sheets.append(sheet(definition, number: i + 1, units: rows, sender: unit, year: config.year))
        }
        return SpreadsheetWorkbook(sheets: sheets)
    }

    /// A field's two header texts: parent and child of "A > B", or the alias alone.
    static func header(_ field: FieldDefinition) -> (parent: String?, child: String) {
        let alias = UnicodeText.nfc(field.aliases.first ?? field.id)
        let parts = alias.components(separatedBy: ">").map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count >= 2 ? (parts.dropLast().joined(separator: " > "), parts.last!) : (nil, alias)
    }

    /// The validation of an input column, with its prompt and error in Vietnamese.
    static func rule(for field: FieldDefinition) -> (SpreadsheetDataValidation.Rule, prompt: String, error: String) {
        switch field.type {
        case .count:
            return (.wholeNumber(minimum: 0), "Nhập số nguyên từ 0 trở lên, không có dấu chấm hay dấu phẩy ngăn cách. Để trống nếu chưa có số liệu.",
                    "Chỉ nhập số nguyên từ 0 trở lên (ví dụ 1250), không nhập chữ, số âm hay số lẻ.")
        case .level:
            let top = field.maxLevel ?? 3
            let levels = (0...top).map(String.init)
            return (.list(levels), "Chọn mức \(levels.joined(separator: ", ")) (0 = chưa được công nhận).",
                    "Chỉ chọn một trong các mức \(levels.joined(separator: ", ")).")
        case .yesNo:
            return (.list(["Có", "Không"]), "Chọn Có hoặc Không.", "Chỉ chọn Có hoặc Không.")
        case .text:
            return (.textLength(maximum: 255), "Nhập chữ, tối đa 255 ký tự.", "Nội dung dài quá 255 ký tự; hãy rút gọn.")
        }
    }

    static func sheet(_ definition: SheetDefinition, number: Int, units: [AdministrativeUnit], sender: AdministrativeUnit,
                      year: Int) -> SpreadsheetSheet {
        let fields = definition.fields
        let lead = 3
        let width = lead + fields.count
        let headerTop = tableTop, headerBottom = tableTop + 1, firstData = tableTop + 2
        func blankRow() -> [SpreadsheetCell?] { Array(repeating: nil, count: width) }
        func head(_ text: String) -> SpreadsheetCell {
            SpreadsheetCell.text(text, bold: true).styled(fill: headerFill, bordered: true, wrapped: true, alignment: .center)
        }
        var rows: [[SpreadsheetCell?]] = []
        var title = blankRow()
        title[0] = SpreadsheetCell.text("BIỂU MẪU BÁO CÁO KẾT QUẢ XÂY DỰNG XÃ HỘI HỌC TẬP NĂM \(year)", bold: true).styled(alignment: .center)
        rows.append(title)
        var name = blankRow()
        name[0] = SpreadsheetCell.text("Biểu \(number): \(UnicodeText.nfc(definition.name))", bold: true).styled(alignment: .center)
        rows.append(name)
        var from = blankRow()
        from[0] = SpreadsheetCell.text("Đơn vị: \(UnicodeText.nfc(sender.name))").styled(alignment: .center)
        rows.append(from)

        var top = blankRow(), bottom = blankRow()
        var merges = (0..<3).map { SpreadsheetSheet.area(rows: $0 + 1...$0 + 1, columns: 0...width - 1) }
        let leads = [definition.ordinalAliases.first ?? "STT", definition.codeAliases.first ?? "Mã đơn vị",
                     definition.nameAliases.first ?? "Tên đơn vị"]
        for (c, text) in leads.enumerated() {
            top[c] = head(UnicodeText.nfc(text))
            bottom[c] = head("")
            merges.append(SpreadsheetSheet.area(rows: headerTop...headerBottom, columns: c...c))
        }
        var c = lead
        while c < width {
            let (parent, child) = header(fields[c - lead])
            guard let parent else {
                top[c] = head(child)
                bottom[c] = head("")
                merges.append(SpreadsheetSheet.area(rows: headerTop...headerBottom, columns: c...c))
                c += 1
                continue
            }
            var end = c
            while end + 1 < width, header(fields[end + 1 - lead]).parent == parent { end += 1 }
            for k in c...end {
                top[k] = head(k == c ? parent : "")
                bottom[k] = head(header(fields[k - lead]).child)
            }
            if end > c { merges.append(SpreadsheetSheet.area(rows: headerTop...headerTop, columns: c...end)) }
            c = end + 1
        }
        rows += [top, bottom]

        for (i, unit) in units.enumerated() {
            var row: [SpreadsheetCell?] = [
                SpreadsheetCell.number(Double(i + 1)).styled(bordered: true, alignment: .center),
                SpreadsheetCell.text(unit.code).styled(bordered: true, alignment: .center),
                SpreadsheetCell.text(UnicodeText.nfc(unit.name)).styled(bordered: true),
            ]
            for _ in fields {
                var cell = SpreadsheetCell.input.styled(fill: inputFill, bordered: true, alignment: .center)
                cell.unlocked = true
                row.append(cell)
            }
            rows.append(row)
        }

        var sheet = SpreadsheetSheet(name: definition.name, rows: rows,
                                     columnWidths: [6, 11, 30] + fields.map { _ in 14 })
        sheet.merges = merges
        sheet.rowHeights = [headerTop: 32, headerBottom: 48]
        sheet.frozenRows = headerBottom
        sheet.frozenColumns = lead
        sheet.protected = true
        let dataRows = firstData...(firstData + units.count - 1)
        sheet.dataValidations = fields.enumerated().map { k, field in
            let (rule, prompt, error) = rule(for: field)
            let title = header(field).child
            return SpreadsheetDataValidation(range: SpreadsheetSheet.area(rows: dataRows, columns: lead + k...lead + k), rule: rule,
                                             prompt: .init(title: title, text: prompt),
                                             error: .init(title: "Giá trị không hợp lệ", text: error))
        }
        sheet.printSetup = SpreadsheetPrintSetup(landscape: true, repeatedRows: headerTop...headerBottom)
        return sheet
    }

    /// The first sheet: what to fill in, by when, whom to call, and what each column means.
    static func instructions(config: PipelineConfig, unit: AdministrativeUnit) -> SpreadsheetSheet {
        let agency = config.agency
        let deadline = config.deadline.flatMap(Self.vietnameseDate)
            .map { "Hạn gửi: ngày \($0)." } ?? "Hạn gửi: theo văn bản hướng dẫn của \(agency.name)."
        var lines: [[SpreadsheetCell?]] = [
            [.text("HƯỚNG DẪN ĐIỀN BIỂU MẪU NĂM \(config.year)", bold: true), nil],
            [.text("Đơn vị gửi: \(UnicodeText.nfc(unit.name)) (mã \(unit.code))"), nil],
            [.text("Cơ quan nhận: \(agency.name), \(agency.parent)"), nil],
            [.text(deadline), nil],
            [.text("Cần hỏi thêm: liên hệ \(agency.name) (bộ phận giáo dục thường xuyên, xây dựng xã hội học tập)."), nil],
            [nil, nil],
            [.text("Cách điền", bold: true), nil],
            [.text("1. Chỉ điền vào các ô màu vàng; mã, tên đơn vị và tiêu đề cột đã khóa, không sửa, không thêm hay xóa dòng, cột."), nil],
            [.text("2. Số đếm: số nguyên từ 0 trở lên, không có dấu chấm hay dấu phẩy ngăn cách. Chưa có số liệu thì để trống (không ghi 0)."), nil],
            [.text("3. Mức độ: chọn trong danh sách; Có/Không: chọn Có hoặc Không."), nil],
            [.text("4. Lưu tệp dạng .xlsx, giữ nguyên tên trang tính, rồi gửi lại cho cơ quan nhận."), nil],
            [nil, nil],
            [.text("Ý nghĩa các cột", bold: true), .text("Cách ghi", bold: true)],
        ]
        for definition in config.sheets {
            lines.append([.text("Trang \"\(UnicodeText.nfc(definition.name))\"", bold: true), nil])
            for field in definition.fields {
                let (parent, child) = header(field)
                let what = parent.map { "\($0) > \(child)" } ?? child
                lines.append([.text(what), .text(rule(for: field).prompt)])
            }
        }
        var sheet = SpreadsheetSheet(name: "Hướng dẫn", rows: lines, columnWidths: [70, 70])
        sheet.protected = true
        return sheet
    }

    /// "2024-11-30" -> "30/11/2024"; nil for anything else.
    static func vietnameseDate(_ iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
