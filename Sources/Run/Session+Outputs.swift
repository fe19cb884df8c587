import Core
import Foundation
import Model
import Render
import Storage

/// Which outputs a run must render: each output file's inputs are fingerprinted, and an output
/// whose fingerprint the previous manifest records, still on disk with its size, is left alone.
extension Session {
    /// The fingerprint of what every output is made from, its template aside: the settings,
    /// the report's date, what the store holds for the report's years (`Store.state`) and every
    /// finding. Two runs with the same give the same model and the same findings.
    public func reportInputs(store: Store, issues: [Issue], documentDate: String) throws -> String {
        let years = config.report.years(reportYear: config.year)
        return RunFingerprint.digest(["xhht report 1", settingsSHA256, documentDate]
            + (try store.state(years: years, withUnits: config.report != .annual)) + [RunFingerprint.issues(issues)])
    }

    /// Each output file's fingerprint: `reportInputs`, its name and its template (the HTML
    /// templates' folder for the page, the Word template for the DOCX and the PDF made from it).
    func outputInputs(_ reportInputs: String, kind: ReportKind) -> [String: String] {
        let templates = URL(fileURLWithPath: config.paths.templates)
        let html = RunFingerprint.folder(TemplateSet.defaultFolder(templatesRoot: templates))
        let docx = RunFingerprint.fileSHA256(DocxReport.templateURL(templatesRoot: templates, kind: kind).path) ?? "none"
        let template: [String: String] = [HTMLReport.fileName: html, DocxReport.fileName: docx, Session.pdfFileName: docx]
        var out: [String: String] = [:]
        for file in Session.outputFileNames {
            out[file] = RunFingerprint.digest(["xhht output 1", reportInputs, file, template[file] ?? ""])
        }
        return out
    }

    /// A letter's fingerprint (`phan-hoi/917-quan-o-mon.docx`): `reportInputs`, its path and the
    /// letters' templates. Recorded in the manifest like the others' but never used to skip: the
    /// set of letters changes with the findings, so every run that renders writes them all (a
    /// letter whose bytes did not change is not rewritten).
    ///
    /// `templates` is `letterTemplates()`, read once per run (a national season has thousands
    /// of letters).
    func letterInput(_ reportInputs: String, file: String, templates: [String]) -> String {
        RunFingerprint.digest(["xhht output 1", reportInputs, file] + templates)
    }

    /// The fingerprints of the letters' templates: the HTML folder and phan-hoi.docx.
    func letterTemplates() -> [String] {
        let templates = URL(fileURLWithPath: config.paths.templates)
        return [RunFingerprint.folder(TemplateSet.defaultFolder(templatesRoot: templates)),
                RunFingerprint.fileSHA256(UnitLetters.docxTemplateURL(templatesRoot: templates).path) ?? "none"]
    }

    /// The previous outputs that need no render: those whose recorded fingerprint is the
    /// expected one and that are still there with their size, kept only when every file of
    /// their kind is (a kind renders whole).
    func unchangedOutputs(previous: [RunManifest.FileEntry], expected: [String: String]) -> [RunManifest.FileEntry] {
        let fresh = previous.filter { entry in
            entry.input != nil && entry.input == expected[entry.file] && outputsPresent([entry])
        }
        let freshFiles = Set(fresh.map(\.file))
        let stale = previous.filter { !freshFiles.contains($0.file) }.map(\.file)
        // A kind is skipped when its first file is fresh and none of its files is stale (csv:
        // indicators.csv, and trends.csv in a review year).
        let skippedKinds = Set(config.outputs.filter { kind in
            (Session.outputKindFiles[kind].map { freshFiles.contains($0) } ?? false)
                && !stale.contains { Session.outputKinds($0).contains(kind) }
        })
        return fresh.filter { entry in Session.outputKinds(entry.file).contains { skippedKinds.contains($0) } }
    }

    static let pdfFileName = "bao-cao.pdf"
    static let issuesFileName = "issues.csv"

    /// The first file each output kind writes.
    static let outputKindFiles: [String: String] = [
        "html": HTMLReport.fileName, "docx": DocxReport.fileName, "csv": IndicatorsCSV.fileName, "trends": TrendsCSV.fileName,
        "json": ReportJSON.fileName, "xlsx": SummaryWorkbook.fileName, "issues": issuesFileName, "pdf": pdfFileName,
    ]

    static let outputFileNames = Set(outputKindFiles.values)

    /// The kinds that write `file` (trends.csv: `csv` in a review year, or `trends`).
    static func outputKinds(_ file: String) -> [String] {
        file == TrendsCSV.fileName ? ["csv", "trends"] : outputKindFiles.filter { $0.value == file }.map(\.key)
    }

    /// Where `file` comes in the order `ReportOutputs.write` then the PDF write them: the
    /// kinds in pipeline.yml's order, then trends.csv, issues.csv and bao-cao.pdf.
    static func outputRank(_ file: String, kinds: [String]) -> Int {
        switch file {
        case TrendsCSV.fileName: kinds.count
        case issuesFileName: kinds.count + 1
        case pdfFileName: kinds.count + 2
        default: outputKinds(file).compactMap { kinds.firstIndex(of: $0) }.min() ?? kinds.count + 3
        }
    }
}
