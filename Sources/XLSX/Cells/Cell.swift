/// One non-blank cell of a sheet, as streamed by `Workbook.forEachCell(in:_:)`.
///
///     Cell(reference: CellReference("C4")!, value: .number(12), hasFormula: true)
public struct Cell: Sendable, Hashable {
    public var reference: CellReference
    public var value: CellValue
    /// The cell holds a formula (its `value` is the cached result, or `.empty` when the
    /// file was saved without one).
    public var hasFormula: Bool
    /// The index of the cell's format in styles.xml (`s` attribute; 0 when absent).
    public var styleIndex: Int

    public init(reference: CellReference, value: CellValue, hasFormula: Bool = false, styleIndex: Int = 0) {
        self.reference = reference
        self.value = value
        self.hasFormula = hasFormula
        self.styleIndex = styleIndex
    }
}
