/// A level of the administrative hierarchy. The hierarchy itself is data (the unit registry):
/// before 1 July 2025 nation > province > district > commune, after it nation > province > commune.
public enum UnitLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case nation, province, district, commune

    private var depth: Int {
        switch self {
        case .nation: 0
        case .province: 1
        case .district: 2
        case .commune: 3
        }
    }

    /// Higher levels sort first (nation < province < district < commune).
    public static func < (lhs: UnitLevel, rhs: UnitLevel) -> Bool { lhs.depth < rhs.depth }
}
