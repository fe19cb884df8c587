import Core
import Units

/// Reads one cell as a value of a field's type (pure: a cell in, a `ParsedValue` out).
///
/// What counts as what, by type:
///
/// - every type: an error cell ("#DIV/0!") and a formula with no cached value are rejected,
///   never read as zero; a blank cell, "-", "–", "—" are missing;
/// - count: integral numbers; text numbers as `NumberText` reads them ("1.234", "1 234");
///   "x"/"X" is missing; a fraction ("1,5") and a percentage ("55,55%") are rejected;
/// - level: 0, 1, 2, 3 as numbers or text, "Mức độ 2", "Mức 2", "MĐ2", roman "II",
///   "Tốt" = 2, "Khá" = 1, "Chưa đạt" / "Chưa" / "Không đạt" = 0; "x" is missing; "Đạt" alone is
///   rejected (which level?);
/// - yes-no: "Có", "Đạt", "x", 1, TRUE are yes; "Không", "Chưa đạt", "Chưa", 0, FALSE are no;
/// - text: the text as written, trimmed (numbers as shown).
///
///     ValueParser.parse("1.234", as: .count)        // .value(.count(1234))
///     ValueParser.parse("Mức độ 2", as: .level)     // .value(.level(2))
///     ValueParser.parse("x", as: .yesNo)            // .value(.yesNo(true))
///     ValueParser.parse("x", as: .count)            // .missing
public enum ValueParser {
    public static func parse(_ cell: RawCell, as type: FieldType) -> ParsedValue {
        switch cell.value {
        case .error(let e):
            return .rejected(.cellError, reason: "ô báo lỗi \(e) của công thức; cần một giá trị. Hãy sửa công thức hoặc nhập số liệu.")
        case .empty:
            if cell.hasFormula {
                return .rejected(.formulaWithoutValue, reason: "ô có công thức nhưng tệp không lưu kết quả đã tính (tệp được tạo bởi chương trình không tính công thức); không thể coi là 0. Hãy mở tệp bằng Excel hoặc LibreOffice, tính lại và lưu, rồi gửi lại.")
            }
            return .missing
        case .date(let d):
            if type == .text { return .value(.text(d)) }
            return .rejected(.notANumber, reason: "ô chứa ngày tháng (\(d)); cần \(expected(type)). Hãy nhập lại giá trị.")
        case .bool(let b):
            switch type {
            case .yesNo: return .value(.yesNo(b))
            case .text: return .value(.text(b ? "TRUE" : "FALSE"))
            case .count: return .rejected(.notANumber, reason: "ô chứa giá trị đúng/sai (\(b ? "TRUE" : "FALSE")); cần \(expected(type)).")
            case .level: return .rejected(.levelNotRecognised, reason: "ô chứa giá trị đúng/sai (\(b ? "TRUE" : "FALSE")); cần \(expected(type)).")
            }
        case .number(let d):
            return number(d, as: type)
        case .text(let raw):
            return text(raw, as: type)
        }
    }

    /// "the expected kind of value", in Vietnamese, for messages.
    public static func expected(_ type: FieldType) -> String {
        switch type {
        case .count: "một số nguyên không âm (số đếm), ví dụ 1234 hoặc 1.234"
        case .level: "một mức độ: số 0, 1, 2, 3, hoặc \"Mức độ 2\", \"II\", \"Tốt\", \"Khá\", \"Chưa đạt\""
        case .yesNo: "\"Có\" hoặc \"Không\" (hoặc \"Đạt\"/\"Chưa đạt\", x, 1/0)"
        case .text: "một đoạn chữ"
        }
    }

    /// The count a number cell holds, when it is one: finite, whole, below 9e15 in size. The
    /// usual cell of a count column, so normalize asks this first, before the general parse.
    @inline(__always) static func plainCount(_ d: Double) -> Int64? {
        guard d.isFinite, abs(d) < 9e15, d == d.rounded(.towardZero) else { return nil }
        return Int64(d)
    }

    private static func number(_ d: Double, as type: FieldType) -> ParsedValue {
        if type == .count, let n = plainCount(d) { return .value(.count(n)) }
        // Formatted only for a message or a text field: most numbers are accepted as they are.
        var shown: String { RawCell.format(d) }
        guard d.isFinite, abs(d) < 9e15 else {
            return .rejected(.notANumber, reason: "giá trị \(shown) không dùng được; cần \(expected(type)).")
        }
        let integral = d == d.rounded(.towardZero)
        switch type {
        case .count:
            // Not a plain count, so not whole: finite and in range were checked above.
            return .rejected(.fractionalCount, reason: "tìm thấy số lẻ \(shown); cần \(expected(type)). Nếu đây là tỷ lệ %, hãy nhập số đếm thay cho tỷ lệ.")
        case .level:
            guard integral, abs(d) < 1000 else {
                return .rejected(.levelNotRecognised, reason: "tìm thấy \(shown); cần \(expected(type)).")
            }
            return .value(.level(Int(d)))
        case .yesNo:
            if d == 1 { return .value(.yesNo(true)) }
            if d == 0 { return .value(.yesNo(false)) }
            return .rejected(.yesNoNotRecognised, reason: "tìm thấy \(shown); cần \(expected(type)).")
        case .text:
            return .value(.text(shown))
        }
    }

    private static let dashes: Set<String> = ["-", "–", "—", "--", "---"]

    private static func text(_ raw: String, as type: FieldType) -> ParsedValue {
        // Counts typed as text are mostly plain digits in groups ("3.003"): read them byte by byte.
        if type == .count, let n = NumberText.plainInteger(raw) { return .value(.count(n)) }
        let t = raw.trimmingCharactersInSetWhitespace()
        if t.isEmpty || dashes.contains(t) { return .missing }
        switch type {
        case .text:
            return .value(.text(t))
        case .count:
            if t == "x" || t == "X" { return .missing }
            if t.hasSuffix("%") {
                return .rejected(.percentInCount, reason: "tìm thấy tỷ lệ \"\(t)\"; cột này cần số đếm, không phải tỷ lệ. Hãy nhập số lượng (ví dụ số hộ đạt), chương trình sẽ tự tính tỷ lệ.")
            }
            switch NumberText.parse(t) {
            case .integer(let n): return .value(.count(n))
            case .decimal(let s):
                return .rejected(.fractionalCount, reason: "tìm thấy số lẻ \"\(s)\"; cần \(expected(type)).")
            case .invalid:
                return .rejected(.notANumber, reason: "tìm thấy \"\(t)\", không đọc được thành số; cần \(expected(type)). Hãy chỉ ghi con số, không kèm chữ.")
            }
        case .level:
            if t == "x" || t == "X" { return .missing }
            if let n = level(Folding.fold(t)) { return .value(.level(n)) }
            return .rejected(.levelNotRecognised, reason: "tìm thấy \"\(t)\"; cần \(expected(type)).")
        case .yesNo:
            if let b = yesNo(Folding.fold(t)) { return .value(.yesNo(b)) }
            return .rejected(.yesNoNotRecognised, reason: "tìm thấy \"\(t)\"; cần \(expected(type)).")
        }
    }

    private static let levelWords: [String: Int] = [
        "tot": 2, "kha": 1,
        "chua": 0, "chua dat": 0, "khong": 0, "khong dat": 0, "chua cong nhan": 0, "khong cong nhan": 0,
    ]
    /// Words that only announce the level ("Mức độ", "MĐ", "Đạt chuẩn mức").
    private static let levelFillers: Set<String> = ["muc", "do", "md", "dat", "chuan", "cap"]
    private static let romans: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5]

    /// A folded level text -> the level, or nil.
    static func level(_ folded: String) -> Int? {
        let tokens = levelTokens(folded)
        if let n = levelWords[tokens.joined(separator: " ")] { return n }
        let rest = tokens.filter { !levelFillers.contains($0) }
        guard rest.count == 1, let token = rest.first else { return nil }
        if token.allSatisfy(\.isASCIIDigit) { return token.count <= 3 ? Int(token) : nil }
        return romans[token]
    }

    /// Splits at every non-alphanumeric character and between letters and digits ("md2" -> md, 2).
    private static func levelTokens(_ folded: String) -> [String] {
        var out: [String] = []
        var current = ""
        var currentIsDigit = false
        for ch in folded {
            guard ch.isLetter || ch.isNumber else {
                if !current.isEmpty { out.append(current); current = "" }
                continue
            }
            let digit = ch.isASCIIDigit
            if !current.isEmpty && digit != currentIsDigit { out.append(current); current = "" }
            current.append(ch)
            currentIsDigit = digit
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    private static let yes: Set<String> = ["co", "dat", "x", "yes", "y", "true", "1", "v", "✓", "✔", "co trung tam", "co ung dung"]
    private static let no: Set<String> = ["khong", "chua dat", "khong dat", "chua", "chua co", "no", "n", "false", "0"]

    static func yesNo(_ folded: String) -> Bool? {
        if yes.contains(folded) { return true }
        if no.contains(folded) { return false }
        return nil
    }
}
