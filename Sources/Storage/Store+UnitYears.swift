import Core
import Units

/// The units as each year's registry had them, kept in the store (`unit_years`, 2024-v8) so that
/// a review years later still knows where a vanished unit belonged.
extension Store {
    /// Keeps `units` as the year's: a unit already kept for the year is replaced (the last
    /// import's registry wins), others are left. One transaction.
    ///
    ///     try store.recordUnits(year: 2023, [AdministrativeUnit(code: "31126", name: "Phường An Nghiệp",
    ///                                                          level: .commune, parentCode: "916"), ...])
    public func recordUnits(year: Int, _ units: [AdministrativeUnit]) throws {
        guard !units.isEmpty else { return }
        try database.transaction {
            let statement = try database.cachedStatement(
                "INSERT OR REPLACE INTO unit_years(year, code, name, level, parent_code) VALUES (?, ?, ?, ?, ?)")
            for unit in units {
                try statement.execute([DatabaseValue(year), .text(unit.code), .text(unit.name), .text(unit.level.rawValue),
                                       DatabaseValue(unit.parentCode)])
            }
        }
    }

    /// The units kept for each year of `years` (a year never imported, or imported before
    /// 2024-v8, has none), by code.
    public func units(years: ClosedRange<Int>) throws -> [Int: [String: AdministrativeUnit]] {
        let rows = try database.cachedStatement(
            "SELECT year, code, name, level, parent_code FROM unit_years WHERE year BETWEEN ? AND ? ORDER BY year, code")
            .rows([DatabaseValue(years.lowerBound), DatabaseValue(years.upperBound)]) { row -> (Int, AdministrativeUnit)? in
                guard let year = row.int64(at: 0), let level = UnitLevel(rawValue: row.text(at: 3)) else { return nil }
                return (Int(year), AdministrativeUnit(code: row.text(at: 1), name: row.text(at: 2), level: level, parentCode: row.string(at: 4)))
            }
        var out: [Int: [String: AdministrativeUnit]] = [:]
        for case let (year, unit)? in rows { out[year, default: [:]][unit.code] = unit }
        return out
    }
}
