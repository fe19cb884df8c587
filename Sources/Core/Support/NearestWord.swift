/// The allowed word nearest to a misspelt one, for the "did you mean" of a message: a key of
/// pipeline.yml, a choice of an enum, a column of the unit list.
///
///     NearestWord.closest("incidators", in: ["indicators", "sheets"])   // "indicators"
///     NearestWord.closest("xyz", in: ["indicators", "sheets"])          // nil
public enum NearestWord {
    /// The allowed word nearest to a misspelt one, for "did you mean": at most 2 edits away, or
    /// one that starts with the other ("cdht_xa" for "cdht_xa_muc").
    public static func closest(_ word: String, in candidates: [String]) -> String? {
        let w = word.lowercased()
        let scored = candidates.map { ($0, distance(Array(w), Array($0.lowercased()))) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < word.count { return best.0 }
        guard w.count >= 4 else { return nil }
        return scored.filter { $0.0.lowercased().hasPrefix(w) || w.hasPrefix($0.0.lowercased()) }.min(by: { $0.1 < $1.1 })?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
