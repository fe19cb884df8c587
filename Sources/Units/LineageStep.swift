/// One reorganisation of units on a date: each listed old code continues as one or more new
/// codes. An old code with one successor was kept, renamed or merged (several old codes with the
/// same successor); with several successors it was split. Codes not listed continue unchanged.
///
///     // 1 July 2025: two wards merged into "00004", one commune split in two.
///     LineageStep(effective: "2025-07-01", successors: ["00001": ["00004"], "00004": ["00004"],
///                                                      "00007": ["00008", "00097"]])
public struct LineageStep: Sendable, Hashable, Codable {
    /// The date the new units take effect, ISO "YYYY-MM-DD".
    public var effective: String
    /// Old code -> new codes, sorted, without duplicates. An empty list means the unit was
    /// abolished without successor.
    public var successors: [String: [String]]
    /// Where the step came from ("old-to-new-commune-2025-07-01.csv"), for messages.
    public var source: String

    public init(effective: String, successors: [String: [String]], source: String = "") {
        self.effective = effective
        self.successors = successors.mapValues { Array(Set($0)).sorted() }
        self.source = source
    }

    /// The new codes of `code` on this step (itself when not listed).
    public func successors(of code: String) -> [String] {
        successors[code] ?? [code]
    }

    /// The old codes that continue as `code` (including a split's pieces), sorted.
    public func predecessors(of code: String) -> [String] {
        successors.filter { $0.value.contains(code) }.map(\.key).sorted()
    }
}
