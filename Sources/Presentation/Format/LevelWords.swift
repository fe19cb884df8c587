import Core

/// How a level of the hierarchy is named in running text and in a column title.
///
///     LevelWords.plural(.district)   // "quận, huyện"  ("6/9 quận, huyện đạt")
///     LevelWords.title(.commune)     // "Xã, phường, thị trấn"
public enum LevelWords {
    /// Used after a count: "6/9 quận, huyện đạt", "80 xã, phường, thị trấn".
    public static func plural(_ level: UnitLevel) -> String {
        switch level {
        case .nation: "cả nước"
        case .province: "tỉnh, thành phố"
        case .district: "quận, huyện"
        case .commune: "xã, phường, thị trấn"
        }
    }

    /// A column title: "Quận, huyện".
    public static func title(_ level: UnitLevel) -> String {
        let text = plural(level)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "cấp tỉnh", "cấp huyện", "cấp xã".
    public static func tier(_ level: UnitLevel) -> String {
        switch level {
        case .nation: "toàn quốc"
        case .province: "cấp tỉnh"
        case .district: "cấp huyện"
        case .commune: "cấp xã"
        }
    }
}
