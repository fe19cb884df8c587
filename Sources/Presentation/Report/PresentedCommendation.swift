/// The units a review proposes for commendation, as printed: a proposal to the emulation
/// council (Hội đồng Thi đua - Khen thưởng), ranked, with the numbers behind each rank.
///
///     c.title          // "IV. Đề xuất khen thưởng tập thể"
///     c.introText      // "Đề xuất 5 trong 9 quận, huyện (số lượng theo kế hoạch: 5), xếp theo: ..."
///     c.rows[0]        // rank "1", "Quận Ninh Kiều", "4/4", "4/4", "+6,20 điểm %"
public struct PresentedCommendation: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// "1"
        public var rank: String
        public var name: String
        /// "3/4" (indicators met every year of the phase / indicators with a target).
        public var metEveryYear: PresentedCell
        /// "Gia đình học tập; Phổ cập THCS mức độ 3": the indicators met every year; "" for none.
        public var metEveryYearNames: String
        /// "4/4" in the report year.
        public var metInReportYear: PresentedCell
        /// "+6,20 điểm %" (the mean change over `changeCountText` indicators); "—" without one.
        public var averageChange: PresentedCell
        /// "trung bình 4 chỉ tiêu"; "" without a change.
        public var changeCountText: String
        /// "có năm không quy đổi được (chia tách): năm đó không tính là đạt"; nil otherwise.
        public var flagText: String?
    }

    /// "IV. Đề xuất khen thưởng tập thể"
    public var title: String
    /// How many of how many units, the plan's quota and the ranking, in one sentence.
    public var introText: String
    /// That the list is a proposal for the council, not a decision.
    public var proposalNote: String
    public var rows: [Row]
}
