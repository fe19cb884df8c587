import Core
import Model

/// One unit's result for one indicator as a table row: every cell printed and exact, the status
/// and its words, and the sentences a tooltip or a footnote shows.
///
///     row.name            // "Quận Ninh Kiều"
///     row.numerator       // "1.500" (value 1500)
///     row.rate            // "83,33%" (value 1500/1800)
///     row.resultText      // "1.500/1.800 (83,33%)"
///     row.statusText      // "Đạt" (row.status == .met)
///     row.gapText         // "vượt 8,33 điểm %"
///     row.basis           // "11/12" (value 11); "có" / "thiếu" for a unit that is its own basis
public struct PresentedRow: Sendable, Hashable {
    public var code: String
    public var name: String
    /// The unit above it, "" for the root.
    public var parentName: String
    public var numerator: PresentedCell
    public var denominator: PresentedCell
    public var rate: PresentedCell
    /// "n/N (x,xx%)", "n/0 (-)" or "chưa có số liệu".
    public var resultText: String
    public var status: IndicatorStatus
    public var statusText: String
    /// Whether the exact rate reaches the exact target; nil without a rate or a target.
    public var met: Bool?
    /// "vượt 2,35 điểm %", "thiếu 4,44 điểm %", "đạt đúng chỉ tiêu"; "" without a gap.
    public var gapText: String
    /// Rank among siblings ("—" when unranked); text "" and no value for the report unit's row.
    public var rank: PresentedCell
    /// "9/11 xã, phường, thị trấn đạt"; nil without a target or children with a rate.
    public var childrenMetText: String?
    /// The units of the indicator's level the row rests on: "11/12" (value: the counted units).
    public var basis: PresentedCell
    /// "Tính trên 11/12 xã, phường, thị trấn; thiếu số liệu: Xã Thới Xuân."
    public var basisSentence: String
    /// "Nguồn: ninh-kieu.xlsx, Cấp xã!E7, Cấp xã!D7".
    public var source: String
    /// The report unit's own total.
    public var isTotal: Bool
}
