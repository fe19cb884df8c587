import Core

/// What a written unit (a code cell, a name cell) resolves to in the registry.
///
/// `ambiguous` and `unknown` are results, not errors: the caller knows the file, sheet and cell
/// and turns them into an `Issue`.
public enum UnitResolution: Sendable, Hashable {
    case unit(AdministrativeUnit)
    /// Several units fit: listed in the order of the official list.
    case ambiguous([AdministrativeUnit])
    case unknown
}

extension UnitRegistry {
    /// Resolves a unit from what a row says about it: its code, its name, or both.
    ///
    ///     registry.resolve(code: "31117", name: nil, level: .commune, under: nil)          // Phường Cái Khế
    ///     registry.resolve(code: "31117.0", name: nil, level: nil, under: nil)             // the same: a number typed as a number
    ///     registry.resolve(code: nil, name: "Q. Ninh Kiều", level: .district, under: "92") // Quận Ninh Kiều
    ///     registry.resolve(code: nil, name: "P. 01", level: .commune, under: "774")        // Phường 1 of Quận 5 (HCMC)
    ///
    /// - A code that exists wins over the name. A numeric code that lost its leading zeros
    ///   ("1" typed as a number, "31117.0" read from a float cell) is padded to the width of the
    ///   level (province 2 digits, district 3, commune 5; every width when `level` is nil).
    ///   The parent scope does not filter a code: a code is authoritative, and a commune filed
    ///   under the wrong district is a finding for validation (compare `ancestors(of:)`).
    ///   A code that exists nowhere falls back to the name; compare the returned code with
    ///   the written one to report the bad code.
    /// - Otherwise the name is matched after folding (see `UnitName`), against official names
    ///   and the aliases CSV, keeping only units at `level` (when given) and below `parentCode`
    ///   (when given; any depth, so a commune resolves under its province or its district).
    ///   When several units remain, those of the type the name said ("Thị xã Long Mỹ") are
    ///   preferred, then those whose name matches with its diacritics ("Sa Pả" over "Sa Pa").
    public func resolve(code: String?, name: String?, level: UnitLevel?, under parentCode: String?) -> UnitResolution {
        if let code, let found = resolveCode(code, level: level, under: parentCode) { return found }
        guard let name else { return .unknown }
        let written = UnitName(name)
        guard !written.key.isEmpty else { return .unknown }

        var indexes = nameIndexes(written.key)
        if indexes.isEmpty, written.unstrippedKey != written.key { indexes = nameIndexes(written.unstrippedKey) }
        var candidates = indexes.sorted().map { units[$0] }
        if let level { candidates = candidates.filter { $0.level == level } }
        if let parentCode { candidates = candidates.filter { isUnit($0.code, under: parentCode) } }
        if candidates.count > 1, let type = written.type {
            let sameType = candidates.filter { UnitName($0.name).type == type }
            if !sameType.isEmpty { candidates = sameType }
        }
        if candidates.count > 1 {
            let sameMarks = candidates.filter { UnitName($0.name).markedKey == written.markedKey }
            if !sameMarks.isEmpty { candidates = sameMarks }
        }
        switch candidates.count {
        case 0: return .unknown
        case 1: return .unit(candidates[0])
        default: return .ambiguous(candidates)
        }
    }

    /// True when `ancestor` is above `code` at any depth.
    public func isUnit(_ code: String, under ancestor: String) -> Bool {
        ancestors(of: code).contains { $0.code == ancestor }
    }

    private func resolveCode(_ raw: String, level: UnitLevel?, under parentCode: String?) -> UnitResolution? {
        guard let code = UnitCode.normalized(raw) else { return nil }
        let exact = unit(code: code)
        if let exact, level == nil || exact.level == level { return .unit(exact) }
        var padded = UnitCode.paddings(of: code).compactMap { unit(code: $0) }
        if let level { padded = padded.filter { $0.level == level } }
        if padded.count > 1, let parentCode {
            let scoped = padded.filter { isUnit($0.code, under: parentCode) }
            if !scoped.isEmpty { padded = scoped }
        }
        switch padded.count {
        case 0: return exact.map { .unit($0) }
        case 1: return .unit(padded[0])
        default: return .ambiguous(padded)
        }
    }
}
