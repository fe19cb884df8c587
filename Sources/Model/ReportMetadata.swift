/// What the report is and who issues it: the header of Nghị định 30/2020/NĐ-CP and the title.
///
/// The document date is supplied by the caller (pipeline.yml or the command line), never read
/// from the clock, so the same inputs give the same report.
///
///     ReportMetadata(year: 2024, kind: .annual, years: [2024],
///                    title: "Báo cáo kết quả xây dựng xã hội học tập năm 2024",
///                    agency: config.agency, documentDate: "2024-12-05", generatedBy: "xhht 0.1",
///                    display: config.display)
public struct ReportMetadata: Sendable, Codable, Hashable {
    /// The report year: the year of the results.
    public var year: Int
    public var kind: ReportKind
    /// The years the report covers, ascending: `[year]` for an annual report, 2023…2025 for the
    /// mid-term review.
    public var years: [Int]
    /// The title in Vietnamese ("Báo cáo kết quả xây dựng xã hội học tập năm 2024").
    public var title: String
    public var agency: Agency
    /// The date on the document, ISO "YYYY-MM-DD" ("2024-12-05"); "" when not given.
    public var documentDate: String
    /// The program and version that produced the report ("xhht 0.1.0").
    public var generatedBy: String
    /// How the renderers should round and how many decimals (pipeline.yml `display`).
    public var display: Display

    public init(year: Int, kind: ReportKind, years: [Int], title: String, agency: Agency, documentDate: String,
                generatedBy: String, display: Display) {
        self.year = year
        self.kind = kind
        self.years = years
        self.title = title
        self.agency = agency
        self.documentDate = documentDate
        self.generatedBy = generatedBy
        self.display = display
    }

    /// The default Vietnamese title of a report kind:
    /// annual 2024 -> "Báo cáo kết quả xây dựng xã hội học tập năm 2024";
    /// review 2023-2025 -> "Báo cáo sơ kết giai đoạn 2023-2025 xây dựng xã hội học tập".
    public static func defaultTitle(kind: ReportKind, year: Int) -> String {
        switch kind {
        case .annual: "Báo cáo kết quả xây dựng xã hội học tập năm \(year)"
        case .review2023To2025: "Báo cáo sơ kết giai đoạn 2023-2025 xây dựng xã hội học tập"
        case .review2023To2030: "Báo cáo tổng kết giai đoạn 2023-2030 xây dựng xã hội học tập"
        }
    }
}
