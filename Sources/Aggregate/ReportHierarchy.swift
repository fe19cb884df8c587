import Core
import Units

/// The units a report covers: the root and everything under it in the registry, flattened once
/// into arrays in hierarchy pre-order with siblings sorted by code, so that the aggregation is
/// one pass over indexes (children always come after their parent: walking the arrays backwards
/// visits every child before its parent).
///
///     let h = try ReportHierarchy(registry: registry, rootCode: "92")
///     h.codes[0] == "92"; h.parent[1] == 0; h.index["916"]   // an index into every array
public struct ReportHierarchy: Sendable, Hashable {
    public let codes: [String]
    public let names: [String]
    public let levels: [UnitLevel]
    /// Index of the parent, -1 for the root.
    public let parent: [Int]
    public let depth: [Int]
    /// Indexes of the children, sorted by code.
    public let children: [[Int]]
    public let index: [String: Int]

    public var count: Int { codes.count }

    /// - Throws: `AggregationError.unknownRoot` when `rootCode` is not in the registry.
    public init(registry: UnitRegistry, rootCode: String) throws(AggregationError) {
        guard let root = registry.unit(code: rootCode) else { throw .unknownRoot(rootCode) }
        var codes: [String] = [], names: [String] = [], levels: [UnitLevel] = []
        var parent: [Int] = [], depth: [Int] = [], children: [[Int]] = []
        var index: [String: Int] = [:]
        // Iterative pre-order: (unit, parent index, depth).
        var stack: [(AdministrativeUnit, Int, Int)] = [(root, -1, 0)]
        while let (unit, p, d) = stack.popLast() {
            guard index[unit.code] == nil else { continue }  // a cycle in a broken registry
            let i = codes.count
            index[unit.code] = i
            codes.append(unit.code)
            names.append(unit.name)
            levels.append(unit.level)
            parent.append(p)
            depth.append(d)
            children.append([])
            if p >= 0 { children[p].append(i) }
            let kids = registry.children(of: unit.code).sorted { $0.code < $1.code }
            for kid in kids.reversed() { stack.append((kid, i, d + 1)) }
        }
        self.codes = codes
        self.names = names
        self.levels = levels
        self.parent = parent
        self.depth = depth
        self.children = children
        self.index = index
    }

    /// True when `ancestor` is `unit` or above it.
    func contains(_ ancestor: Int, _ unit: Int) -> Bool {
        var u = unit
        while u >= 0 {
            if u == ancestor { return true }
            u = parent[u]
        }
        return false
    }

    /// The nearest unit holding all of `units` (nil for an empty list).
    func commonAncestor(_ units: [Int]) -> Int? {
        guard var a = units.first else { return nil }
        for u in units.dropFirst() {
            while !contains(a, u) { a = parent[a]; if a < 0 { return nil } }
        }
        return a
    }
}
