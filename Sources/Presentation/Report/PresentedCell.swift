import Core
import Model

/// One value of a table as every format needs it: the text to print (vi-VN, rounded by the
/// report's one rounding), the exact value behind it and what kind of number it is, so that a
/// spreadsheet can store the number, a DOCX print the text and an HTML table sort by the value.
///
///     let f = PercentFormatter(rounding: .halfUp, decimals: 2)
///     PresentedCell.count(9_735)                 // text "9.735", value 9735/1, kind .count
///     PresentedCell.percent(Fraction(5, 9), f)   // text "55,56%", value 5/9, kind .percent
///     PresentedCell.count(nil)                   // text "—", no value: nothing reported
///
/// `value` is nil exactly when there is no number (nothing reported, no rate, no rank); the
/// text then says why ("—", "không quy đổi được", "").
public struct PresentedCell: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An integer count (households, units): `value` has denominator 1.
        case count
        /// A rate or a target, a fraction of one printed as a percentage.
        case percent
        /// A difference of two rates, a fraction of one printed in percentage points.
        case points
        /// A rank among siblings, 1 first: `value` has denominator 1.
        case rank
    }

    /// As printed: "9.735", "55,56%", "+2,35 điểm %", "—".
    public var text: String
    /// The exact number; nil when there is none.
    public var value: Fraction?
    public var kind: Kind

    public init(text: String, value: Fraction?, kind: Kind) {
        self.text = text
        self.value = value
        self.kind = kind
    }

    /// A count, "—" when missing (missing is never zero).
    public static func count(_ n: Int64?, missing: String = "—") -> PresentedCell {
        PresentedCell(text: n.map { VietnameseNumber.integer($0) } ?? missing, value: n.map { Fraction($0, 1) }, kind: .count)
    }

    /// A rate, "—" (or `missing`) without one.
    public static func percent(_ rate: Fraction?, _ format: PercentFormatter, missing: String = "—") -> PresentedCell {
        PresentedCell(text: rate.map { format.percent($0) } ?? missing, value: rate, kind: .percent)
    }
}
