/// Text helpers shared by the charts: shortening long unit names to fit a label column (the full
/// name stays in the element's `<title>`), and an id-safe slug.
public enum ChartText {
    /// "Thành phố Ngã Bảy, tỉnh Hậu Giang" -> "Thành phố Ngã Bảy, tỉnh Hậ…" at 26 characters.
    public static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
