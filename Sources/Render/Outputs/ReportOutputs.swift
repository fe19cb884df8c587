import Core
import Crypto
import Foundation
import Model
import Presentation
import WordTemplate

/// Writes the outputs pipeline.yml asks for from the one report model, each atomically and only
/// when its bytes changed:
///
/// | output kind | file |
/// |---|---|
/// | docx | `bao-cao.docx` (the official report, from `Templates/docx/bao-cao.docx`, or a review's own template) |
/// | html | `bao-cao.html` (the report to read and share) |
/// | csv | `indicators.csv` (one row per unit and indicator, DESIGN.md's contract); in a review year also `trends.csv` |
/// | trends | `trends.csv` (review years: one row per unit, indicator and year, `TrendsCSV`); nothing in an annual year |
/// | json | `report.json` (what the report shows, for other tools: results as tables, sources by reference; `ReportJSON`) |
/// | issues | `issues.csv` (every finding with file, sheet, cell; streamed, `IssuesCSV.write`) |
/// | xlsx | `bieu-tong-hop.xlsx` (every unit's indicators, a sheet per level: `SummaryWorkbook`) |
/// | letters | `phan-hoi/<code>-<slug>.docx` and `.html` (a letter back to each sending unit with findings or nothing sent: `UnitLetters`), the folder replaced as a whole; their table in the appendix of the page and the Word report |
///
/// `pdf` (bao-cao.pdf, the DOCX converted by LibreOffice) is written by the session after
/// these, since it runs a program (Run's `OfficePDF`).
///
/// The manifest is written by the caller, which knows the inputs and timings.
public enum ReportOutputs {
    /// One file written (or left as it was).
    public struct Written: Sendable, Hashable {
        public var url: URL
        public var sha256: String
        public var bytes: Int
        public var changed: Bool

        public init(url: URL, sha256: String, bytes: Int, changed: Bool) {
            self.url = url
            self.sha256 = sha256
            self.bytes = bytes
            self.changed = changed
        }
    }

    /// Renders every output first, then writes: a template error (`TemplateError`,
    /// `WordTemplateError`) leaves all previous outputs as they were.
    ///
    /// - Parameter letters: the letters back to each unit (`LetterBuilder`), written with
    ///   `letters` in `kinds`; nil writes none.
    public static func write(model: ReportModel, issues: [Issue], kinds: [String], templates: URL, to folder: URL,
                             letters: LetterSet? = nil) throws -> [Written] {
        var rendered: [(String, [UInt8])] = []
        var writesIssues = false
        // trends.csv is a CSV output of a review year: on with `csv` (the default outputs) or
        // alone with `trends`, written once.
        var writesTrends = false
        // The page, the Word report and the workbook print the same presented report: present
        // it once for all of them (a national model's matrix is the costly part).
        var presentedReport: PresentedReport?
        let lettersAsked = kinds.contains("letters") ? letters : nil
        func presented() -> PresentedReport {
            if let presentedReport { return presentedReport }
            // The matrix cells' source texts are the page's tooltips: presented only for it.
            var report = ReportPresenter(model: model, matrixSources: kinds.contains("html")).present()
            // The appendix lists the letters only when they are written.
            if let letters = lettersAsked { report.quality.letters = LetterPresenter(model: model, letters: letters).summary() }
            presentedReport = report
            return report
        }
        var letterFiles: [(name: String, bytes: [UInt8])]?
        for kind in kinds {
            switch kind {
            case "html":
                let set = try TemplateSet.load(from: TemplateSet.defaultFolder(templatesRoot: templates))
                rendered.append((HTMLReport.fileName, Array(try HTMLReport.render(page: HTMLReport.page(for: presented()), templates: set).utf8)))
            case "docx":
                // A Templates folder from before the Word report has no docx/: the run says so
                // (Session) and writes the rest, as it did when docx was not written at all.
                let path = DocxReport.templateURL(templatesRoot: templates, kind: model.metadata.kind).path
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let template = try WordTemplate(path: path)
                rendered.append((DocxReport.fileName, try DocxReport.render(report: presented(), template: template)))
            case "csv":
                rendered.append((IndicatorsCSV.fileName, IndicatorsCSV.bytes(model)))
                writesTrends = true
            case "trends":
                writesTrends = true
            case "json":
                rendered.append((ReportJSON.fileName, try ReportJSON.bytes(model)))
            case "xlsx":
                rendered.append((SummaryWorkbook.fileName, try SummaryWorkbook.bytes(model: model, report: presented())))
            case "letters":
                guard let lettersAsked else { continue }
                let html = try TemplateSet.load(from: TemplateSet.defaultFolder(templatesRoot: templates))
                let docxPath = UnitLetters.docxTemplateURL(templatesRoot: templates).path
                // A Templates folder from before the letters: what it can print is written (Session says what is not).
                let docx = FileManager.default.fileExists(atPath: docxPath) ? try WordTemplate(path: docxPath) : nil
                letterFiles = try UnitLetters.render(UnitLetters.letters(model: model, letters: lettersAsked), html: html, docx: docx)
            case "issues":
                writesIssues = true  // streamed once the others are rendered: every finding, never all in memory
            default:
                continue
            }
        }
        if writesTrends, let trends = TrendsCSV.bytes(model) { rendered.append((TrendsCSV.fileName, trends)) }
        var written = try rendered.map { name, bytes in
            let url = folder.appendingPathComponent(name)
            let changed = try AtomicFile.write(bytes, to: url)
            return Written(url: url, sha256: SHA256.hex(bytes), bytes: bytes.count, changed: changed)
        }
        if let letterFiles {
            let letterFolder = folder.appendingPathComponent(LetterPresenter.folderName, isDirectory: true)
            let changed = try AtomicFolder.replace(letterFolder, with: letterFiles)
            written += letterFiles.map { file in
                Written(url: letterFolder.appendingPathComponent(file.name), sha256: SHA256.hex(file.bytes), bytes: file.bytes.count, changed: changed)
            }
        }
        if writesIssues {
            let url = folder.appendingPathComponent("issues.csv")
            let csv = try IssuesCSV.write(issues, to: url)
            written.append(Written(url: url, sha256: csv.sha256, bytes: csv.bytes, changed: csv.changed))
        }
        return written
    }

    /// Output kinds pipeline.yml may name that this version does not write yet (none now;
    /// the session still notes any, so a kind accepted before its renderer exists is said).
    public static let notYetWritten: Set<String> = []
}
