/// How numbers are shown. Comparisons never depend on this: they are exact.
public struct Display: Sendable, Hashable, Codable {
    public enum Rounding: String, Sendable, Hashable, Codable, CaseIterable { case halfUp = "half-up", truncate }
    public var rounding: Rounding
    /// Decimals of a percentage ("55,56%" has 2).
    public var percentDecimals: Int

    public init(rounding: Rounding = .halfUp, percentDecimals: Int = 2) {
        self.rounding = rounding
        self.percentDecimals = percentDecimals
    }
}
