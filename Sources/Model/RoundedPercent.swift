import Core

/// A percentage rounded for display, as an integer count of its last decimal: the exact
/// rounding of a `Fraction` without choosing a notation (decimal comma or dot, "%" or not),
/// which stays the renderers' job.
///
///     let p = RoundedPercent(Fraction(5, 9), decimals: 2, rounding: .halfUp)
///     p.units == 5556; p.decimals == 2; p.isNegative == false      // 55,56
///     RoundedPercent(Fraction(5, 9), decimals: 2, rounding: .truncate).units == 5555
///     RoundedPercent(Fraction(5, 9), decimals: 4, rounding: .halfUp).plain == "55.5556"
///
/// Rounding works on the magnitude of the exact value (value × 100 × 10^decimals): half-up
/// rounds a remainder of one half away from zero, truncate drops it; a negative gap of
/// −4,445 points shows as −4,45 under half-up, symmetric with +4,45.
public struct RoundedPercent: Sendable, Hashable, Codable {
    /// |value| × 100 × 10^decimals, rounded.
    public var units: UInt64
    public var decimals: Int
    /// True when the exact value is negative and `units` is not zero.
    public var isNegative: Bool

    /// - Parameter value: a fraction of one (5/9 is 55,5555…%). `decimals` is clamped to 0…9.
    public init(_ value: Fraction, decimals: Int, rounding: Display.Rounding) {
        let decimals = max(0, min(decimals, 9))
        var scale: UInt128 = 100
        for _ in 0..<decimals { scale *= 10 }
        let n = UInt128(value.numerator.magnitude) * scale
        let d = UInt128(value.denominator.magnitude)
        var q = n / d
        let r = n % d
        if rounding == .halfUp && r * 2 >= d { q += 1 }
        self.units = UInt64(clamping: q)
        self.decimals = decimals
        self.isNegative = value.numerator < 0 && q != 0
    }

    /// The digits with a dot and no sign of percent, for machine-readable outputs: "55.5556",
    /// "-4.45", "100.0000".
    public var plain: String {
        var digits = String(units)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (isNegative ? "-" : "") + digits
    }
}
