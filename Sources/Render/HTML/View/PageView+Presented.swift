import Presentation

// The header, summary, closing and commendation views are filled the same way for every format that prints
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

extension CommendationView {
    init(_ c: PresentedCommendation) {
        self.init(title: c.title, introText: c.introText, proposalNote: c.proposalNote, rows: c.rows.map { row in
            CommendationRowView(rank: row.rank, name: row.name, metEveryYearText: row.metEveryYear.text,
                                metEveryYearNames: row.metEveryYearNames, metInReportYearText: row.metInReportYear.text,
                                changeText: row.averageChange.text, changeCountText: row.changeCountText, flagText: row.flagText)
        })
    }
}
