import Core
import Model

extension ReportPresenter {
    /// The commendation proposal of a review; nil without one (annual report, no rule).
    func commendation() -> PresentedCommendation? {
        guard let section = model.commendation else { return nil }
        let level = model.units.first { $0.depth == 1 }?.level ?? .district
        let names = Dictionary(model.trends?.indicators.map { ($0.indicatorID, name($0.name)) } ?? [], uniquingKeysWith: { a, _ in a })
        let total = Int64(section.indicatorCount)
        let rows = section.candidates.map { c in
            PresentedCommendation.Row(
                rank: String(c.rank),
                name: name(c.unitName),
                metEveryYear: PresentedCell(text: "\(c.metEveryYear.count)/\(total)", value: Fraction(Int64(c.metEveryYear.count), 1), kind: .count),
                metEveryYearNames: c.metEveryYear.map { names[$0] ?? $0 }.joined(separator: "; "),
                metInReportYear: PresentedCell(text: "\(c.metInReportYear.count)/\(total)", value: Fraction(Int64(c.metInReportYear.count), 1), kind: .count),
                averageChange: PresentedCell(text: c.averageChange.map { percent.points($0) } ?? "—", value: c.averageChange, kind: .points),
                changeCountText: c.averageChange == nil ? "" : "trung bình \(c.indicatorsWithChange) chỉ tiêu",
                flagText: c.flagged ? "có năm không quy đổi được (đơn vị cũ bị chia tách): năm đó không tính là đạt" : nil)
        }
        let criteria = section.criteria.map(Self.criterionText).joined(separator: "; rồi ")
        let intro = "Đề xuất \(VietnameseNumber.integer(section.candidates.count)) trong \(VietnameseNumber.integer(section.unitsConsidered)) "
            + "\(LevelWords.plural(level)) (số lượng theo kế hoạch: \(VietnameseNumber.integer(section.quota))), xếp theo: \(criteria); "
            + "bằng nhau thì theo mã đơn vị. Đo trên \(VietnameseNumber.integer(section.indicatorCount)) chỉ tiêu có mục tiêu trong giai đoạn."
        return PresentedCommendation(
            title: "IV. Đề xuất khen thưởng tập thể",
            introText: intro,
            proposalNote: "Danh sách được xếp hạng từ số liệu của giai đoạn, là đề xuất để Hội đồng Thi đua - Khen thưởng xem xét; không phải quyết định khen thưởng.",
            rows: rows)
    }

    static func criterionText(_ c: CommendationCriterion) -> String {
        switch c {
        case .metEveryYear: "số chỉ tiêu đạt mục tiêu ở mọi năm của giai đoạn"
        case .mostImproved: "mức thay đổi bình quân của tỷ lệ từ năm đầu đến năm cuối (điểm %)"
        case .metInReportYear: "số chỉ tiêu đạt mục tiêu năm báo cáo"
        }
    }
}
