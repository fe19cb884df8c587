/// Everything the HTML templates see: the report model turned into ready-to-print Vietnamese
/// text (numbers formatted vi-VN, statuses in words, sources spelled out), so that a template
/// only places values and never computes. Templates/README.md lists every key with an example.
///
/// This is a view model kept apart from the report model on purpose: the report model is the
/// exact, shared truth (fractions, codes), this is one way of showing it, and a person editing
/// `Templates/html/*.mustache` works with these keys only.
///
///     {{documentTitle}}            "Báo cáo kết quả xây dựng xã hội học tập năm 2024"
///     {{#indicators}}{{name}}: {{resultText}}{{/indicators}}
public struct PageView: Sendable {
    /// "vi"
    public var lang: String = "vi"
    /// The browser tab's title: "Báo cáo kết quả xây dựng xã hội học tập năm 2024 - Sở Giáo dục và Đào tạo".
    public var documentTitle: String
    /// "2024"
    public var year: String
    /// "năm 2024" or "giai đoạn 2023-2025".
    public var periodText: String
    /// The report's own unit: "thành phố Cần Thơ".
    public var rootName: String
    public var header: HeaderView
    /// "BÁO CÁO"
    public var documentKind: String
    /// "Kết quả xây dựng xã hội học tập năm 2024" / "Sơ kết giai đoạn 2023-2025 ...".
    public var title: String
    public var isReview: Bool
    public var summary: SummaryView
    public var indicators: [IndicatorView]
    /// The appendix table of the units two levels below (communes of the districts), or nil.
    public var unitTable: UnitTableView?
    public var trends: [TrendView]
    public var hasTrends: Bool
    /// Review years with pipeline.yml's `commendation`: section IV; nil otherwise.
    public var commendation: CommendationView?
    /// True when some trend value was re-expressed in the report year's units.
    public var hasReexpressed: Bool
    public var quality: QualityView
    public var closing: ClosingView
    /// "Tỷ lệ được làm tròn đến 2 chữ số thập phân (làm tròn nửa lên) ..."
    public var roundingNote: String
    /// "Trang này được tạo bởi xhht từ 9 tệp số liệu ..."
    public var generatedNote: String
}

/// The two-column header of Nghị định 30/2020/NĐ-CP.
public struct HeaderView: Sendable {
    /// "UBND THÀNH PHỐ CẦN THƠ"
    public var parentAgency: String
    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    public var agency: String
    /// "Số: 05/BC-SGDĐT", or "Số:       /BC-SGDĐT" before numbering.
    public var number: String
    /// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public var nationalTitle: String = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// "Độc lập - Tự do - Hạnh phúc"
    public var motto: String = "Độc lập - Tự do - Hạnh phúc"
    /// "Cần Thơ, ngày 05 tháng 01 năm 2025"
    public var placeDate: String
}

/// The summary written from the numbers.
public struct SummaryView: Sendable {
    /// Sentences, one paragraph each.
    public var paragraphs: [String]
    /// "8/9"
    public var reportingText: String
    public var hasMissingUnits: Bool
    /// "Cờ Đỏ, Thới Lai"
    public var missingUnitsText: String
    /// "10/14"
    public var indicatorsMetText: String
}

/// "Nơi nhận" and the signature block.
public struct ClosingView: Sendable {
    /// "- Bộ GDĐT;", ..., "- Lưu: VT, GDTX."
    public var recipients: [String]
    /// "KT. GIÁM ĐỐC", nil when empty.
    public var signerAuthority: String?
    /// "PHÓ GIÁM ĐỐC"
    public var signerTitle: String?
    /// "Nguyễn Văn A"
    public var signerName: String?
}
