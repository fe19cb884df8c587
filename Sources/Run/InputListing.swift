import Core

/// What `InputFolder.list(in:)` found: the workbooks to read, and one finding for every other
/// entry that is not skipped by design (hidden files, lock files, notes).
public struct InputListing: Sendable {
    public var files: [InputFile]
    public var issues: [Issue]

    public init(files: [InputFile], issues: [Issue]) {
        self.files = files
        self.issues = issues
    }
}
