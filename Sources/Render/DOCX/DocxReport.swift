import Foundation
import Model
import Presentation
import WordTemplate

/// The official report as a Word document: `Output/<year>/bao-cao.docx`, rendered from the
/// template `Templates/docx/bao-cao.docx` (a .docx a statistician edits in Word, with the
/// Mustache tags and keys of Templates/README.md) and the presented report.
///
///     let template = try WordTemplate(path: DocxReport.templateURL(templatesRoot: templates).path)
///     let bytes = try DocxReport.render(model: model, template: template)   // with its charts
///     // the caller writes the bytes atomically to Output/<year>/bao-cao.docx (DocxReport.fileName)
///
/// Every word and number comes from `ReportPresenter`, as for the HTML page, so the two cannot
/// disagree; the engine (module WordTemplate) XML-escapes every value and keeps the parts
/// without tags byte for byte. Rendering is a pure function of the model and the template:
/// the same inputs and `--date` give the same bytes.
public enum DocxReport {
    /// The document's file name in `Output/<year>/`.
    public static let fileName = "bao-cao.docx"

    /// `<templatesRoot>/docx/bao-cao.docx`: beside the HTML templates (`paths.templates`).
    public static func templateURL(templatesRoot: URL) -> URL {
        templatesRoot.appendingPathComponent("docx", isDirectory: true).appendingPathComponent(fileName)
    }

    /// The template of a report kind: a review's own (`bao-cao-so-ket.docx` for sơ kết
    /// 2023-2025, `bao-cao-tong-ket.docx` for tổng kết 2023-2030) when `docx/` has one, else
    /// `bao-cao.docx`, which prints every kind (its part III shows only in a review year). The
    /// document written is `bao-cao.docx` whichever template filled it.
    ///
    ///     DocxReport.templateURL(templatesRoot: templates, kind: .review2023To2025)
    ///     // Templates/docx/bao-cao-so-ket.docx if it exists, else Templates/docx/bao-cao.docx
    public static func templateURL(templatesRoot: URL, kind: ReportKind) -> URL {
        if let name = kindTemplateName(kind) {
            let url = templatesRoot.appendingPathComponent("docx", isDirectory: true).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return templateURL(templatesRoot: templatesRoot)
    }

    /// The file name of a kind's own template; nil for the annual report (bao-cao.docx).
    public static func kindTemplateName(_ kind: ReportKind) -> String? {
        switch kind {
        case .annual: nil
        case .review2023To2025: "bao-cao-so-ket.docx"
        case .review2023To2030: "bao-cao-tong-ket.docx"
        }
    }

    /// The values a Word template sees for a model (the matrix cells' `source`, the page's
    /// tooltip, is empty: paper has no tooltip, and it was a quarter of a national render).
    public static func view(for model: ReportModel) throws -> DocxView {
        try DocxViewBuilder(report: ReportPresenter(model: model, matrixSources: false).present()).build()
    }

    /// The document's bytes.
    /// - Throws: `WordTemplateError` (Vietnamese, naming the file, tag, paragraph and row).
    public static func render(model: ReportModel, template: WordTemplate) throws -> [UInt8] {
        try render(report: ReportPresenter(model: model, matrixSources: false).present(), template: template)
    }

    /// The document's bytes for a report already presented (the outputs of one run share it).
    public static func render(report: PresentedReport, template: WordTemplate) throws -> [UInt8] {
        let view = try DocxViewBuilder(report: report).build()
        // Every chart the view holds; the engine places those whose {{chart}} the template has.
        return try template.render(view, charts: view.indicators.map(\.chart) + view.trends.map(\.chart))
    }
}
