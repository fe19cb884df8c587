/// Dates as Vietnamese administrative documents write them.
///
///     VietnameseDate.long(CalendarDate(iso: "2026-11-22")!)          // "ngày 22 tháng 11 năm 2026"
///     VietnameseDate.placeAndDate("Cần Thơ", CalendarDate(iso: "2025-01-05")!)
///                                                                     // "Cần Thơ, ngày 05 tháng 01 năm 2025"
///
/// Nghị định 30/2020/NĐ-CP (Phụ lục I) asks, in the place and date line only, for a leading
/// zero on days below 10 and on months 1 and 2 (so "tháng 01", "tháng 02" but "tháng 3"):
/// it keeps anyone from adding a digit after signing. Running text uses plain numbers.
public enum VietnameseDate {
    /// "ngày 5 tháng 1 năm 2025": running text, no padding.
    public static func long(_ date: CalendarDate) -> String {
        "ngày \(date.day) tháng \(date.month) năm \(date.year)"
    }

    /// "ngày 05 tháng 01 năm 2025": the ND30 form with the leading zeros.
    public static func official(_ date: CalendarDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month <= 2 ? "0\(date.month)" : "\(date.month)"
        return "ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// "Cần Thơ, ngày 05 tháng 01 năm 2025"; with no date the day and month are left blank to
    /// be written by hand ("Cần Thơ, ngày      tháng      năm 2025"), as unsigned drafts do.
    public static func placeAndDate(_ place: String, _ date: CalendarDate?, year: Int? = nil) -> String {
        if let date { return "\(place), \(official(date))" }
        let blank = "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
        return "\(place), ngày \(blank) tháng \(blank) năm \(year.map(String.init) ?? blank)"
    }

    /// "Số: 05/BC-SGDĐT" (numbers below 10 get a leading zero), or "Số:      /BC-SGDĐT" when
    /// the number is given by the records office at signing. `kind` nil numbers a letter
    /// (công văn), which ND30 writes without a kind: "Số:      /SGDĐT".
    public static func documentNumber(_ number: Int?, abbreviation: String, kind: String? = "BC") -> String {
        let suffix = kind.map { "\($0)-\(abbreviation)" } ?? abbreviation
        guard let number else { return "Số: \u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/\(suffix)" }
        let n = (0..<10).contains(number) ? "0\(number)" : "\(number)"
        return "Số: \(n)/\(suffix)"
    }
}
