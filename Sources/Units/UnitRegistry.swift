import Core

/// The administrative units a run knows, as data: the hierarchy (nation > province > district >
/// commune before July 2025, nation > province > commune after) comes from the registry file, not
/// from code.
///
///     let registry = UnitRegistry(units: units)
///     registry.children(of: "916").map(\.name)   // the wards of Ninh Kiều, in list order
///
/// Loading from CSV and resolving written names live in extensions beside this file.
public struct UnitRegistry: Sendable, Hashable {
    /// Every unit in the order of the official list.
    public let units: [AdministrativeUnit]
    /// Other written names of units, from the aliases CSV: alias as written -> code.
    public let aliases: [String: String]
    private let indexByCode: [String: Int]
    private let childIndexes: [String: [Int]]
    /// `UnitName` key of every official name and alias -> unit indexes, for `resolve`.
    private let keyIndexes: [String: [Int]]

    /// Aliases whose code is not among `units` are ignored (the CSV loader reports them).
    public init(units: [AdministrativeUnit], aliases: [String: String] = [:]) {
        var seen: [String: Int] = [:]
        var ordered: [AdministrativeUnit] = []
        for unit in units where seen[unit.code] == nil {
            seen[unit.code] = ordered.count
            ordered.append(unit)
        }
        var children: [String: [Int]] = [:]
        for (i, unit) in ordered.enumerated() {
            if let parent = unit.parentCode { children[parent, default: []].append(i) }
        }
        var keys: [String: [Int]] = [:]
        for (i, unit) in ordered.enumerated() {
            keys[UnitName(unit.name, marking: false).key, default: []].append(i)
        }
        var kept: [String: String] = [:]
        for (alias, code) in aliases {
            guard let i = seen[code] else { continue }
            kept[alias] = code
            let key = UnitName(alias, marking: false).key
            if !(keys[key]?.contains(i) ?? false) { keys[key, default: []].append(i) }
        }
        self.units = ordered
        self.aliases = kept
        self.indexByCode = seen
        self.childIndexes = children
        self.keyIndexes = keys
    }

    /// Indexes of the units whose official name or alias has this `UnitName` key.
    func nameIndexes(_ key: String) -> [Int] {
        keyIndexes[key] ?? []
    }

    public func unit(code: String) -> AdministrativeUnit? {
        indexByCode[code].map { units[$0] }
    }

    /// The units directly under `code`, in list order.
    public func children(of code: String) -> [AdministrativeUnit] {
        (childIndexes[code] ?? []).map { units[$0] }
    }

    /// Units with no parent in the registry: the top of the hierarchy.
    public var roots: [AdministrativeUnit] {
        units.filter { $0.parentCode.map { indexByCode[$0] == nil } ?? true }
    }

    public func units(at level: UnitLevel) -> [AdministrativeUnit] {
        units.filter { $0.level == level }
    }

    /// The unit and every unit above it, nearest first.
    public func ancestors(of code: String) -> [AdministrativeUnit] {
        var out: [AdministrativeUnit] = []
        var current = unit(code: code)?.parentCode
        while let c = current, let u = unit(code: c), !out.contains(u) {
            out.append(u)
            current = u.parentCode
        }
        return out
    }

    /// Every unit below `code` at any depth, in list order.
    public func descendants(of code: String) -> [AdministrativeUnit] {
        var out: [AdministrativeUnit] = []
        var stack = Array(children(of: code).reversed())
        while let u = stack.popLast() {
            out.append(u)
            stack.append(contentsOf: children(of: u.code).reversed())
        }
        return out
    }
}
