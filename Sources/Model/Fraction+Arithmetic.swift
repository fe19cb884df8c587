import Core

/// Exact arithmetic on `Fraction` for gaps (rate − target) and changes over a phase, in
/// 128-bit intermediates so that counts up to Int64 do not overflow.
///
///     Fraction(5, 9).subtracting(Fraction(5555, 10000))   // 1/18000 (0,00555… points)
///     Fraction(1, 3).multiplied(by: 100)                  // 100/3
///
/// A result whose reduced numerator or denominator does not fit in Int64 (only possible with
/// denominators near 10^10 on both sides) is approximated by shifting both right until they
/// fit: for values of magnitude up to 1 (rates, gaps, changes) the error is below 2^-60, far
/// below any displayed decimal; `reduced(_:_:)` tells which happened.
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

    /// n/d reduced; when it does not fit in Int64, an approximation (both scaled down by the same
    /// power of two; within 2^-60 when |n/d| <= 1) and `isExact == false`.
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
        var top = n.magnitude, bottom = d.magnitude
        let limit = UInt128(Int64.max)
        while top > limit || bottom > limit { top >>= 1; bottom >>= 1 }
        let m = Int64(top)
        return (Fraction(n < 0 ? -m : m, Int64(max(bottom, 1))), false)
    }
}
