/// One dated step of `paths.lineage`: a CSV in the old-to-new format and the day its new units
/// took effect.
///
///     paths:
///       lineage:
///         - units/lineage-can-tho-2024-11-01.csv             # the date in the name: 2024-11-01
///         - file: units/sap-nhap.csv                         # or written beside the file
///           effective: 2025-07-01
///
/// The date decides the order the steps apply in (`UnitLineage` sorts them) and which of them
/// a year's facts go through: those after that year's 31 December, up to the report year's.
public struct LineageFile: Sendable, Hashable, Codable {
    /// The CSV, absolute (resolved against pipeline.yml's folder).
    public var path: String
    /// ISO "YYYY-MM-DD", a real day.
    public var effective: String

    public init(path: String, effective: String) {
        self.path = path
        self.effective = effective
    }

    /// The first real day written `YYYY-MM-DD` in a file name ("old-to-new-commune-2025-07-01.csv"
    /// -> "2025-07-01"), or nil.
    public static func date(inFileName name: String) -> String? {
        let chars = Array(name.utf8)
        guard chars.count >= 10 else { return nil }
        for start in 0...(chars.count - 10) {
            let text = String(decoding: chars[start..<start + 10], as: UTF8.self)
            if ConfigDecoding.isISODate(text) { return text }
        }
        return nil
    }
}
