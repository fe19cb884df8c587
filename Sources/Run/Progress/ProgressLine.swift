/// The text of the progress bar: stage, bar, count, time spent and time left. Pure; the bar
/// that draws it on a terminal is `ProgressBar`.
///
///     ProgressLine.text(stage: "read", done: 350, total: 700, elapsed: 4.2)
///     // "đọc tệp [██████████░░░░░░░░░░] 350/700 tệp · 4 giây · còn khoảng 4 giây"
///
/// The time left is the time per item so far times the items left (files are alike enough
/// for a bar; the manifest keeps the real timings); it is not said before the first item.
public enum ProgressLine {
    public static func text(stage: String, done: Int, total: Int, elapsed: Double, barWidth: Int = 20) -> String {
        let total = max(total, 0), done = min(max(done, 0), total)
        let filled = total == 0 ? barWidth : done * barWidth / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
        var line = "\(StageName.vietnamese(stage)) [\(bar)] \(done)/\(total) \(StageName.itemWord(stage)) · \(duration(elapsed))"
        if done > 0, done < total {
            line += " · còn khoảng \(duration(elapsed / Double(done) * Double(total - done)))"
        }
        return line
    }

    /// Whole seconds, rounded; minutes from a minute: "0 giây", "3 giây", "2 phút 5 giây".
    public static func duration(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        return whole < 60 ? "\(whole) giây" : "\(whole / 60) phút \(whole % 60) giây"
    }
}
