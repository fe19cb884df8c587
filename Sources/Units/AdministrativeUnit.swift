import Core

/// A unit of the administrative hierarchy, as the official list names it.
public struct AdministrativeUnit: Sendable, Hashable, Codable {
    /// The official code (Quyết định 124/2004/QĐ-TTg): province 2 digits, district 3, commune 5.
    public var code: String
    /// The official name with its type ("Phường Cái Khế", "Quận Ninh Kiều").
    public var name: String
    public var level: UnitLevel
    /// The code of the unit above, nil for the root.
    public var parentCode: String?

    public init(code: String, name: String, level: UnitLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
