/// How much a zip container may make us inflate, checked before and while inflating.
///
/// Every workbook is untrusted: a zip bomb declares (or lies about) a huge uncompressed
/// size behind a few kilobytes. The declared sizes are checked from the central directory
/// before an entry is opened, and the bytes actually produced are counted while inflating,
/// because libzip hands out more data than an entry declared without complaint.
///
///     var limits = ContainerLimits.default
///     limits.maxEntrySize = 64 << 20      // a 64 MiB cap for a small service
///     let zip = try ZipContainer(path: "Input/huyen.xlsx", limits: limits)
public struct ContainerLimits: Sendable, Hashable {
    /// Most entries an archive may list (a workbook has a few dozen; Excel's own limit is far below).
    public var maxEntries: Int
    /// Most bytes one entry may inflate to (a 1,048,576-row sheet of short cells is ~400 MiB).
    public var maxEntrySize: Int64
    /// Most bytes all entries read from one archive may inflate to, together.
    public var maxTotalSize: Int64
    /// Highest uncompressed/compressed ratio allowed for an entry larger than `ratioThreshold`.
    public var maxCompressionRatio: Int64
    /// Entries (declared or counted) below this size are not ratio-checked: a small, very
    /// repetitive part (a 1 MB string of one letter) compresses ~1000:1 and is harmless.
    public var ratioThreshold: Int64
    /// Most bytes of text (UTF-8) the cells of one sheet may expand to. A `t="s"` cell is
    /// ~25 bytes of XML whatever the length of the shared string it names, so a sheet can
    /// expand far beyond what was inflated: 12,000 cells naming one 1 MB string are 12 GB
    /// of text from a 300 KB sheet, which no check on inflated bytes sees. 256 MiB is ~100
    /// bytes of text in each of 2.7 million cells, far beyond a real sheet (a province's
    /// report sheet holds a few hundred KB of text), and bounded enough for a pipeline
    /// that keeps a sheet's cells in memory.
    public var maxSheetText: Int64

    public init(maxEntries: Int = 10_000, maxEntrySize: Int64 = 1 << 30, maxTotalSize: Int64 = 2 << 30,
                maxCompressionRatio: Int64 = 250, ratioThreshold: Int64 = 32 << 20, maxSheetText: Int64 = 256 << 20) {
        self.maxEntries = maxEntries
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioThreshold = ratioThreshold
        self.maxSheetText = maxSheetText
    }

    /// Generous for real workbooks (1 GiB a part, 2 GiB a file, 256 MiB of text a sheet), tight for bombs.
    public static let `default` = ContainerLimits()
}
