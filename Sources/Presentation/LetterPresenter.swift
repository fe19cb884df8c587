import Core
import Model
import OfficeXML

/// Turns the season's `LetterSet` into the letters every renderer prints (`PresentedLetter`)
/// and the appendix's table of them (`PresentedLetterSummary`). Pure and deterministic; the
/// header and the closing are the report's (`ReportPresenter.header`, `.closing`), so a letter
/// and the report it comes with are signed alike.
///
///     let presenter = LetterPresenter(model: model, letters: set)
///     presenter.letters()[0].addressee   // "Ủy ban nhân dân quận Ô Môn"
///     presenter.summary().rows.count     // letters + clean units + files no unit sent
///
/// Wording: a feedback letter asks the unit to fix what is listed and send the workbook again
/// by the resend date; a reminder says nothing was received and asks for it by the same date.
public struct LetterPresenter {
    /// The folder of `Output/<year>/` the letters are written to.
    public static let folderName = "phan-hoi"

    let model: ReportModel
    let set: LetterSet

    public init(model: ReportModel, letters: LetterSet) {
        self.model = model
        self.set = letters
    }

    /// "ngày 12 tháng 12 năm 2024"; the day and month blank when there is no date.
    var resendByText: String {
        guard let date = CalendarDate(iso: set.resendBy) else {
            let blank = "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
            return "ngày \(blank) tháng \(blank) năm \(model.metadata.year)"
        }
        return VietnameseDate.official(date)
    }

    public func letters() -> [PresentedLetter] {
        set.letters.map(letter)
    }

    func letter(_ letter: UnitLetter) -> PresentedLetter {
        let meta = model.metadata
        let name = UnicodeText.nfc(letter.unitName)
        let addressee = "Ủy ban nhân dân \(Self.inRunningText(name))"
        let year = meta.year
        let isReminder = letter.kind == .reminder
        let subject = isReminder ? "V/v gửi số liệu xây dựng xã hội học tập năm \(year)"
                                 : "V/v sửa và gửi lại số liệu xây dựng xã hội học tập năm \(year)"
        let deadline = set.deadline.flatMap(CalendarDate.init(iso:)).map { " (hạn nộp \(VietnameseDate.long($0)))" } ?? ""
        let opening: String
        let request: String
        if isReminder {
            let asOf = CalendarDate(iso: meta.documentDate).map { "Đến \(VietnameseDate.long($0)), " } ?? ""
            opening = "\(asOf)chưa nhận được biểu số liệu xây dựng xã hội học tập năm \(year) của \(Self.inRunningText(name))\(deadline)."
            request = "Đề nghị \(addressee) chỉ đạo lập biểu số liệu theo biểu mẫu và gửi về trước \(resendByText)."
        } else {
            let count = letter.submissions.count == 1 ? "tệp" : "\(letter.submissions.count) tệp"
            opening = "Biểu số liệu xây dựng xã hội học tập năm \(year) của \(Self.inRunningText(name)) (\(count) kê dưới đây) "
                + "đã được tiếp nhận và kiểm tra."
            request = "Đề nghị \(addressee) chỉ đạo kiểm tra, sửa các nội dung trên và gửi lại biểu số liệu đã sửa trước \(resendByText)."
        }
        let files = letter.submissions.enumerated().map { i, s in
            PresentedLetter.File(number: i + 1, name: UnicodeText.nfc(s.file),
                                 receivedText: CalendarDate(iso: s.received).map(Self.numeric) ?? s.received,
                                 shortSHA256: String(s.sha256.prefix(16)), sha256: s.sha256)
        }
        let findings = letter.issues.enumerated().map { i, issue in
            PresentedLetter.Finding(number: i + 1, severity: issue.severity, severityText: StatusWords.severity(issue.severity),
                                    file: UnicodeText.nfc(issue.provenance.file), sheet: UnicodeText.nfc(issue.provenance.sheet),
                                    cell: issue.provenance.cell, value: UnicodeText.nfc(issue.value),
                                    problem: UnicodeText.nfc(issue.message), fix: FixWords.fix(rule: issue.rule))
        }
        let omitted = letter.omitted.map { group in
            let like = group.firstCell.isEmpty ? "" : " (cùng loại với ô \(group.firstCell))"
            return "Và \(VietnameseNumber.integer(group.count)) \(StatusWords.severityInText(group.severity)) cùng loại khác "
                + "trong tệp \(UnicodeText.nfc(group.file))\(like) không liệt kê ở đây; hãy kiểm tra và sửa tất cả các ô cùng loại."
        }
        let agency = meta.agency
        // A letter goes to its addressee ("Như trên") and the file copy: the report's "Lưu" line.
        let keep = agency.recipients.last { UnicodeText.nfc($0).trimmingCharacters(in: [" ", "-"]).hasPrefix("Lưu") }
        return PresentedLetter(
            kind: letter.kind, unitCode: letter.unitCode, unitName: name, fileStem: letter.fileStem,
            documentTitle: "\(isReminder ? "Nhắc gửi" : "Phản hồi") số liệu năm \(year) - \(name)",
            header: ReportPresenter.header(meta, number: VietnameseDate.documentNumber(nil, abbreviation: UnicodeText.nfc(agency.abbreviation), kind: nil)),
            subject: subject, addressee: addressee, opening: opening, files: files,
            findingsIntro: findings.isEmpty ? "" : findingsIntro(letter),
            findings: findings, omitted: omitted, request: request, resendByText: resendByText,
            closing: ReportPresenter.closing(agency: agency, recipients: ["Như trên"] + (keep.map { [$0] } ?? [])))
    }

    /// "Khi kiểm tra, phát hiện 4 vấn đề cần xem lại: 3 lỗi (...), 1 cảnh báo (...)."
    func findingsIntro(_ letter: UnitLetter) -> String {
        var counts: [Severity: Int] = [:]
        for issue in letter.issues { counts[issue.severity, default: 0] += 1 }
        for group in letter.omitted { counts[group.severity, default: 0] += group.count }
        var parts: [String] = []
        if let n = counts[.error] { parts.append("\(VietnameseNumber.integer(n)) lỗi (giá trị không được tính vào các chỉ tiêu)") }
        if let n = counts[.warning] { parts.append("\(VietnameseNumber.integer(n)) cảnh báo (giá trị vẫn được tính nhưng cần kiểm tra lại)") }
        if let n = counts[.info] { parts.append("\(VietnameseNumber.integer(n)) ghi chú") }
        return "Khi kiểm tra, phát hiện \(VietnameseNumber.integer(letter.findingCount)) vấn đề cần xem lại: \(parts.joined(separator: ", ")). Chi tiết như sau:"
    }

    /// The appendix's table of letters.
    public func summary() -> PresentedLetterSummary {
        let feedback = set.letters.count { $0.kind == .feedback }
        let reminders = set.letters.count { $0.kind == .reminder }
        let names = Dictionary(model.units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var rows: [(code: String, name: String, kind: String, count: Int, file: String)] = set.letters.map {
            ($0.unitCode, UnicodeText.nfc($0.unitName), $0.kind == .reminder ? "Nhắc nộp" : "Phản hồi", $0.findingCount,
             "\(Self.folderName)/\($0.fileStem).docx")
        }
        rows += set.clean.map { ($0, UnicodeText.nfc(names[$0] ?? $0), "Không có sai sót", 0, "") }
        // Units in code order (the model's order of siblings), whatever their kind.
        rows.sort { $0.code < $1.code }
        rows += set.unaddressed.map { u in
            ("", u.file.isEmpty ? "Không gắn với tệp nào" : "Tệp \(UnicodeText.nfc(u.file)) (không xác định được đơn vị gửi)",
             "Không gửi được", u.count, "")
        }
        var intro = "Lập \(feedback) văn bản phản hồi (đơn vị gửi số liệu có sai sót) và \(reminders) văn bản nhắc nộp (đơn vị chưa gửi số liệu) "
            + "trong thư mục \(Self.folderName)/, mỗi văn bản một tệp .docx và một tệp .html; hạn gửi lại: \(resendByText)."
        if !set.clean.isEmpty { intro += " \(set.clean.count) đơn vị gửi số liệu không có sai sót: không lập văn bản." }
        let unaddressed = set.unaddressed.reduce(0) { $0 + $1.count }
        if unaddressed > 0 {
            intro += " \(VietnameseNumber.integer(unaddressed)) vấn đề không xác định được đơn vị gửi, không gửi được cho đơn vị nào (các dòng cuối bảng); cần liên hệ nơi gửi tệp."
        }
        return PresentedLetterSummary(introText: intro, rows: rows.enumerated().map { i, r in
            PresentedLetterSummary.Row(number: i + 1, code: r.code, name: r.name, kindText: r.kind,
                                       countText: VietnameseNumber.integer(r.count), fileName: r.file)
        })
    }

    /// "Quận Ô Môn" -> "quận Ô Môn": a unit's name after a word, as running text writes it
    /// (the level word in lower case, the proper name as it is).
    static func inRunningText(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }

    /// "28/11/2024"
    static func numeric(_ date: CalendarDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(day)/\(month)/\(date.year)"
    }
}
