import Foundation
import Presentation
import Model

/// The HTML report: one self-contained page (inline CSS, SVG and script, nothing fetched), in
/// Vietnamese, following the layout of Nghị định 30/2020/NĐ-CP, rendered with the Mustache
/// templates of `Templates/html/`.
///
///     let templates = try TemplateSet.load(from: TemplateSet.defaultFolder(templatesRoot: templatesURL))
///     let html = try HTMLReport.render(model: model, templates: templates)
///     // the caller writes it atomically to Output/<year>/bao-cao.html (HTMLReport.fileName)
///
/// Rendering is a pure function of the model and the templates: the same inputs give the same
/// bytes. The text is in Unicode NFC, the form Vietnamese text is expected in.
public enum HTMLReport {
    /// The page's file name in `Output/<year>/`.
    public static let fileName = "bao-cao.html"

    /// `Output/<year>/bao-cao.html` under an output folder.
    public static func outputURL(outputFolder: URL, year: Int) -> URL {
        outputFolder.appendingPathComponent(String(year), isDirectory: true).appendingPathComponent(fileName)
    }

    /// Renders the report model with the templates: the whole page as one string.
    public static func render(model: ReportModel, templates: TemplateSet) throws -> String {
        try render(page: page(for: model), templates: templates)
    }

    /// The view the templates see for a model (the keys of Templates/README.md): the model
    /// presented (`ReportPresenter`), then mapped to the page.
    public static func page(for model: ReportModel) -> PageView {
        page(for: ReportPresenter(model: model).present())
    }

    /// The view the templates see for a presented report.
    public static func page(for report: PresentedReport) -> PageView {
        PageBuilder(report: report).build()
    }

    /// Renders a prepared view (the keys of Templates/README.md). The view's strings are NFC
    /// (`ReportPresenter` normalizes every value from the input) and so are the templates (a test
    /// checks them), so the page is NFC without normalizing megabytes at the end.
    public static func render(page: PageView, templates: TemplateSet) throws -> String {
        try templates.render(page)
    }
}
