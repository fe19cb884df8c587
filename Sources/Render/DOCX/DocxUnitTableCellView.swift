import Mustache

/// One unit's rate for one indicator in the Word report's appendix matrix: the HTML cell's
/// `text` and `source`, and whether the target is met, as two flags a template can test
/// (`{{#missed}}`...`{{/missed}}`), since a printed page cannot rely on colour.
///
///     text "55,56%", met false, missed true     (below the target)
///     text "", met false, missed false          (not computed for this unit, or no target)
public struct DocxUnitTableCellView: Sendable, MustacheParent {
    /// "55,56%"; "" when the indicator is not computed for the unit.
    public var text: String
    /// The rate meets the target.
    public var met: Bool
    /// The rate is below the target.
    public var missed: Bool
    /// "59/73 (80,82%). Nguồn: ..." or "Chỉ tiêu không tính cho đơn vị này".
    public var source: String

    public static let keys = ["text", "met", "missed", "source"]

    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "met": met
        case "missed": missed
        case "source": source
        default: nil
        }
    }
}
