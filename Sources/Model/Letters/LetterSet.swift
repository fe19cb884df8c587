/// The letters back to the sending units of a season (issue 18), and what the data-quality
/// appendix says of them: one `UnitLetter` per unit with findings (`feedback`) or with nothing
/// sent (`reminder`), the units whose files had no finding (no letter), and the findings no
/// letter can carry. Made by Aggregate's `LetterBuilder` from the report model and the store's
/// submissions; a plain value, presented by Presentation's `LetterPresenter`.
///
///     set.resendBy                     // "2024-12-12": the date every letter asks for
///     set.letters.map(\.fileStem)      // ["917-quan-o-mon", "918-quan-binh-thuy", ...]
///     set.clean                        // ["916"]: sent, no finding, no letter
///     set.unaddressed                  // [UnaddressedFindings(file: "khong-ro.xlsx", count: 2)]
public struct LetterSet: Sendable, Codable, Hashable {
    /// ISO "YYYY-MM-DD": send the corrected workbook (or the missing one) by this day.
    public var resendBy: String
    /// The season's deadline (pipeline.yml `deadline`), ISO; nil when none was set.
    public var deadline: String?
    /// The sending units' letters, in the report's unit order (siblings by code).
    public var letters: [UnitLetter]
    /// Codes of the sending units that sent files with no finding, in unit order.
    public var clean: [String]
    /// Findings no letter carries, by file name ("" last).
    public var unaddressed: [UnaddressedFindings]

    public init(resendBy: String, deadline: String?, letters: [UnitLetter], clean: [String], unaddressed: [UnaddressedFindings]) {
        self.resendBy = resendBy
        self.deadline = deadline
        self.letters = letters
        self.clean = clean
        self.unaddressed = unaddressed
    }
}
