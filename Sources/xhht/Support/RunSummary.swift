import Core
import Render
import Run
import Storage

/// The few lines a person reads after a run: files read, facts accepted, findings by severity
/// and the worst files, and where the outputs are. On a terminal always; under cron only when
/// there is something to say (a finding, or a changed submission).
enum RunSummary {
    static func print(reading: Pipeline.Reading, imports: [String: ImportOutcome] = [:], outputs: [String], changedOutputs: Int? = nil,
                      quiet: Bool) {
        let errors = reading.issues.count { $0.severity == .error }
        let warnings = reading.issues.count { $0.severity == .warning }
        let notes = reading.issues.count { $0.severity == .info }
        let changedImports = imports.values.filter { if case .unchanged = $0 { false } else { true } }.count
        let somethingToSay = errors + warnings > 0 || changedImports > 0 || (changedOutputs ?? 0) > 0
        guard Terminal.standardErrorIsInteractive ? !quiet || errors + warnings > 0 : somethingToSay else { return }

        var lines: [String] = []
        let readable = reading.workbooks.filter { $0.sheets != nil }.count
        lines.append("Đã đọc \(readable)/\(reading.workbooks.count) tệp, nhận \(reading.validation.factCount) số liệu.")
        if !imports.isEmpty {
            let added = imports.values.filter { if case .added = $0 { true } else { false } }.count
            let replaced = imports.values.filter { if case .replaced = $0 { true } else { false } }.count
            let restored = imports.values.filter { if case .restored = $0 { true } else { false } }.count
            lines.append("Lưu trữ: \(added) tệp mới, \(replaced) tệp thay thế bản cũ, "
                         + (restored > 0 ? "\(restored) tệp được đưa trở lại, " : "")
                         + "\(imports.count - added - replaced - restored) tệp không đổi.")
        }
        lines.append("Phát hiện \(errors) lỗi, \(warnings) cảnh báo, \(notes) ghi chú.")
        var perFile: [String: Int] = [:]
        for issue in reading.issues where issue.severity != .info { perFile[issue.provenance.file, default: 0] += 1 }
        for (file, count) in perFile.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(5) where !file.isEmpty {
            lines.append("  \(file): \(count) lỗi/cảnh báo")
        }
        if let changedOutputs { lines.append("Đầu ra: \(changedOutputs) tệp thay đổi.") }
        for path in outputs { lines.append("  \(path)") }
        Terminal.printError(lines.joined(separator: "\n"))
    }
}

extension RunSummary {
    static func printOutputs(_ written: [ReportOutputs.Written], quiet: Bool) {
        let changed = written.filter(\.changed)
        guard Terminal.standardErrorIsInteractive ? !quiet : !changed.isEmpty else { return }
        var lines = ["Đầu ra: \(changed.count)/\(written.count) tệp thay đổi."]
        lines += written.map { "  \($0.url.path)\($0.changed ? "" : " (không đổi)")" }
        Terminal.printError(lines.joined(separator: "\n"))
    }
}

extension RunSummary {
    /// A run with nothing new: one line, on a terminal (unless `-q` and all was well) and under
    /// cron when the last run's status was not 0 (the same truth every night).
    static func printNothingNew(_ last: RunRecord, status: ExitStatus, files: Int, output: String, quiet: Bool) {
        guard Terminal.standardErrorIsInteractive ? !quiet || status != .success : status != .success else { return }
        let counts = last.counts.map { ": \($0.facts) số liệu, \($0.issues) vấn đề" } ?? ""
        Terminal.printError("Không có gì mới kể từ lần chạy số \(last.id) (\(last.started.formatted(.iso8601))\(counts)): cùng cấu hình, "
                            + "danh mục, mẫu, ngày báo cáo và \(files) tệp đầu vào; không đọc, không ghi lại. Trạng thái thoát \(status.rawValue) như lần đó"
                            + (status == .success ? "." : "; các vấn đề vẫn còn, xem \(output)/issues.csv."))
    }

    /// `run --only model`: the model was built and nothing written.
    static func printModel(year: Int, issues: [Issue], quiet: Bool) {
        guard Terminal.standardErrorIsInteractive ? !quiet : false else { return }
        let errors = issues.count { $0.severity == .error }
        let warnings = issues.count { $0.severity == .warning }
        Terminal.printError("Đã lập mô hình báo cáo năm \(year) từ cơ sở dữ liệu (\(errors) lỗi, \(warnings) cảnh báo); không ghi đầu ra nào (--only model).")
    }
}
