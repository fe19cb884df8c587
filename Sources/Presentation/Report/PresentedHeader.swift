/// The ND30 header of the report (Nghị định 30/2020/NĐ-CP): agency on the left, the national
/// title and motto on the right, the number and the place and date under them.
///
///     header.number      // "Số:       /BC-SGDĐT" (the number is given at signing)
///     header.placeDate   // "Cần Thơ, ngày 05 tháng 01 năm 2025"
public struct PresentedHeader: Sendable, Hashable {
    /// "UBND THÀNH PHỐ CẦN THƠ"
    public var parentAgency: String
    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    public var agency: String
    public var number: String
    public var nationalTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public var motto = "Độc lập - Tự do - Hạnh phúc"
    public var placeDate: String
}
