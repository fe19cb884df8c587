import Core

/// What a unit should do about a finding, by its rule: the "Cách sửa" column of a letter back
/// to the unit. The finding's own message says what is wrong in that cell; this says, in one
/// short Vietnamese sentence, what to change before sending the workbook again.
///
///     FixWords.fix(rule: "negative-count")   // "Nhập số không âm (0 trở lên)."
///     FixWords.fix(rule: "duplicate-unit")   // "Xóa dòng trùng: mỗi đơn vị chỉ ghi một dòng."
///
/// Every `RuleID` has its sentence (a test holds it); a rule this version does not know (a
/// store written by a later one) gets the general advice.
public enum FixWords {
    public static func fix(rule: String) -> String {
        guard let id = RuleID(rawValue: rule) else { return general }
        return fix(id)
    }

    /// "Xem nội dung và sửa theo hướng dẫn trong đó."
    public static let general = "Xem nội dung và sửa theo hướng dẫn trong đó."

    static func fix(_ rule: RuleID) -> String {
        switch rule {
        case .inputLinkBroken: "Gửi lại tệp số liệu thật (không gửi lối tắt)."
        case .inputNotAFile: "Gửi số liệu trong một tệp Excel (.xlsx)."
        case .inputSubfolder: "Gửi từng tệp .xlsx riêng, không gửi cả thư mục."
        case .submissionWithdrawn: "Nếu tệp bị bỏ ra do nhầm, gửi lại tệp đó."
        case .workbookUnreadable: "Mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng Excel Workbook (.xlsx) rồi gửi lại."
        case .workbookRepaired: "Mở tệp bằng Excel hoặc LibreOffice, kiểm tra ô được nêu, lưu lại rồi gửi lại."
        case .sheetNotFound: "Dùng đúng biểu mẫu: thêm trang tính còn thiếu hoặc đặt lại đúng tên trang tính."
        case .headerNotFound: "Giữ nguyên dòng tiêu đề của biểu mẫu (không xóa, không đổi tên các cột)."
        case .sheetTooManyRows: "Xóa các dòng thừa, chỉ giữ các dòng của đơn vị."
        case .columnMissing: "Thêm lại cột còn thiếu theo biểu mẫu và nhập số liệu."
        case .columnDuplicate: "Xóa cột trùng tiêu đề, chỉ giữ một cột."
        case .formulaWithoutValue: "Mở tệp bằng Excel hoặc LibreOffice cho công thức được tính, lưu lại rồi gửi lại."
        case .cellError: "Sửa công thức báo lỗi (#DIV/0!, #REF!...) hoặc nhập số trực tiếp."
        case .notANumber: "Nhập một số, chỉ gồm chữ số."
        case .fractionalCount: "Nhập số nguyên: số đếm không có phần thập phân."
        case .percentInCount: "Nhập số lượng, không nhập tỷ lệ phần trăm."
        case .levelNotRecognised: "Ghi mức độ bằng một số (0 nếu chưa được công nhận)."
        case .yesNoNotRecognised: "Ghi \"Có\" hoặc \"Không\"."
        case .unitUnknown: "Ghi đúng tên đơn vị theo danh mục đơn vị hành chính, hoặc ghi mã đơn vị."
        case .unitAmbiguous: "Ghi mã đơn vị để phân biệt các đơn vị cùng tên."
        case .unitCodeUnknown: "Sửa mã đơn vị theo danh mục đơn vị hành chính."
        case .codeNameMismatch: "Sửa mã hoặc tên đơn vị cho khớp với danh mục."
        case .subtotalMismatch: "Sửa dòng tổng cho bằng tổng các dòng đơn vị, hoặc sửa dòng chi tiết bị sai."
        case .groupRowUnknown: "Kiểm tra dòng nhóm; nếu là dòng thừa thì xóa."
        case .reportingUnitUnknown: "Ghi rõ tên đơn vị gửi biểu ở đầu biểu mẫu."
        case .numeratorAboveDenominator: "Sửa để số đạt không lớn hơn tổng số."
        case .negativeCount: "Nhập số không âm (0 trở lên)."
        case .levelOutOfRange: "Ghi mức độ trong khoảng cho phép."
        case .requiredMissing: "Nhập số liệu vào ô (ghi 0 nếu thật sự bằng 0)."
        case .valueMissing: "Nhập số liệu nếu có (ghi 0 nếu thật sự bằng 0)."
        case .duplicateUnit: "Xóa dòng trùng: mỗi đơn vị chỉ ghi một dòng."
        case .wrongDistrict: "Xóa dòng của đơn vị không thuộc đơn vị mình, hoặc sửa lại tên, mã cho đúng."
        case .districtNotReceived: "Gửi biểu số liệu của đơn vị."
        case .unitMissing: "Bổ sung dòng của đơn vị còn thiếu."
        case .lateSubmission: "Gửi số liệu đúng hạn ở các kỳ báo cáo sau."
        }
    }
}
