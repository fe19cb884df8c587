import Foundation

extension Store {
    /// `importSubmission(file:sha256:unitCode:year:received:facts:issues:)` for the accepted rows
    /// of one workbook, as validation hands them over.
    public func importSubmission(file: String, sha256: String, unitCode: String, year: Int, received: Date,
                                 records: [NormalizedRecord], issues: [Issue]) throws -> ImportOutcome {
        var facts: [Fact] = []
        facts.reserveCapacity(records.reduce(0) { $0 + $1.slots.count })
        for record in records { record.appendFacts(year: year, to: &facts) }
        return try importSubmission(file: file, sha256: sha256, unitCode: unitCode, year: year, received: received,
                                    facts: facts, issues: issues)
    }
}
