/// "Nơi nhận" and the signature block, as ND30 lays them out.
///
///     closing.recipients   // ["- Bộ Giáo dục và Đào tạo (để báo cáo);", ..., "- Lưu: VT, GDTX."]
///     closing.signerAuthority   // "KT. GIÁM ĐỐC", nil when pipeline.yml leaves it empty
public struct PresentedClosing: Sendable, Hashable {
    /// One line each, with the dash and the closing ";" or "." ("Lưu: VT" added when absent).
    public var recipients: [String]
    public var signerAuthority: String?
    public var signerTitle: String?
    public var signerName: String?
}
