import Core

/// How a result stands against its target, in Vietnamese, from the exact gap (rate - target, a
/// fraction of one) so that the words can never contradict the comparison.
///
///     let f = PercentFormatter(rounding: .halfUp, decimals: 2)
///     GapPhrase.short(Fraction(235, 10_000), f)      // "vượt 2,35 điểm %"
///     GapPhrase.short(Fraction(-444, 10_000), f)     // "thiếu 4,44 điểm %"
///     GapPhrase.sentence(Fraction(-444, 10_000), f)  // "thấp hơn chỉ tiêu 4,44 điểm phần trăm"
///     GapPhrase.short(Fraction(1, 18_000), f)        // "vượt 0,01 điểm %" (5/9 against 55,55%)
///     GapPhrase.short(Fraction(1, 18_000), PercentFormatter(rounding: .truncate, decimals: 2))
///                                                     // "vượt dưới 0,01 điểm %"
///
/// A gap smaller than the last decimal shown is said as "dưới 0,01" rather than "0,00", so
/// a unit that misses by a hair never reads as if it had reached the target.
public enum GapPhrase {
    /// For table cells: "vượt 2,35 điểm %", "thiếu 4,44 điểm %", "đạt đúng chỉ tiêu".
    public static func short(_ gap: Fraction, _ format: PercentFormatter) -> String {
        if gap.numerator == 0 { return "đạt đúng chỉ tiêu" }
        let verb = gap.numerator > 0 ? "vượt" : "thiếu"
        return "\(verb) \(amount(gap, format)) điểm %"
    }

    /// For running text: "vượt chỉ tiêu 2,35 điểm phần trăm", "thấp hơn chỉ tiêu 4,44 điểm
    /// phần trăm", "đạt đúng chỉ tiêu".
    public static func sentence(_ gap: Fraction, _ format: PercentFormatter) -> String {
        if gap.numerator == 0 { return "đạt đúng chỉ tiêu" }
        let verb = gap.numerator > 0 ? "vượt chỉ tiêu" : "thấp hơn chỉ tiêu"
        return "\(verb) \(amount(gap, format)) điểm phần trăm"
    }

    /// "2,35", or "dưới 0,01" when the gap is smaller than what the decimals show.
    static func amount(_ gap: Fraction, _ format: PercentFormatter) -> String {
        format.pointsMagnitude(gap) ?? "dưới \(format.smallestStep)"
    }
}
