/// The stable identifiers of every finding ingest, normalize and validate can raise
/// (`Issue.rule`), with the severity each one carries. docs/validation-rules.md has one line
/// per id: severity, what, an example message. Tests and filters use these, never the message.
///
///     Issue(severity: RuleID.negativeCount.severity, rule: RuleID.negativeCount.rawValue, ...)
public enum RuleID: String, Sendable, CaseIterable {
    // Input folder
    case inputLinkBroken = "input-link-broken"
    case inputNotAFile = "input-not-a-file"
    case inputSubfolder = "input-subfolder"
    case submissionWithdrawn = "submission-withdrawn"
    // Ingest
    case workbookUnreadable = "workbook-unreadable"
    case workbookRepaired = "workbook-repaired"
    // Normalize: sheets and headers
    case sheetNotFound = "sheet-not-found"
    case headerNotFound = "header-not-found"
    case sheetTooManyRows = "sheet-too-many-rows"
    case columnMissing = "column-missing"
    case columnDuplicate = "column-duplicate"
    // Normalize: values
    case formulaWithoutValue = "formula-without-value"
    case cellError = "cell-error"
    case notANumber = "not-a-number"
    case fractionalCount = "fractional-count"
    case percentInCount = "percent-in-count"
    case levelNotRecognised = "level-not-recognised"
    case yesNoNotRecognised = "yes-no-not-recognised"
    // Normalize: rows and units
    case unitUnknown = "unit-unknown"
    case unitAmbiguous = "unit-ambiguous"
    case unitCodeUnknown = "unit-code-unknown"
    case codeNameMismatch = "code-name-mismatch"
    case subtotalMismatch = "subtotal-mismatch"
    case groupRowUnknown = "group-row-unknown"
    case reportingUnitUnknown = "reporting-unit-unknown"
    // Validate
    case numeratorAboveDenominator = "numerator-above-denominator"
    case negativeCount = "negative-count"
    case levelOutOfRange = "level-out-of-range"
    case requiredMissing = "required-missing"
    case valueMissing = "value-missing"
    case duplicateUnit = "duplicate-unit"
    case wrongDistrict = "wrong-district"
    case districtNotReceived = "district-not-received"
    case unitMissing = "unit-missing"
    case lateSubmission = "late-submission"

    /// `error` keeps a value out of the indicators (or says a whole table could not be read);
    /// `warning` keeps the values but asks for a look; `info` is a note.
    public var severity: Severity {
        switch self {
        case .inputLinkBroken, .inputNotAFile, .workbookUnreadable, .sheetNotFound, .headerNotFound, .sheetTooManyRows,
             .formulaWithoutValue, .cellError, .notANumber, .fractionalCount, .percentInCount,
             .levelNotRecognised, .yesNoNotRecognised, .unitUnknown, .unitAmbiguous,
             .numeratorAboveDenominator, .negativeCount, .levelOutOfRange, .requiredMissing, .duplicateUnit:
            .error
        case .workbookRepaired, .columnMissing, .columnDuplicate, .unitCodeUnknown, .codeNameMismatch, .subtotalMismatch,
             .reportingUnitUnknown, .valueMissing, .wrongDistrict, .districtNotReceived, .unitMissing, .lateSubmission,
             .submissionWithdrawn:
            .warning
        case .groupRowUnknown, .inputSubfolder:
            .info
        }
    }

    /// An issue of this rule.
    /// `severity` overrides the rule's own for the rare rule whose weight depends on the case
    /// (a missing column is an error when its field is required); `value` is what the cell held
    /// (`Issue.value`).
    public func issue(_ provenance: Provenance, unit: String = "", field: String = "", severity: Severity? = nil, value: String = "",
                      _ message: String) -> Issue {
        Issue(severity: severity ?? self.severity, rule: rawValue, provenance: provenance, unit: unit, field: field, message: message,
              value: value)
    }
}
