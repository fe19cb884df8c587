import Core
import Model
import OfficeXML

extension ReportPresenter {
    /// The data-quality appendix: counts, the listed findings, a sentence per group cut short.
    func quality() -> PresentedQuality {
        let q = model.quality
        let issues = q.issues.enumerated().map { i, issue in
            PresentedQuality.Issue(
                number: i + 1,
                severity: issue.severity,
                severityText: StatusWords.severity(issue.severity),
                file: name(issue.provenance.file), sheet: name(issue.provenance.sheet), cell: issue.provenance.cell,
                unit: name(unitsByCode[issue.unit].map { "\($0.name) (\(issue.unit))" } ?? issue.unit),
                field: name(issue.field), message: name(issue.message))
        }
        let total = q.total
        var counts = total == 0
            ? "Không phát hiện vấn đề nào khi đọc và kiểm tra số liệu."
            : "Phát hiện \(VietnameseNumber.integer(total)) vấn đề: \(VietnameseNumber.integer(q.errors)) lỗi (giá trị bị loại khỏi các chỉ tiêu), "
                + "\(VietnameseNumber.integer(q.warnings)) cảnh báo (giá trị vẫn được dùng), \(VietnameseNumber.integer(q.infos)) ghi chú."
        if !q.omitted.isEmpty {
            counts += " Mỗi loại vấn đề của một tệp chỉ liệt kê \(DataQuality.listedPerGroup) vấn đề đầu tiên "
                + "(bảng dưới có \(VietnameseNumber.integer(q.issues.count)) dòng); tệp issues.csv có đủ tất cả."
        }
        // The row number (TT) of each group's first listed finding, to point at it.
        var firstNumber: [String: Int] = [:]
        for (i, issue) in q.issues.enumerated() {
            let key = "\(issue.severity.rawValue)\u{0}\(issue.provenance.file)\u{0}\(issue.rule)"
            if firstNumber[key] == nil { firstNumber[key] = i + 1 }
        }
        let omitted = q.omitted.map { group -> String in
            let kind = StatusWords.severityInText(group.severity)
            let place = group.file.isEmpty ? "không gắn với tệp nào" : "trong tệp \(group.file)"
            var like = ""
            if let n = firstNumber["\(group.severity.rawValue)\u{0}\(group.file)\u{0}\(group.rule)"] {
                like = group.firstCell.isEmpty ? " (cùng loại với dòng TT \(n))" : " (cùng loại với ô \(group.firstCell), dòng TT \(n))"
            }
            return name("Và \(VietnameseNumber.integer(group.count)) \(kind) cùng loại khác \(place)\(like) không liệt kê ở đây; xem issues.csv.")
        }
        return PresentedQuality(countsText: counts, errorCount: q.errors, warningCount: q.warnings, infoCount: q.infos,
                                issues: issues, omitted: omitted)
    }

    /// "Nơi nhận" (each line with its dash and ";" or ".", "Lưu: VT" added when missing) and the signer.
    func closing() -> PresentedClosing {
        Self.closing(agency: model.metadata.agency, recipients: model.metadata.agency.recipients)
    }

    /// The closing of a document the agency signs, to `recipients` (pipeline.yml's lines, or a
    /// letter's "Như trên"): the report's and each letter's.
    static func closing(agency: Agency, recipients: [String]) -> PresentedClosing {
        var lines = recipients.map { UnicodeText.nfc($0).trimmingCharacters(in: [" ", ";", ".", "-"]) }.filter { !$0.isEmpty }
        if !(lines.last?.hasPrefix("Lưu") ?? false) { lines.append("Lưu: VT") }
        let recipients = lines.enumerated().map { i, line in "- \(line)\(i == lines.count - 1 ? "." : ";")" }
        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : UnicodeText.nfc(s) }
        return PresentedClosing(recipients: recipients, signerAuthority: nonEmpty(agency.signerAuthority),
                                signerTitle: nonEmpty(agency.signerTitle), signerName: nonEmpty(agency.signerName))
    }
}
