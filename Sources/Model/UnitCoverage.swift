import Core

/// Who reported at one level below the root: "8/9 huyện đã báo cáo; chưa báo cáo: Cờ Đỏ".
/// A unit reports when it or a unit under it has at least one fact in the report year.
///
///     UnitCoverage(level: .district, expected: 9, reporting: ["916", ...], missing: ["925"])
public struct UnitCoverage: Sendable, Codable, Hashable {
    public var level: UnitLevel
    /// Units of the registry at this level under the root.
    public var expected: Int
    /// Codes of the units that reported, sorted.
    public var reporting: [String]
    /// Codes of the units that sent nothing, sorted.
    public var missing: [String]

    public init(level: UnitLevel, expected: Int, reporting: [String], missing: [String]) {
        self.level = level
        self.expected = expected
        self.reporting = reporting
        self.missing = missing
    }
}
