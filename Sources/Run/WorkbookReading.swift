import Core
import Foundation
import Intake

/// One input file reduced to what the rest of the run needs: the workbook's identity (name,
/// SHA-256, size, the reader's findings) and its normalized submission, without its cells.
///
///     let reading = WorkbookReading.read(file, normalizer: normalizer)
///     reading.workbook.sha256        // "9f2c…"
///     reading.submission?.records    // the unit rows, nil when the file could not be read
///
/// A reading depends on the file's bytes, its name (every provenance carries it) and the
/// settings normalize reads (pipeline.yml, the registry): the store keeps it under those
/// (`ReadCache`), so that an unchanged workbook is not opened again.
public struct WorkbookReading: Sendable {
    /// `sheets` is nil when the file could not be read, else empty: the cells are gone.
    public var workbook: IngestedWorkbook
    public var submission: NormalizedSubmission?
    /// Whether this reading came from the store's read cache (`ReadCache`) rather than the file.
    public var kept: Bool

    public init(workbook: IngestedWorkbook, submission: NormalizedSubmission?, kept: Bool = false) {
        self.workbook = workbook
        self.submission = submission
        self.kept = kept
    }

    /// Reads and normalizes one file on the calling thread; its raw sheets are released when
    /// this returns. Never throws: what goes wrong is a finding of the workbook.
    public static func read(_ file: InputFile, normalizer: Normalizer) -> WorkbookReading {
        var workbook = IngestedWorkbook.read(file)
        let submission = workbook.sheets.map { normalizer.normalize(file: file.name, sheets: $0) }
        if workbook.sheets != nil { workbook.sheets = [] }
        return WorkbookReading(workbook: workbook, submission: submission)
    }
}
