import Foundation
import Storage

/// What `xhht run --dry-run` prints: what a run would read (each file new, changed, unchanged
/// or removed, and whether it would be opened) and what it would write, from a `RunPlan`.
///
///     Chạy thử (--dry-run): không đọc số liệu, không ghi gì.
///     Tệp đầu vào: 9 tệp (1 mới, 1 đã đổi, 7 không đổi), 1 tệp đã bỏ ra.
///       mới        vinh-thanh.xlsx    sẽ đọc
///       đã đổi     co-do.xlsx         sẽ đọc
///       không đổi  ninh-kieu.xlsx     dùng kết quả đọc đã lưu
///       đã bỏ ra   thot-not.xlsx      số liệu của đơn vị sẽ bị rút khỏi năm 2024
///     Sẽ ghi: Output/xhht.sqlite; Output/2024/: bao-cao.docx, bao-cao.html, ... (mỗi tệp chỉ ghi lại khi nội dung đổi)
public enum DryRunReport {
    public static func text(_ plan: RunPlan, session: Session, selection: StageSelection) -> String {
        var lines = ["Chạy thử (--dry-run): không đọc số liệu, không ghi gì."]
        if let last = plan.lastRun {
            lines.append("Lần chạy trước: số \(last.id) (\(last.command)), bắt đầu \(last.started.formatted(.iso8601))"
                         + (last.exitStatus.map { ", trạng thái thoát \($0)" } ?? ", chưa kết thúc") + ".")
        } else {
            lines.append("Chưa có lần chạy nào trong cơ sở dữ liệu \(session.config.paths.store).")
        }
        if selection.isAll, plan.nothingNew, let status = plan.lastRun?.exitStatus {
            lines.append("Không có gì mới kể từ lần chạy trước: lần chạy thật sẽ kết thúc ngay, không đọc, không ghi, với trạng thái thoát \(status) như lần đó.")
            return lines.joined(separator: "\n") + "\n"
        }
        if selection.runs(.read) {
            let count = { (change: RunPlan.Change) in plan.files.count { $0.change == change } }
            lines.append("Tệp đầu vào trong \(session.config.paths.input): \(plan.files.count) tệp (\(count(.new)) mới, \(count(.changed)) đã đổi, "
                         + "\(count(.unchanged)) không đổi), \(plan.removed.count) tệp đã bỏ ra.")
            let width = plan.files.map(\.file.name.count).max() ?? 0
            for file in plan.files {
                let what = file.cached ? "dùng kết quả đọc đã lưu" : file.sha256.isEmpty ? "sẽ đọc (chưa mở được tệp)" : "sẽ đọc"
                lines.append("  " + pad(word(file.change), 10) + " " + pad(file.file.name, width) + "  " + what)
            }
            for file in plan.removed where selection.runs(.store) {
                lines.append("  " + pad("đã bỏ ra", 10) + " " + pad(file, width) + "  số liệu của đơn vị sẽ bị rút khỏi năm \(session.config.year)")
            }
            for issue in plan.listing.issues { lines.append("  \(issue.provenance.file): \(issue.message)") }
        }
        var writes: [String] = []
        if selection.runs(.store) { writes.append(session.config.paths.store) }
        if selection.runs(.outputs) {
            let files = session.config.outputs.compactMap { Session.outputKindFiles[$0] } + (session.config.outputs.contains("manifest") ? ["manifest.json"] : [])
            writes.append("\(session.outputFolder.path)/: " + files.joined(separator: ", ") + " (mỗi tệp chỉ được dựng lại khi đầu vào của nó đổi, và chỉ ghi lại khi nội dung đổi)")
        }
        lines.append(writes.isEmpty ? "Sẽ không ghi gì." : "Sẽ ghi: " + writes.joined(separator: "; ") + ".")
        return lines.joined(separator: "\n") + "\n"
    }

    static func word(_ change: RunPlan.Change) -> String {
        switch change {
        case .new: "mới"
        case .changed: "đã đổi"
        case .unchanged: "không đổi"
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
