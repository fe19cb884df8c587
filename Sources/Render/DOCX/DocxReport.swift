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

    /// The values a Word template sees for a model.
    public static func view(for model: ReportModel) throws -> DocxView {
        try DocxViewBuilder(report: ReportPresenter(model: model).present()).build()
    }

    /// The document's bytes.
    /// - Throws: `WordTemplateError` (Vietnamese, naming the file, tag, paragraph and row).
    public static func render(model: ReportModel, template: WordTemplate) throws -> [UInt8] {
        let view = try view(for: model)
        // Every chart the view holds; the engine places those whose {{chart}} the template has.
        return try template.render(view, charts: view.indicators.map(\.chart) + view.trends.map(\.chart))
    }
}
