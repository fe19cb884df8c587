import Presentation

// The header, summary and closing views are filled the same way for every format that prints
// them (the HTML page and the Word report): one mapping each, so the two cannot drift apart.

extension HeaderView {
    init(_ h: PresentedHeader) {
        self.init(parentAgency: h.parentAgency, agency: h.agency, number: h.number,
                  nationalTitle: h.nationalTitle, motto: h.motto, placeDate: h.placeDate)
    }
}

extension SummaryView {
    init(_ s: PresentedSummary) {
        self.init(paragraphs: s.paragraphs, reportingText: s.reportingText,
                  hasMissingUnits: !s.missingUnitNames.isEmpty,
                  missingUnitsText: s.missingUnitNames.joined(separator: ", "),
                  indicatorsMetText: s.indicatorsMetText)
    }
}

extension ClosingView {
    init(_ c: PresentedClosing) {
        self.init(recipients: c.recipients, signerAuthority: c.signerAuthority,
                  signerTitle: c.signerTitle, signerName: c.signerName)
    }
}
