/// What a sheet says about itself besides its cells, gathered while streaming it.
public struct SheetMetadata: Sendable, Hashable {
    /// The merged ranges (`<mergeCells>`), in document order.
    public var mergedRanges: [MergedRange]
    /// The `<dimension ref>` the file declares; it may be missing or wrong (never trusted).
    public var declaredDimension: String?
    /// How many cells were delivered.
    public var cellCount: Int
    /// What was damaged in this sheet and worked around (see `WorkbookRepair`).
    public var repairs: [WorkbookRepair]

    public init(mergedRanges: [MergedRange] = [], declaredDimension: String? = nil, cellCount: Int = 0,
                repairs: [WorkbookRepair] = []) {
        self.mergedRanges = mergedRanges
        self.declaredDimension = declaredDimension
        self.cellCount = cellCount
        self.repairs = repairs
    }
}
