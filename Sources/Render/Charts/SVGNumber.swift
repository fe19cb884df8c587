/// Coordinates written with exactly one decimal and a dot, so that the same chart gives the same
/// bytes on every machine (no locale, no shortest-representation surprises of `Double`'s
/// description): 12.345 -> "12.3", 7 -> "7.0", -0.04 -> "0.0".
///
///     SVGNumber.format(212.25)   // "212.3"
enum SVGNumber {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        if tenths == 0 { return "0.0" }
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
    }
}
