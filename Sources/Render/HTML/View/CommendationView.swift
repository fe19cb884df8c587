/// The commendation proposal of a review (section IV): the units ranked, with the numbers
/// behind each rank, marked as a proposal for the emulation council.
public struct CommendationView: Sendable {
    /// "IV. Đề xuất khen thưởng tập thể"
    public var title: String
    public var introText: String
    public var proposalNote: String
    public var rows: [CommendationRowView]
}

/// One proposed unit.
public struct CommendationRowView: Sendable {
    public var rank: String
    public var name: String
    /// "3/4"
    public var metEveryYearText: String
    /// "Gia đình học tập; ...": the title of the cell.
    public var metEveryYearNames: String
    /// "4/4"
    public var metInReportYearText: String
    /// "+6,20 điểm %"
    public var changeText: String
    /// "trung bình 4 chỉ tiêu"
    public var changeCountText: String
    public var flagText: String?
}
