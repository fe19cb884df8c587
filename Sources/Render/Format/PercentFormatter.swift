import Rollup

/// Percentages from an exact `Fraction`, written the vi-VN way with a decimal comma, rounded for
/// display only and by the report's setting (pipeline.yml `display`): half-up or truncation,
/// applied to the EXACT fraction, never to a floating-point value.
///
///     let half = PercentFormatter(rounding: .halfUp, decimals: 2)
///     half.percent(Fraction(5, 9))             // "55,56%"
///     PercentFormatter(rounding: .truncate, decimals: 2).percent(Fraction(5, 9))   // "55,55%"
///     half.countAndRate(9_735, 11_160)         // "9.735/11.160 (87,23%)"
///     half.points(Fraction(235, 10_000))       // "+2,35 điểm %"
///
/// Negative values (gaps below a target) are rounded on their magnitude, so that
/// -4,445 points shows as "-4,45" under half-up, symmetric with +4,45.
public struct PercentFormatter: Sendable, Hashable {
    public var rounding: Display.Rounding
    public var decimals: Int

    public init(rounding: Display.Rounding = .halfUp, decimals: Int = 2) {
        self.rounding = rounding
        self.decimals = max(0, min(decimals, 6))
    }

    public init(_ display: Display) {
        self.init(rounding: display.rounding, decimals: display.percentDecimals)
    }

    /// The fraction of one as a percentage number without the sign "%": 5/9 -> "55,56".
    public func number(_ value: Fraction) -> String {
        let (negative, units) = scaled(value)
        return Self.decimal(units: units, decimals: decimals, negative: negative && units != 0)
    }

    /// The fraction of one as a percentage: 5/9 -> "55,56%".
    public func percent(_ value: Fraction) -> String { number(value) + "%" }

    /// "n/N (x,xx%)" with vi-VN thousands; a zero denominator gives "n/0 (-)" since there is
    /// no rate to show.
    public func countAndRate(_ numerator: Int64, _ denominator: Int64) -> String {
        let n = VietnameseNumber.integer(numerator), d = VietnameseNumber.integer(denominator)
        guard denominator != 0 else { return "\(n)/\(d) (-)" }
        return "\(n)/\(d) (\(percent(Fraction(numerator, denominator))))"
    }

    /// A difference of two fractions of one, in percentage points with a sign:
    /// "+2,35 điểm %", "-4,44 điểm %", "0,00 điểm %".
    public func points(_ gap: Fraction) -> String {
        let (negative, units) = scaled(gap)
        let sign = units == 0 ? "" : (negative ? "-" : "+")
        return sign + Self.decimal(units: units, decimals: decimals, negative: false) + " điểm %"
    }

    /// The magnitude of a gap in percentage points as shown (no sign): 0,0444 -> "4,44".
    /// Returns nil when the displayed magnitude would be zero although the gap is not
    /// (a gap smaller than the last decimal), so callers can say "dưới 0,01".
    public func pointsMagnitude(_ gap: Fraction) -> String? {
        let (_, units) = scaled(gap)
        if units == 0 && gap.numerator != 0 { return nil }
        return Self.decimal(units: units, decimals: decimals, negative: false)
    }

    /// The smallest step shown, "0,01" for two decimals, "1" for none.
    public var smallestStep: String {
        Self.decimal(units: 1, decimals: decimals, negative: false)
    }

    /// The percentage as a dot-decimal number with 4 decimals for machine use (sorting keys,
    /// `data-sort` attributes), always half-up: 5/9 -> "55.5556".
    public static func sortKey(_ value: Fraction) -> String {
        let (negative, units) = scale(value, decimals: 4, rounding: .halfUp)
        let text = decimal(units: units, decimals: 4, negative: negative && units != 0)
        return String(text.map { $0 == "," ? "." : $0 })
    }

    // MARK: exact arithmetic

    /// |value| x 100 x 10^decimals rounded by the setting, and the sign.
    private func scaled(_ value: Fraction) -> (negative: Bool, units: UInt128) {
        Self.scale(value, decimals: decimals, rounding: rounding)
    }

    /// The one rounding of the project (`RoundedPercent`, which indicators.csv uses too), so that
    /// the page and the CSV cannot round the same fraction two ways.
    static func scale(_ value: Fraction, decimals: Int, rounding: Display.Rounding) -> (negative: Bool, units: UInt128) {
        (value.numerator < 0, UInt128(RoundedPercent(value, decimals: decimals, rounding: rounding).units))
    }

    /// Writes `units` / 10^decimals with a decimal comma and thousands dots: 555556, 4 -> "55,5556".
    static func decimal(units: UInt128, decimals: Int, negative: Bool) -> String {
        var digits = String(units)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let whole = String(digits.dropLast(decimals))
        let fraction = String(digits.suffix(decimals))
        let head = VietnameseNumber.grouped(digits: whole, negative: negative)
        return decimals == 0 ? head : head + "," + fraction
    }
}
