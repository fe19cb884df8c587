import Core

/// Ranks of siblings by rate: rate descending, equal rates share a rank and the next rank skips
/// ("standard competition ranking": 1, 2, 2, 4); equal rates are listed by code; units without a
/// rate get no rank and are listed after the ranked ones, by code.
///
///     SiblingRanking.order([("916", 1/2), ("917", 3/4), ("918", 1/2), ("919", nil)])
///     // [("917", 1), ("916", 2), ("918", 2), ("919", nil)]
public enum SiblingRanking {
    /// The codes in ranking order with their rank (nil for those without a rate).
    public static func order(_ entries: [(code: String, rate: Fraction?)]) -> [(code: String, rank: Int?)] {
        let ranked = entries.compactMap { e in e.rate.map { (code: e.code, rate: $0) } }
            .sorted { $0.rate != $1.rate ? $0.rate > $1.rate : $0.code < $1.code }
        var out: [(code: String, rank: Int?)] = []
        out.reserveCapacity(entries.count)
        var previous: Fraction? = nil
        var rank = 0
        for (i, e) in ranked.enumerated() {
            if e.rate != previous { rank = i + 1; previous = e.rate }
            out.append((e.code, rank))
        }
        for e in entries.filter({ $0.rate == nil }).sorted(by: { $0.code < $1.code }) {
            out.append((e.code, nil))
        }
        return out
    }

    /// The rank of each rate, in the order given (nil for nil): [1/2, 3/4, 1/2, nil] -> [2, 1, 2, nil].
    public static func ranks(_ rates: [Fraction?]) -> [Int?] {
        let ranked = rates.indices.filter { rates[$0] != nil }.sorted { rates[$0]! > rates[$1]! }
        var out = [Int?](repeating: nil, count: rates.count)
        var previous: Fraction? = nil
        var rank = 0
        for (i, k) in ranked.enumerated() {
            if rates[k] != previous { rank = i + 1; previous = rates[k] }
            out[k] = rank
        }
        return out
    }
}
