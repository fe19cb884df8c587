import Core
import Model

/// How many units an indicator's result rests on, in Vietnamese, from `IndicatorBasis`: the
/// count always, the missing units by name, bounded (a national roll-up can miss thousands of
/// communes; the full list of codes is in report.json).
///
///     // 81 of 83 communes counted, Trung Thạnh and Thới Xuân missing
///     BasisPhrase.sentence(basis, name: names)  // "Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Xã Trung Thạnh, Xã Thới Xuân."
///     BasisPhrase.cell(basis, ownLevel: .district)     // "81/83"
///     BasisPhrase.cell(oneCommune, ownLevel: .commune) // "có" / "thiếu"
///     BasisPhrase.missingNames(basis, name: names, shown: 1)  // "Xã Trung Thạnh và 1 đơn vị khác"
public enum BasisPhrase {
    /// Names shown before "và N đơn vị khác".
    public static let namesShown = 5

    /// "81/83 xã, phường, thị trấn"
    public static func count(_ basis: IndicatorBasis) -> String {
        "\(VietnameseNumber.integer(basis.counted))/\(VietnameseNumber.integer(basis.expected)) \(LevelWords.plural(basis.level))"
    }

    /// "Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Xã A, Xã B." or "Tính trên đủ 83/83
    /// xã, phường, thị trấn." `name` turns a unit code into its name.
    public static func sentence(_ basis: IndicatorBasis, name: (String) -> String, shown: Int = namesShown) -> String {
        guard basis.expected > 0 else { return "Không có \(LevelWords.plural(basis.level)) nào trong danh mục để tính." }
        if basis.isComplete { return "Tính trên đủ \(count(basis))." }
        return "Tính trên \(count(basis)); thiếu số liệu: \(missingNames(basis, name: name, shown: shown))."
    }

    /// A table cell: "81/83"; for a unit that is itself the one unit of its basis (a district of
    /// a district-level share), "có" or "thiếu".
    public static func cell(_ basis: IndicatorBasis, ownLevel: UnitLevel) -> String {
        if ownLevel == basis.level && basis.expected == 1 { return basis.isComplete ? "có" : "thiếu" }
        return "\(VietnameseNumber.integer(basis.counted))/\(VietnameseNumber.integer(basis.expected))"
    }

    /// "Xã A, Xã B, Xã C, Xã D, Xã E và 12 đơn vị khác"; "" when nothing is missing.
    public static func missingNames(_ basis: IndicatorBasis, name: (String) -> String, shown: Int = namesShown) -> String {
        let names = basis.missing.prefix(max(shown, 0)).map(name).joined(separator: ", ")
        let rest = basis.missing.count - min(basis.missing.count, max(shown, 0))
        guard rest > 0 else { return names }
        let others = "\(VietnameseNumber.integer(rest)) đơn vị khác"
        return names.isEmpty ? others : "\(names) và \(others)"
    }
}
