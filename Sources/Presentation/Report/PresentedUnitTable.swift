import Core
import Model

/// The appendix matrix: the units two levels below the report unit (a province's communes, a
/// nation's districts), one row each, one column per indicator computed at that level.
///
///     table.title                  // "Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn"
///     table.columns[0].targetText  // "80%"
///     table.rows[0].cells[0].rate  // "80,82%" (value 59/73)
///     table.note                   // "Số liệu của 10.395 xã, phường, thị trấn có trong tệp indicators.csv ..."
public struct PresentedUnitTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        /// The indicator's number in the catalogue (as in Bảng 1).
        public var number: Int
        public var id: String
        public var name: String
        public var targetText: String
    }

    public struct Cell: Sendable, Hashable {
        /// The rate; text "" and no value when the indicator is not computed for the unit.
        public var rate: PresentedCell
        /// Whether the unit meets the target; nil without a rate or a target.
        public var met: Bool?
        /// "59/73 (80,82%). Nguồn: ..." or "Chỉ tiêu không tính cho đơn vị này"; "" when
        /// presented without `matrixSources` (for outputs that do not print it).
        public var source: String
    }

    public struct Row: Sendable, Hashable {
        public var code: String
        public var name: String
        public var parentName: String
        /// One per column, in the same order.
        public var cells: [Cell]
    }

    public var title: String
    public var levelTitle: String
    public var parentLevelTitle: String
    public var columns: [Column]
    public var rows: [Row]
    /// "83 xã, phường, thị trấn".
    public var countText: String
    /// Where the deeper level is (indicators.csv); nil when everything is shown.
    public var note: String?
}
