import Aggregate
import Core
import Foundation
import Model
import OfficeXML
import Presentation
@testable import Render
import Testing
import WordTemplate

/// The letters back to each unit (issue 18), from the hand-made Cần Thơ model with findings
/// planted in two districts' files, in a file whose sender is unknown, about a district that
/// sent nothing and about no file: who gets a letter, what it holds, its files, the folder
/// replaced as a whole, and the appendix's table of them.
@Suite struct LetterTests {
    static let oMon = "mau-2024-917-o-mon.xlsx", binhThuy = "mau-2024-918-binh-thuy.xlsx", unknown = "khong-ro.xlsx"

    static let planted: [Core.Issue] = [
        RuleID.negativeCount.issue(Provenance(file: oMon, sheet: "Cấp xã", cell: "H9"), unit: "91704", field: "dong_ho_dat", value: "-5",
                                   "Ô H9 (cột \"Dòng họ học tập > Số dòng họ đạt\", Phường Long Hưng): số âm -5; số đếm không thể nhỏ hơn 0."),
        // A ward of Bình Thủy in Ô Môn's workbook: Ô Môn's to fix, whichever unit the row names.
        RuleID.wrongDistrict.issue(Provenance(file: oMon, sheet: "Cấp xã", cell: "C12"), unit: "91801",
                                   "Ô C12: Phường Bình Thủy (91801) thuộc Quận Bình Thủy, không thuộc Quận Ô Môn."),
        RuleID.numeratorAboveDenominator.issue(Provenance(file: binhThuy, sheet: "Cấp xã", cell: "J16"), unit: "91803", field: "cdht_thon_dat",
                                               value: "10", "Ô J16: ghi 10, lớn hơn tổng số ở ô I16 là 8."),
        RuleID.unitUnknown.issue(Provenance(file: unknown, sheet: "Cấp xã", cell: "B9"), unit: "X. Mỹ Khánh A", value: "X. Mỹ Khánh A",
                                 "Ô B9: không tìm thấy đơn vị \"X. Mỹ Khánh A\" trong danh mục."),
        RuleID.districtNotReceived.issue(Provenance(file: ""), unit: "925", "Chưa nhận được số liệu của Huyện Cờ Đỏ (925)."),
        RuleID.inputSubfolder.issue(Provenance(file: ""), "Thư mục con cu/ trong thư mục đầu vào không được đọc."),
    ]

    /// The fixture with the planted findings (and 30 more of Ô Môn's H9 kind cut short), dated 2024-12-05.
    static func model() -> ReportModel {
        var model = RenderFixtures.canTho()
        model.metadata.documentDate = "2024-12-05"
        model.quality.issues = planted
        model.quality.omitted = [OmittedIssues(file: oMon, rule: RuleID.negativeCount.rawValue, severity: .error, firstCell: "H9", count: 30)]
        return model
    }

    /// Every district sent its workbook but Cờ Đỏ (925); one more file's sender is unknown.
    static func submissions(without: Set<String> = ["925"]) -> [LetterSubmission] {
        let model = RenderFixtures.canTho()
        var out = model.units.filter { $0.parentCode == model.root.code && !without.contains($0.code) }.map {
            LetterSubmission(file: "mau-2024-\($0.code).xlsx", sha256: String(repeating: "ab", count: 32), unitCode: $0.code, received: "2024-11-28")
        }
        for i in out.indices where out[i].unitCode == "917" { out[i].file = oMon }
        for i in out.indices where out[i].unitCode == "918" { out[i].file = binhThuy }
        out.append(LetterSubmission(file: unknown, sha256: String(repeating: "cd", count: 32), unitCode: "", received: "2024-11-29"))
        return out
    }

    static func set(_ model: ReportModel = model()) -> LetterSet {
        LetterBuilder.build(model: model, submissions: submissions(), resend: .withinDays(7), deadline: "2024-11-30")
    }

    @Test func eachUnitsLetterHoldsAllAndOnlyItsOwnFindings() throws {
        let set = Self.set()
        #expect(set.letters.map(\.unitCode) == ["917", "918", "925"])
        let oMon = try #require(set.letters.first { $0.unitCode == "917" })
        #expect(oMon.kind == .feedback)
        #expect(oMon.issues.map(\.provenance.cell) == ["H9", "C12"])
        #expect(oMon.issues.allSatisfy { $0.provenance.file == Self.oMon })
        #expect(oMon.omitted.map(\.count) == [30])
        #expect(oMon.findingCount == 32)
        #expect(oMon.submissions.map(\.file) == [Self.oMon])
        let binhThuy = try #require(set.letters.first { $0.unitCode == "918" })
        #expect(binhThuy.issues.map(\.provenance.cell) == ["J16"])
        // Every planted finding is in exactly one letter or in the unaddressed rows.
        let lettered = set.letters.reduce(0) { $0 + $1.issues.count }
        let unaddressed = set.unaddressed.reduce(0) { $0 + $1.count }
        #expect(lettered + unaddressed == Self.planted.count)
        #expect(set.unaddressed == [UnaddressedFindings(file: Self.unknown, count: 1), UnaddressedFindings(file: "", count: 1)])
        // And the presented letters print nothing of another unit's.
        let letters = LetterPresenter(model: Self.model(), letters: set).letters()
        let oMonText = letters[0].findings.map { "\($0.cell) \($0.value) \($0.problem)" }.joined(separator: "\n")
        #expect(oMonText.contains("H9 -5"))
        #expect(!oMonText.contains("J16") && !oMonText.contains("B9") && !oMonText.contains("Cờ Đỏ"))
        #expect(letters[0].omitted.count == 1 && letters[0].omitted[0].contains("Và 30 lỗi cùng loại khác"))
    }

    @Test func aUnitThatSentNothingGetsAReminderAndACleanUnitNoLetter() throws {
        let set = Self.set()
        let coDo = try #require(set.letters.first { $0.unitCode == "925" })
        #expect(coDo.kind == .reminder)
        #expect(coDo.submissions.isEmpty)
        #expect(coDo.issues.map(\.rule) == [RuleID.districtNotReceived.rawValue])
        #expect(set.clean == ["916", "919", "923", "924", "926", "927"])
        let letter = try #require(LetterPresenter(model: Self.model(), letters: set).letters().first { $0.unitCode == "925" })
        #expect(letter.subject == "V/v gửi số liệu xây dựng xã hội học tập năm 2024")
        #expect(letter.addressee == "Ủy ban nhân dân huyện Cờ Đỏ")
        #expect(letter.opening == "Đến ngày 5 tháng 12 năm 2024, chưa nhận được biểu số liệu xây dựng xã hội học tập năm 2024 của huyện Cờ Đỏ (hạn nộp ngày 30 tháng 11 năm 2024).")
        #expect(letter.request.hasSuffix("trước ngày 12 tháng 12 năm 2024."))
        // A unit with no finding and no file would still be reminded: a reminder needs no finding.
        let nobody = LetterBuilder.build(model: RenderFixtures.canTho(), submissions: [], resend: .standard)
        #expect(nobody.letters.count == 9 && nobody.letters.allSatisfy { $0.kind == .reminder } && nobody.clean.isEmpty)
    }

    @Test func aFeedbackLetterSaysWhatToFixAndByWhen() throws {
        let letter = try #require(LetterPresenter(model: Self.model(), letters: Self.set()).letters().first)
        #expect(letter.header.number == "Số: \u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/SGDĐT")
        #expect(letter.header.placeDate == "Cần Thơ, ngày 05 tháng 12 năm 2024")
        #expect(letter.subject == "V/v sửa và gửi lại số liệu xây dựng xã hội học tập năm 2024")
        #expect(letter.addressee == "Ủy ban nhân dân quận Ô Môn")
        #expect(letter.files.map(\.receivedText) == ["28/11/2024"])
        #expect(letter.files[0].shortSHA256 == String(repeating: "ab", count: 8))
        #expect(letter.findings.map(\.fix) == [FixWords.fix(rule: "negative-count"), FixWords.fix(rule: "wrong-district")])
        #expect(letter.findingsIntro.hasPrefix("Khi kiểm tra, phát hiện 32 vấn đề cần xem lại: 31 lỗi"))
        #expect(letter.resendByText == "ngày 12 tháng 12 năm 2024")
        // To the addressee and the file copy of the report's own "Lưu" line; the report's signer.
        #expect(letter.closing.recipients == ["- Như trên;", "- Lưu: VT, GDTX."])
        #expect(letter.closing == ReportPresenter(model: Self.model()).present().closing.with(recipients: letter.closing.recipients))
    }

    /// Cờ Đỏ's workbook was read last time and taken out since: the withdrawal's warning is
    /// about its file, and goes in Cờ Đỏ's reminder, not to the unaddressed rows.
    @Test func aWithdrawnWorkbooksWarningGoesToItsUnitsReminder() throws {
        var model = Self.model()
        let gone = "mau-2024-925-co-do.xlsx"
        model.quality.issues.append(RuleID.submissionWithdrawn.issue(Provenance(file: gone), unit: "925", "Tệp \(gone) không còn trong thư mục đầu vào."))
        let submissions = Self.submissions() + [LetterSubmission(file: gone, sha256: "", unitCode: "925", received: "2024-11-20", isCurrent: false)]
        let set = LetterBuilder.build(model: model, submissions: submissions, resend: .standard)
        let coDo = try #require(set.letters.first { $0.unitCode == "925" })
        #expect(coDo.kind == .reminder && coDo.submissions.isEmpty)
        #expect(coDo.issues.map(\.rule) == [RuleID.districtNotReceived.rawValue, RuleID.submissionWithdrawn.rawValue])
        #expect(set.unaddressed.map(\.file) == [Self.unknown, ""])
    }

    @Test func fileNamesAreTheCodeAndTheFoldedName() {
        #expect(Self.set().letters.map(\.fileStem) == ["917-quan-o-mon", "918-quan-binh-thuy", "925-huyen-co-do"])
        #expect(LetterBuilder.fileStem(code: "31117", name: "Phường Tân An") == "31117-phuong-tan-an")
        #expect(LetterBuilder.fileStem(code: "001", name: "Đặc khu  Côn Đảo!") == "001-dac-khu-con-dao")
    }

    static var templatesRoot: URL { RenderFixtures.templatesFolder.deletingLastPathComponent() }

    static func render(_ model: ReportModel = model(), _ set: LetterSet = set()) throws -> [(name: String, bytes: [UInt8])] {
        try UnitLetters.render(UnitLetters.letters(model: model, letters: set), html: RenderFixtures.templates(),
                               docx: WordTemplate(path: UnitLetters.docxTemplateURL(templatesRoot: templatesRoot).path))
    }

    static func documentXML(_ bytes: [UInt8]) throws -> String {
        String(decoding: try ZipContainer(bytes: bytes, name: "phan-hoi.docx").readPart("word/document.xml"), as: UTF8.self)
    }

    @Test func theShippedTemplatesPrintEachLetterTheSameEveryTime() throws {
        let files = try Self.render()
        #expect(files.map(\.name) == ["917-quan-o-mon.docx", "917-quan-o-mon.html", "918-quan-binh-thuy.docx", "918-quan-binh-thuy.html",
                                      "925-huyen-co-do.docx", "925-huyen-co-do.html"])
        let again = try Self.render()
        #expect(files.map(\.bytes) == again.map(\.bytes), "two renders of the same letters differ")
        let xml = try Self.documentXML(files[0].bytes)
        let html = String(decoding: files[1].bytes, as: UTF8.self)
        for text in ["Kính gửi: Ủy ban nhân dân quận Ô Môn", "V/v sửa và gửi lại số liệu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     ">H9<", ">-5<", ">C12<", Self.oMon, "ngày 12 tháng 12 năm 2024", "Nhập số không âm (0 trở lên).", "Như trên"] {
            #expect(xml.contains(text), "docx: \(text)")
            #expect(html.contains(text), "html: \(text)")
        }
        for other in ["J16", "B9", Self.binhThuy, Self.unknown] {
            #expect(!xml.contains(other) && !html.contains(other), "Ô Môn's letter shows \(other)")
        }
        #expect(!xml.contains("{{") && !html.contains("{{"))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<title>Phản hồi số liệu năm 2024 - Quận Ô Môn</title>"))
        let reminder = try Self.documentXML(files[4].bytes)
        #expect(reminder.contains("V/v gửi số liệu xây dựng xã hội học tập năm 2024") && !reminder.contains("Ngày nhận"))
    }

    @Test func theFolderIsReplacedWholeAndAStaleLetterDoesNotSurvive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-letters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let kinds = ["html", "docx", "letters"]
        let written = try ReportOutputs.write(model: Self.model(), issues: Self.planted, kinds: kinds, templates: Self.templatesRoot,
                                              to: folder, letters: Self.set())
        let letters = folder.appendingPathComponent("phan-hoi")
        #expect(try FileManager.default.contentsOfDirectory(atPath: letters.path).sorted().count == 6)
        let firstChanged = written.filter { $0.url.path.contains("/phan-hoi/") }.map(\.changed)
        #expect(firstChanged == Array(repeating: true, count: 6))
        // The same run again: nothing changes.
        let again = try ReportOutputs.write(model: Self.model(), issues: Self.planted, kinds: kinds, templates: Self.templatesRoot,
                                            to: folder, letters: Self.set())
        let againChanged = again.filter { $0.url.path.contains("/phan-hoi/") }.map(\.changed)
        #expect(againChanged == Array(repeating: false, count: 6))
        // Bình Thủy fixed its workbook; a file someone left in the folder goes too.
        try Data("cũ".utf8).write(to: letters.appendingPathComponent("999-cu.html"))
        var fixed = Self.model()
        fixed.quality.issues.removeAll { $0.provenance.file == Self.binhThuy }
        _ = try ReportOutputs.write(model: fixed, issues: fixed.quality.issues, kinds: kinds, templates: Self.templatesRoot,
                                    to: folder, letters: Self.set(fixed))
        let names = try FileManager.default.contentsOfDirectory(atPath: letters.path).sorted()
        #expect(names == ["917-quan-o-mon.docx", "917-quan-o-mon.html", "925-huyen-co-do.docx", "925-huyen-co-do.html"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(siblings.isEmpty, "temporary folders left: \(siblings)")
    }

    @Test func theAppendixListsEveryLetterOnThePageAndInTheWordReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-letters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = Self.set()
        _ = try ReportOutputs.write(model: Self.model(), issues: Self.planted, kinds: ["html", "docx", "letters"], templates: Self.templatesRoot,
                                    to: folder, letters: set)
        let page = try String(contentsOf: folder.appendingPathComponent("bao-cao.html"), encoding: .utf8)
        let docx = try Self.documentXML(Array(try Data(contentsOf: folder.appendingPathComponent("bao-cao.docx"))))
        let summary = LetterPresenter(model: Self.model(), letters: set).summary()
        #expect(summary.rows.count == 3 + 6 + 2)
        for letter in set.letters {
            let file = "phan-hoi/\(letter.fileStem).docx"
            #expect(page.contains(file) && docx.contains(file), "\(file) not in the appendix")
        }
        for text in ["Văn bản phản hồi gửi các đơn vị", "Nhắc nộp", "Không có sai sót", "Tệp \(Self.unknown) (không xác định được đơn vị gửi)",
                     "Không gắn với tệp nào"] {
            #expect(page.contains(text), "page: \(text)")
            #expect(docx.contains(text), "docx: \(text)")
        }
        #expect(!docx.contains("{{"))
        // Without `letters` in outputs the appendix says nothing of letters.
        let other = folder.appendingPathComponent("none")
        _ = try ReportOutputs.write(model: Self.model(), issues: Self.planted, kinds: ["html"], templates: Self.templatesRoot, to: other, letters: set)
        let plain = try String(contentsOf: other.appendingPathComponent("bao-cao.html"), encoding: .utf8)
        #expect(!plain.contains("Văn bản phản hồi gửi các đơn vị"))
        #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent("phan-hoi").path))
    }

    /// The value found travels wherever a finding is kept as JSON (report.json, a kept reading),
    /// and a finding without one encodes as it did before the key existed.
    @Test func aFindingsValueSurvivesJSONAndIsAbsentWhenEmpty() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let with = Self.planted[0], without = Self.planted[1]
        let text = String(decoding: try encoder.encode([with, without]), as: UTF8.self)
        #expect(text.contains("\"value\":\"-5\"") && text.components(separatedBy: "\"value\"").count == 2)
        #expect(try JSONDecoder().decode([Core.Issue].self, from: Data(text.utf8)) == [with, without])
    }

    @Test func everyRuleHasItsOwnFix() {
        for rule in RuleID.allCases {
            let fix = FixWords.fix(rule: rule.rawValue)
            #expect(fix != FixWords.general && fix.hasSuffix("."), "\(rule.rawValue): \(fix)")
        }
        #expect(FixWords.fix(rule: "a-rule-of-a-later-version") == FixWords.general)
    }
}

extension PresentedClosing {
    func with(recipients: [String]) -> PresentedClosing {
        var copy = self
        copy.recipients = recipients
        return copy
    }
}
