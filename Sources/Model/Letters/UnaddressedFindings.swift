/// Findings that no letter can carry: a file whose sending unit could not be recognised (or
/// that could not be read at all, so nobody is known to have sent it), or findings about no
/// file. The appendix lists them under the file name, never dropping them.
///
///     UnaddressedFindings(file: "bao-cao-cu.xlsx", count: 3)
public struct UnaddressedFindings: Sendable, Codable, Hashable {
    /// The file name; "" for findings about no file.
    public var file: String
    /// Every such finding of the file, listed in the report or not.
    public var count: Int

    public init(file: String, count: Int) {
        self.file = file
        self.count = count
    }
}
