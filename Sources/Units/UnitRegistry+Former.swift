import Core

extension UnitRegistry {
    /// An earlier year's registry as seen from a later year's root: the provinces of this
    /// registry that the lineage leads, whole, into `root` by `toYear` (the three provinces
    /// Cần Thơ 92, Hậu Giang 93 and Sóc Trăng 94 of 2024 into the new Cần Thơ 92 of 2026), with
    /// their units, under one root of their own (`formerRootCode`), so that their workbooks are
    /// read together as the root's history. Nil when fewer than two provinces, or only `root`
    /// itself, lead into it: the registry is then used as it is.
    ///
    ///     let former = list2024.former(leadingInto: "92", lineage: lineage, fromYear: 2024, toYear: 2026)
    ///     former?.registry.children(of: UnitRegistry.formerRootCode).map(\.code)   // ["92", "93", "94"]
    ///
    /// A province split on the way (its pieces in several provinces) is not taken: its history
    /// belongs to no one root.
    public func former(leadingInto root: String, lineage: UnitLineage, fromYear: Int, toYear: Int)
        -> (registry: UnitRegistry, provinces: [AdministrativeUnit])? {
        let provinces = units(at: .province).filter { province in
            let r = lineage.resolve(province.code, fromYear: fromYear, toYear: toYear)
            return !r.split && r.codes == [root]
        }
        guard provinces.count >= 2 || (provinces.count == 1 && provinces[0].code != root) else { return nil }
        let kept = Set(provinces.flatMap { [$0.code] + descendants(of: $0.code).map(\.code) })
        let name = "Các tỉnh cũ hợp nhất vào \(root): " + provinces.map(\.name).joined(separator: ", ")
        let root = AdministrativeUnit(code: Self.formerRootCode, name: name, level: .nation, parentCode: nil)
        let rest = units.filter { kept.contains($0.code) }.map { unit in
            var unit = unit
            if unit.level == .province { unit.parentCode = Self.formerRootCode }
            return unit
        }
        return (UnitRegistry(units: [root] + rest, aliases: aliases.filter { kept.contains($0.value) }), provinces)
    }

    /// The code of the root `former(leadingInto:...)` puts above the former provinces: never an
    /// official code (those are digits).
    public static let formerRootCode = "TRUOC-SAP-NHAP"
}
