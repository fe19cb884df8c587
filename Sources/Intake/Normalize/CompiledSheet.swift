import Config

/// A sheet definition with every alias turned into header keys once, so that matching a
/// column is a few dictionary look-ups rather than folding every alias for every cell.
struct CompiledSheet: Sendable {
    let definition: SheetDefinition
    /// Keys of the canonical name and the aliases of the sheet itself.
    let sheetNames: Set<String>
    /// Full alias path ("gia dinh hoc tap > so ho dat") -> field indexes.
    let paths: [String: [Int]]
    /// Last part of every alias ("so ho dat") -> field indexes, for a header written without
    /// its parent; used only when it names one field.
    let children: [String: [Int]]
    /// Every parent part of an alias: a column under a known parent never matches a child of
    /// another parent ("Gia đình học tập > Tổng số" is not "Người trong độ tuổi lao động > Tổng số").
    let parents: [String: Set<Int>]
    let codeKeys: Set<String>
    let nameKeys: Set<String>
    let ordinalKeys: Set<String>
    /// Every key a column's last header part can be and still match something: identity
    /// headers and the last part of every alias. The header search tries every cell of the
    /// first rows, data included; one look-up rules out most of them.
    let lastKeys: Set<String>

    init(_ definition: SheetDefinition) {
        self.definition = definition
        sheetNames = Set(([definition.name] + definition.aliases).map(HeaderKey.make))
        var paths: [String: [Int]] = [:], children: [String: [Int]] = [:], parents: [String: Set<Int>] = [:]
        for (i, field) in definition.fields.enumerated() {
            for alias in field.aliases + [field.id] {
                let path = HeaderKey.path(alias)
                guard let last = path.last else { continue }
                let key = Self.key(path[...])
                if !(paths[key]?.contains(i) ?? false) { paths[key, default: []].append(i) }
                if !(children[last]?.contains(i) ?? false) { children[last, default: []].append(i) }
                for parent in path.dropLast() { parents[parent, default: []].insert(i) }
            }
        }
        self.paths = paths
        self.children = children
        self.parents = parents
        // Built-in spellings of the identity columns come after the configured ones.
        codeKeys = Set((definition.codeAliases + ["Mã đơn vị", "Mã ĐVHC", "Mã", "Mã số"]).map(HeaderKey.make))
        ordinalKeys = Set((definition.ordinalAliases + ["STT", "TT", "Số TT", "Số thứ tự"]).map(HeaderKey.make))
        nameKeys = Set((definition.nameAliases + ["Tên đơn vị", "Đơn vị", "Tên", "Tên ĐVHC"]).map(HeaderKey.make))
        // Every path key ends with its last part, which is a key of `children`.
        lastKeys = codeKeys.union(ordinalKeys).union(nameKeys).union(children.keys)
    }

    /// A header path as one key, "gia dinh hoc tap > so ho dat" (built by hand: `joined` on a
    /// slice went through the generic iterator, ~2,000 instructions a key).
    static func key(_ path: ArraySlice<String>) -> String {
        var key = ""
        for i in path.indices {
            if i != path.startIndex { key += " > " }
            key += path[i]
        }
        return key
    }

    enum ColumnMatch: Equatable {
        case ordinal, code, name
        /// A field, and how well: 2 for a full path (or a path ending with the alias's path),
        /// 1 for a child header alone.
        case field(Int, quality: Int)
    }

    /// What a column whose header reads `path` (top to bottom) is, if anything.
    func match(_ path: [String]) -> ColumnMatch? {
        guard let last = path.last, lastKeys.contains(last) else { return nil }
        // Identity headers stand alone, often merged down over the header rows.
        if ordinalKeys.contains(last) { return .ordinal }
        if codeKeys.contains(last) { return .code }
        if nameKeys.contains(last) { return .name }
        for start in path.indices {
            if let fields = paths[Self.key(path[start...])], fields.count == 1 { return .field(fields[0], quality: 2) }
        }
        if let fields = children[last], fields.count == 1 {
            // A known parent above the column must be this field's parent.
            for parent in path.dropLast() where parent != last {
                if let owners = parents[parent], !owners.contains(fields[0]) { return nil }
            }
            return .field(fields[0], quality: 1)
        }
        return nil
    }
}
