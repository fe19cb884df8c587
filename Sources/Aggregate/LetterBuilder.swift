import Core
import Foundation
import Model
import Units

/// Decides who gets a letter back and what it holds (issue 18): pure, from the report model
/// and the season's current submissions.
///
/// The sending units are the root's children (the districts of a province before the 1 July
/// 2025 reform, its communes after; the provinces of a national roll-up), the level the
/// coverage counts as reporting or missing. A finding belongs to the unit that sent its file
/// (the store's `unit_code` of the submission), whichever unit its row names: a ward of Bình
/// Thủy copied into Ô Môn's workbook is Ô Môn's to delete. A finding about no file belongs to
/// the sending unit its unit code falls under (a district that sent nothing).
///
///     let set = LetterBuilder.build(model: model, submissions: current, resend: .withinDays(7))
///     // Ô Môn (917) sent mau-2024-917-o-mon.xlsx with 4 findings: a feedback letter
///     // Ninh Kiều (916) sent a clean file: no letter, in set.clean
///     // a unit with no submission: a reminder
///     // a file whose sender was not recognised: in set.unaddressed, under its name
public enum LetterBuilder {
    /// - Parameters:
    ///   - submissions: the year's latest submissions (not superseded): those in force, and
    ///     those withdrawn (`isCurrent` false: their unit sent nothing this season, but the
    ///     withdrawal's warning is about their file); `unitCode` "" for a file whose sending
    ///     unit was not recognised.
    ///   - resend: pipeline.yml `letters`; days count from the model's document date.
    public static func build(model: ReportModel, submissions: [LetterSubmission], resend: ResendDate, deadline: String? = nil) -> LetterSet {
        let rootCode = model.root.code
        var byCode: [String: ReportUnit] = [:]
        for unit in model.units { byCode[unit.code] = unit }
        let senders = model.units.filter { $0.parentCode == rootCode }
        /// The sending unit a code is, or falls under; nil for the root, or a code the report does not know.
        func sender(of code: String) -> String? {
            var current = byCode[code]
            while let unit = current, unit.parentCode != rootCode { current = unit.parentCode.flatMap { byCode[$0] } }
            return current?.code
        }
        var filesOf: [String: [LetterSubmission]] = [:]
        var ownerOfFile: [String: String] = [:]
        for submission in submissions {
            guard let owner = sender(of: submission.unitCode) else { continue }
            if submission.isCurrent { filesOf[owner, default: []].append(submission) }
            ownerOfFile[submission.file] = owner
        }
        func owner(file: String, unit: String) -> String? {
            file.isEmpty ? sender(of: unit) : ownerOfFile[file]
        }
        var issuesOf: [String: [Issue]] = [:]
        var omittedOf: [String: [OmittedIssues]] = [:]
        var unaddressed: [String: Int] = [:]
        for issue in model.quality.issues {
            if let code = owner(file: issue.provenance.file, unit: issue.unit) {
                issuesOf[code, default: []].append(issue)
            } else {
                unaddressed[issue.provenance.file, default: 0] += 1
            }
        }
        for group in model.quality.omitted {
            // An omitted group about no file has no unit to follow: it stays unaddressed.
            if !group.file.isEmpty, let code = ownerOfFile[group.file] {
                omittedOf[code, default: []].append(group)
            } else {
                unaddressed[group.file, default: 0] += group.count
            }
        }
        var letters: [UnitLetter] = []
        var clean: [String] = []
        for unit in senders {
            let files = (filesOf[unit.code] ?? []).sorted { $0.file < $1.file }
            let issues = issuesOf[unit.code] ?? [], omitted = omittedOf[unit.code] ?? []
            if !files.isEmpty, issues.isEmpty, omitted.isEmpty {
                clean.append(unit.code)
                continue
            }
            letters.append(UnitLetter(kind: files.isEmpty ? .reminder : .feedback, unitCode: unit.code, unitName: unit.name,
                                      unitLevel: unit.level, fileStem: fileStem(code: unit.code, name: unit.name),
                                      submissions: files, issues: issues, omitted: omitted))
        }
        // Files by name; findings about no file last.
        let files = unaddressed.keys.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        return LetterSet(resendBy: resendDate(resend, documentDate: model.metadata.documentDate), deadline: deadline,
                         letters: letters, clean: clean,
                         unaddressed: files.map { UnaddressedFindings(file: $0, count: unaddressed[$0] ?? 0) })
    }

    /// "917-quan-o-mon": the code, then the name folded to ASCII (`Folding.slug`, as the
    /// submission form's file names).
    public static func fileStem(code: String, name: String) -> String {
        let slug = Folding.slug(name)
        return slug.isEmpty ? code : "\(code)-\(slug)"
    }

    /// The date to send again by, ISO: `on` as given; `withinDays` after the document date
    /// ("" when the document has no date: the letters then leave the day to be written by hand).
    ///
    ///     LetterBuilder.resendDate(.withinDays(7), documentDate: "2024-12-05")   // "2024-12-12"
    ///     LetterBuilder.resendDate(.withinDays(7), documentDate: "2024-12-28")   // "2025-01-04"
    public static func resendDate(_ resend: ResendDate, documentDate: String) -> String {
        switch resend {
        case .on(let date): return date
        case .withinDays(let days):
            // Civil dates in UTC: a day added is a day on paper, whatever the machine's zone.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = documentDate.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3,
                  let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                  let end = calendar.date(byAdding: .day, value: days, to: start) else { return "" }
            let c = calendar.dateComponents([.year, .month, .day], from: end)
            return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
        }
    }
}
