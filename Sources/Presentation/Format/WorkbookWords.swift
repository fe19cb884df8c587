import Core
import Model
import OfficeXML

/// The words and number formats of the summary workbook (`bieu-tong-hop.xlsx`), so that its
/// sheets say what the report says: the renderer places them, it writes none of its own.
///
///     WorkbookWords.sheetName(.commune)                // "Cấp xã"
///     WorkbookWords.subtitle("Kết quả xây dựng xã hội học tập năm 2024", .district)
///     // "Kết quả xây dựng xã hội học tập năm 2024 - cấp huyện (quận, huyện)"
///     WorkbookWords.percentFormat(Display(percentDecimals: 2))   // "0.00%": 55,56% in a vi-VN Excel
///     WorkbookWords.met(false)                          // "Chưa đạt"
public enum WorkbookWords {
    /// The file's name in `Output/<year>/`.
    public static let fileName = "bieu-tong-hop.xlsx"
    /// The heading above each sheet's table.
    public static let heading = "BIỂU TỔNG HỢP"
    /// The unit columns, left of the indicators: code, name, the unit it belongs to.
    public static let unitColumns = ["Mã", "Tên đơn vị", "Thuộc"]
    /// The five columns under each indicator's name.
    public static let indicatorColumns = ["Số đạt", "Tổng số", "Tỷ lệ", "Chỉ tiêu", "Đánh giá"]
    /// Counts: "1.998" in a vi-VN Excel (the file's code is invariant, the reader's locale shows it).
    public static let countFormat = "#,##0"

    /// "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Toàn quốc": a sheet's tab.
    public static func sheetName(_ level: UnitLevel) -> String {
        let tier = LevelWords.tier(level)
        return tier.prefix(1).uppercased() + tier.dropFirst()
    }

    /// The report's subject and the level the sheet lists.
    public static func subtitle(_ title: String, _ level: UnitLevel) -> String {
        UnicodeText.nfc("\(title) - \(LevelWords.tier(level)) (\(LevelWords.plural(level)))")
    }

    /// A rate or a target: a real percentage shown with the report's decimals ("0.00%").
    /// Excel rounds the display half away from zero whatever `display.rounding` says; the
    /// cell holds the exact value either way.
    public static func percentFormat(_ display: Display) -> String {
        let decimals = max(0, min(display.percentDecimals, 6))
        return decimals == 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%"
    }

    /// "Đạt" when the exact rate reaches the exact target, else "Chưa đạt" (the report's words;
    /// a rate above the target is "Đạt" here, one word a column for the conditional format).
    public static func met(_ met: Bool) -> String {
        StatusWords.text(met ? .met : .missed)
    }
}
