/// Exact arithmetic on `Fraction` for gaps (rate − target) and changes over a phase, in
/// 128-bit intermediates so that counts up to Int64 do not overflow.
///
///     Fraction(5, 9).subtracting(Fraction(5555, 10000))   // 1/18000 (0,00555… points)
///     Fraction(1, 3).multiplied(by: 100)                  // 100/3
///
/// A result whose reduced numerator or denominator does not fit in Int64 (only possible with
/// denominators near 10^10 on both sides) is rounded half-up to the nearest 1/10^12 of one, far
/// below any displayed decimal; `isExact` on the returned pair tells which happened.
extension Fraction {
    /// self − other.
    public func subtracting(_ other: Fraction) -> Fraction {
        let n = Int128(numerator) * Int128(other.denominator) - Int128(other.numerator) * Int128(denominator)
        let d = Int128(denominator) * Int128(other.denominator)
        return Fraction.reduced(n, d).value
    }

    /// self + other.
    public func adding(_ other: Fraction) -> Fraction {
        let n = Int128(numerator) * Int128(other.denominator) + Int128(other.numerator) * Int128(denominator)
        let d = Int128(denominator) * Int128(other.denominator)
        return Fraction.reduced(n, d).value
    }

    /// self × k.
    public func multiplied(by k: Int64) -> Fraction {
        Fraction.reduced(Int128(numerator) * Int128(k), Int128(denominator)).value
    }

    /// n/d reduced; when it does not fit in Int64, the nearest multiple of 1/10^12 (half-up on
    /// the magnitude) and `isExact == false`.
    /// - Precondition: d != 0.
    public static func reduced(_ n: Int128, _ d: Int128) -> (value: Fraction, isExact: Bool) {
        precondition(d != 0, "Fraction with a zero denominator")
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        var a = n.magnitude, b = d.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        if a > 1 { n /= Int128(a); d /= Int128(a) }
        if let n64 = Int64(exactly: n), let d64 = Int64(exactly: d) {
            return (Fraction(n64, d64), true)
        }
        let scale: Int128 = 1_000_000_000_000
        let magnitude = (n.magnitude * UInt128(scale) * 2 + d.magnitude) / (d.magnitude * 2)
        let clamped = Int64(clamping: magnitude)
        return (Fraction(n < 0 ? -clamped : clamped, Int64(scale)), false)
    }
}
