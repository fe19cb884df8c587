/// The stages' names as the log and the progress bar say them to the statistician; the
/// identifiers (`read`, `render`) stay in the manifest and the JSON log's `stage` key.
///
///     StageName.vietnamese("read")   // "đọc tệp"
///     StageName.vietnamese("xyz")      // "xyz": a stage this table does not know keeps its id
public enum StageName {
    public static func vietnamese(_ stage: String) -> String {
        switch stage {
        case "plan": "so với lần chạy trước"
        case "read": "đọc tệp"
        case "validate": "kiểm tra"
        case "store": "lưu vào kho"
        case "load": "nạp số liệu từ kho"
        case "aggregate": "tổng hợp"
        case "render": "viết báo cáo"
        case "pdf": "chuyển sang PDF"
        default: stage
        }
    }

    /// What a counted stage counts: files for reading, "mục" (items) otherwise.
    static func itemWord(_ stage: String) -> String {
        stage == "read" ? "tệp" : "mục"
    }
}
