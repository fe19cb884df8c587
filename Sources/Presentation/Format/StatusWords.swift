import Core
import Model

/// The words for a result's standing and for a finding's severity, as the report prints them.
/// Renderers pick their own styling (a CSS class, a cell colour) from the status itself, never
/// from these words.
///
///     StatusWords.text(.exceeded)   // "Vượt"
///     StatusWords.text(.missed)     // "Chưa đạt"
///     StatusWords.severity(.warning)   // "Cảnh báo"
public enum StatusWords {
    public static func text(_ status: IndicatorStatus) -> String {
        switch status {
        case .exceeded: "Vượt"
        case .met: "Đạt"
        case .missed: "Chưa đạt"
        case .noTarget: "Chưa có chỉ tiêu"
        case .noRate: "Không tính được tỷ lệ"
        case .notReported: "Chưa có số liệu"
        }
    }

    /// "Lỗi", "Cảnh báo", "Ghi chú": a column of the data-quality table.
    public static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "Lỗi"
        case .warning: "Cảnh báo"
        case .info: "Ghi chú"
        }
    }

    /// "lỗi", "cảnh báo", "ghi chú": the same in running text.
    public static func severityInText(_ severity: Severity) -> String {
        switch severity {
        case .error: "lỗi"
        case .warning: "cảnh báo"
        case .info: "ghi chú"
        }
    }
}
