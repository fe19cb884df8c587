/// The kind of report: the yearly one, or a phase review built from the stored history.
public enum ReportKind: String, Sendable, Hashable, Codable, CaseIterable {
    case annual
    /// Sơ kết 2023-2025.
    case review2023To2025 = "review-2023-2025"
    /// Tổng kết 2023-2030.
    case review2023To2030 = "review-2023-2030"

    /// The years a review covers; an annual report covers its own year only.
    public func years(reportYear: Int) -> ClosedRange<Int> {
        switch self {
        case .annual: reportYear...reportYear
        case .review2023To2025: 2023...2025
        case .review2023To2030: 2023...2030
        }
    }
}
