import Crypto
import Foundation
import Rollup

/// Writes the outputs pipeline.yml asks for from the one report model, each atomically and only
/// when its bytes changed:
///
/// | output kind | file |
/// |---|---|
/// | html | `bao-cao.html` (the report to read and share) |
/// | csv | `indicators.csv` (one row per unit and indicator, DESIGN.md's contract) |
/// | json | `report.json` (the model itself, for other tools) |
/// | issues | `issues.csv` (every finding with file, sheet, cell; streamed, `IssuesCSV.write`) |
///
/// `docx` and `xlsx` are accepted in pipeline.yml for the next stage of the product and are
/// skipped with a note until their renderers exist; the manifest is written by the caller,
/// which knows the inputs and timings.
public enum ReportOutputs {
    /// One file written (or left as it was).
    public struct Written: Sendable, Hashable {
        public var url: URL
        public var sha256: String
        public var bytes: Int
        public var changed: Bool
    }

    /// Renders every output first, then writes: a template error leaves all previous outputs as
    /// they were.
    public static func write(model: ReportModel, issues: [Issue], kinds: [String], templates: URL, to folder: URL) throws -> [Written] {
        var rendered: [(String, [UInt8])] = []
        var writesIssues = false
        for kind in kinds {
            switch kind {
            case "html":
                let set = try TemplateSet.load(from: TemplateSet.defaultFolder(templatesRoot: templates))
                rendered.append((HTMLReport.fileName, Array(try HTMLReport.render(model: model, templates: set).utf8)))
            case "csv":
                rendered.append((IndicatorsCSV.fileName, IndicatorsCSV.bytes(model)))
            case "json":
                rendered.append((ReportJSON.fileName, Array(try ReportJSON.data(model, pretty: true))))
            case "issues":
                writesIssues = true  // streamed once the others are rendered: every finding, never all in memory
            default:
                continue
            }
        }
        var written = try rendered.map { name, bytes in
            let url = folder.appendingPathComponent(name)
            let changed = try AtomicFile.write(bytes, to: url)
            return Written(url: url, sha256: SHA256.hex(bytes), bytes: bytes.count, changed: changed)
        }
        if writesIssues {
            let url = folder.appendingPathComponent("issues.csv")
            let csv = try IssuesCSV.write(issues, to: url)
            written.append(Written(url: url, sha256: csv.sha256, bytes: csv.bytes, changed: csv.changed))
        }
        return written
    }

    /// Output kinds pipeline.yml may name that this version does not write yet.
    public static let notYetWritten: Set<String> = ["docx", "xlsx"]
}
