/// The exit statuses as `xhht help` shows them (the README has the same table).
enum ExitStatusHelp {
    static let text = """
        Mã thoát (exit status):
          0   thành công
          1   thành công, có cảnh báo (xem issues.csv)
          2   lỗi số liệu đầu vào: một số giá trị hoặc tệp bị loại (xem issues.csv); báo cáo được viết từ phần còn lại
          3   lỗi cấu hình (pipeline.yml, danh mục đơn vị, mẫu báo cáo): chưa chạy gì
          4   một lần chạy xhht khác đang giữ khóa, hoặc tiến trình khác đang ghi kho dữ liệu: chạy lại sau
          64  sai dòng lệnh (tùy chọn, --date, --year, --output, --from/--to/--only, archive --to)
          70  lỗi nội bộ, hoặc lỗi hệ thống giữa chừng như ổ đĩa đầy (báo cáo của lần trước vẫn giữ nguyên)
        xhht run không có gì mới kể từ lần chạy trước: không đọc, không ghi, thoát với mã của lần đó.
        """
}
