import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

/// A template as a real tool writes it: python-docx's own default document (styles, theme,
/// settings, fonts, core properties), with a tag typed in two runs whose second half is bold,
/// a row loop and a header. The output is read back by python-docx, and validated by the
/// schema kit where the machine has it.
@Suite("Word templates: a template made with python-docx")
struct PythonDocxTests {
    static let make = """
        import sys, docx
        d = docx.Document()
        d.add_heading("Báo cáo xã hội học tập", 1)
        p = d.add_paragraph("Tỉnh ")
        p.add_run("{{ti")
        p.add_run("nh}}").bold = True
        p.add_run(" năm {{nam}}.")
        t = d.add_table(rows=2, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Huyện"; t.cell(0, 1).text = "Tỷ lệ"
        t.cell(1, 0).text = "{{#huyen}}{{ten}}"; t.cell(1, 1).text = "{{ty_le}}{{/huyen}}"
        d.add_paragraph("{{#ghi_chu}}")
        d.add_paragraph("Ghi chú: {{.}}")
        d.add_paragraph("{{/ghi_chu}}")
        d.sections[0].header.paragraphs[0].text = "UBND tỉnh {{tinh}}"
        d.save(sys.argv[1])
        """

    static let read = """
        import sys, docx
        d = docx.Document(sys.argv[1])
        for p in d.paragraphs: print("P|" + p.text)
        for row in d.tables[0].rows: print("R|" + "|".join(c.text for c in row.cells))
        print("H|" + d.sections[0].header.paragraphs[0].text)
        for p in d.paragraphs:
            for r in p.runs:
                if "Cần Thơ" in r.text: print("B|" + str(r.bold))
        """

    @Test(.enabled(if: Tools.python != nil && Tools.hasPythonDocx, "skipped: needs python3 with python-docx (pip install python-docx)"))
    func aPythonDocxTemplateRendersAndReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wordtemplate-py-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let templatePath = folder.appendingPathComponent("mau.docx").path
        let outputPath = folder.appendingPathComponent("bao-cao.docx").path
        _ = try Tools.python(Self.make, [templatePath])

        let template = try WordTemplate(path: templatePath)
        #expect(template.templatedParts.contains("word/document.xml"))
        let context: [String: Any] = [
            "tinh": "Cần Thơ", "nam": 2025, "ghi_chu": ["Số liệu tạm tính.", "A & B < C"],
            "huyen": [["ten": "Cờ Đỏ", "ty_le": "1.110/1.998"], ["ten": "Ô Môn", "ty_le": "5/9"]],
        ]
        try template.write(context, to: outputPath)

        let lines = try Tools.python(Self.read, [outputPath]).split(separator: "\n").map(String.init)
        #expect(lines.contains("P|Tỉnh Cần Thơ năm 2025."))
        #expect(lines.contains("P|Ghi chú: Số liệu tạm tính."))
        #expect(lines.contains("P|Ghi chú: A & B < C"))
        #expect(!lines.contains { $0.contains("{{") })
        #expect(lines.filter { $0.hasPrefix("R|") } == ["R|Huyện|Tỷ lệ", "R|Cờ Đỏ|1.110/1.998", "R|Ô Môn|5/9"])
        #expect(lines.contains("H|UBND tỉnh Cần Thơ"))
        // The value took the first run's formatting (not bold), not the bold second half's.
        #expect(lines.contains("B|None"))
        // No paragraph left behind by the paragraph loop's tags.
        #expect(!lines.contains("P|"))

        // Parts without tags are the template's bytes.
        let before = try ZipContainer(path: templatePath), after = try ZipContainer(path: outputPath)
        #expect(after.partNames == before.partNames)
        for part in before.partNames where !template.templatedParts.contains(part) {
            #expect(try after.readPart(part) == before.readPart(part), "\(part)")
        }
        // The parts the engine wrote validate. (python-docx's own settings.xml does not: its
        // `w:zoom` lacks `w:percent`; that part is copied as it is, so the whole file cannot pass.)
        if Tools.hasValidator {
            let output = try Tools.validate(outputPath).output
            for part in template.templatedParts {
                #expect(output.contains("OK   \(part)\n"), "\(output)")
            }
        }
    }
}
