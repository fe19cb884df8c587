import Core

/// A unit as the report shows it: the report year's registry entry, where it sits, and whether
/// it (or anything under it) sent data.
///
///     ReportUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92", depth: 1,
///                reported: true, files: ["mau-2024-916-ninh-kieu.xlsx"])
public struct ReportUnit: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var level: UnitLevel
    /// nil for the report's root.
    public var parentCode: String?
    /// 0 for the root, 1 for its children, ...
    public var depth: Int
    /// True when the unit or a unit under it has at least one fact in the report year.
    public var reported: Bool
    /// The input files its own rows and its descendants' rows were read from, sorted.
    public var files: [String]

    public init(code: String, name: String, level: UnitLevel, parentCode: String?, depth: Int, reported: Bool, files: [String]) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.depth = depth
        self.reported = reported
        self.files = files
    }
}
