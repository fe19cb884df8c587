import Foundation
import Model
import Presentation
import WordTemplate

/// The letters back to each sending unit (issue 18): `Output/<year>/phan-hoi/`, one
/// `<code>-<slug>.docx` and one `.html` per letter, from `Templates/docx/phan-hoi.docx` and
/// `Templates/html/phan-hoi.mustache` (the keys of `LetterView`, Templates/README.md).
///
///     let files = try UnitLetters.render(UnitLetters.letters(model: model, letters: set), html: templates, docx: template)
///     // [("917-quan-o-mon.docx", …), ("917-quan-o-mon.html", …), …], by name
///     // the caller replaces the folder as a whole (AtomicFolder)
///
/// A pure function of the model, the letter set and the templates: the same inputs and
/// `--date` give the same bytes. What a letter says is `LetterPresenter`'s.
public enum UnitLetters {
    /// The HTML template's name in the template set, and the Word template's file name.
    public static let htmlTemplateName = "phan-hoi"
    public static let docxTemplateFileName = "phan-hoi.docx"

    /// `<templatesRoot>/docx/phan-hoi.docx`, beside the report's.
    public static func docxTemplateURL(templatesRoot: URL) -> URL {
        templatesRoot.appendingPathComponent("docx", isDirectory: true).appendingPathComponent(docxTemplateFileName)
    }

    /// The presented letters.
    public static func letters(model: ReportModel, letters: LetterSet) -> [PresentedLetter] {
        LetterPresenter(model: model, letters: letters).letters()
    }

    /// Every letter's files, sorted by name: a `.docx` when `docx` is given, an `.html` when
    /// `html` holds the `phan-hoi` template.
    /// - Throws: `WordTemplateError`, `TemplateError` (Vietnamese, naming the template).
    public static func render(_ letters: [PresentedLetter], html: TemplateSet?, docx: WordTemplate?) throws -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        let page = html.flatMap { $0.names.contains(htmlTemplateName) ? $0 : nil }
        for letter in letters {
            let view = LetterView(letter)
            if let docx { files.append(("\(letter.fileStem).docx", try docx.render(view))) }
            if let page { files.append(("\(letter.fileStem).html", Array(try page.render(view, template: htmlTemplateName).utf8))) }
        }
        return files.sorted { $0.name < $1.name }
    }
}
