/// How a result stands against its target, decided on exact fractions.
///
///     rate 5/9,  target 55,55%  -> .exceeded   (55,5555…% > 55,55%)
///     rate 2/3,  target 2/3     -> .met        (exactly on target)
///     rate 6/9,  target 66,67%  -> .missed
///     0/0 households            -> .noRate     (reported, but nothing to divide)
///     nothing sent              -> .notReported
public enum IndicatorStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// The rate is above the target.
    case exceeded
    /// The rate equals the target exactly.
    case met
    /// The rate is below the target.
    case missed
    /// A rate but no target for the year.
    case noTarget = "no-target"
    /// Data was reported but the denominator is zero (no households, no learning centre).
    case noRate = "no-rate"
    /// No unit counted by this result reported the fields.
    case notReported = "not-reported"

    /// True for `.met` and `.exceeded`: the target is reached.
    public var reachesTarget: Bool { self == .met || self == .exceeded }
}
