import Foundation
import Presentation

/// `xhht status` on the terminal: the season in Vietnamese, for the statistician.
///
///     Tình hình nhận số liệu năm 2024 (hạn nộp 30/11/2024), tính đến ngày 05/12/2024
///     Đã gửi: 8/9 đơn vị
///       916 Quận Ninh Kiều: ninh-kieu.xlsx, nhận ngày 28/11/2024, 1.234 số liệu
///       925 Huyện Cờ Đỏ: co-do.xlsx, nhận ngày 02/12/2024, 1.050 số liệu, nộp muộn 2 ngày; 3 lỗi, 1 cảnh báo
///     Chưa gửi: 1 đơn vị, quá hạn 5 ngày
///       927 Huyện Thới Lai
///     Tệp có lỗi hoặc cảnh báo: 1 ...
///     Lần chạy gần nhất: xhht run, bắt đầu 05/12/2024 08:15:02, kết thúc 08:15:09, mã thoát 2
///
/// Times are Vietnam's (UTC+7); the JSON (`SeasonStatus.json`) keeps them in UTC.
public enum SeasonStatusText {
    public static func lines(_ s: SeasonStatus) -> [String] {
        var out: [String] = []
        let deadline = s.deadline.map { " (hạn nộp \(day($0)))" } ?? " (pipeline.yml không đặt hạn nộp)"
        out.append("Tình hình nhận số liệu năm \(s.year)\(deadline), tính đến ngày \(day(s.asOf))")
        out.append("Đã gửi: \(s.sent.count)/\(s.senders) đơn vị")
        for u in s.sent {
            var line = "  \(u.code) \(u.name): \(u.file), nhận ngày \(day(u.receivedDay)), \(VietnameseNumber.integer(u.facts)) số liệu"
            if let late = u.daysLate, late > 0 { line += ", nộp muộn \(late) ngày" }
            if !u.findings.isEmpty { line += "; \(findings(u.findings))" }
            out.append(line)
        }
        let late = s.sent.filter { ($0.daysLate ?? 0) > 0 }
        if !late.isEmpty { out.append("Nộp muộn: \(late.count) đơn vị (\(late.map(\.code).joined(separator: ", ")))") }
        if s.missing.isEmpty {
            out.append("Chưa gửi: không còn đơn vị nào.")
        } else {
            let overdue = s.missing.compactMap(\.daysOverdue).max() ?? 0
            out.append("Chưa gửi: \(s.missing.count) đơn vị" + (overdue > 0 ? ", quá hạn \(overdue) ngày" : s.deadline == nil ? "" : ", chưa đến hạn"))
            for u in s.missing {
                out.append("  \(u.code) \(u.name)" + (u.withdrawnFile.map { " (tệp \($0) đã gửi trước đây không còn được tính: xem issues.csv)" } ?? ""))
            }
        }
        let troubled = s.sent.filter { $0.findings.errors + $0.findings.warnings > 0 }.map { ("\($0.code) \($0.name) (\($0.file))", $0.findings) }
            + s.otherFiles.filter { !$0.findings.isEmpty }.map {
                ("tệp \($0.file) (\($0.unitCode.isEmpty ? "không rõ đơn vị gửi" : "mã \($0.unitCode), không phải đơn vị gửi của danh mục"))", $0.findings)
            }
        if troubled.isEmpty {
            out.append("Tệp có lỗi hoặc cảnh báo: không có.")
        } else {
            out.append("Tệp có lỗi hoặc cảnh báo: \(troubled.count) (chi tiết trong issues.csv)")
            for (what, f) in troubled { out.append("  \(what): \(findings(f))") }
        }
        if let run = s.lastRun {
            var line = "Lần chạy gần nhất: xhht \(run.command), bắt đầu \(moment(run.started))"
            if let finished = run.finished, let status = run.exitStatus {
                line += ", kết thúc \(moment(finished)), mã thoát \(status)"
            } else {
                line += ", chưa kết thúc (đang chạy, hoặc đã bị dừng giữa chừng)"
            }
            out.append(line)
        } else {
            out.append("Chưa có lần chạy nào ghi vào cơ sở dữ liệu.")
        }
        return out
    }

    /// "3 lỗi, 1 cảnh báo, 2 ghi chú", leaving out what is zero.
    static func findings(_ f: SeasonStatus.Findings) -> String {
        [(f.errors, "lỗi"), (f.warnings, "cảnh báo"), (f.notes, "ghi chú")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            .joined(separator: ", ")
    }

    /// "2024-11-30" -> "30/11/2024".
    static func day(_ iso: String) -> String {
        let p = iso.prefix(10).split(separator: "-")
        return p.count == 3 ? "\(p[2])/\(p[1])/\(p[0])" : iso
    }

    /// An ISO 8601 moment in UTC -> "05/12/2024 08:15:02" in Vietnam's time.
    static func moment(_ iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
