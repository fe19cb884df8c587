import Foundation

/// ArgumentParser's own messages about a wrong command line, in Vietnamese.
///
/// The parser writes "Error: Unknown option '--frobnicate'" and a "Usage:" line; the statistician
/// reads Vietnamese, so each message the parser can produce for a user's typing mistake is said
/// again in Vietnamese, the usage line kept (it is syntax, not prose) and the English "Help:" lines
/// (the option's English description) left to `xhht help`. Messages xhht's own `validate()` wrote
/// are Vietnamese already and pass through; a message this table does not know keeps its text
/// after a Vietnamese lead, so nothing is ever dropped.
///
///     UsageMessage.vietnamese("Error: Unknown option '--x'\nUsage: xhht run [--config <pipeline.yml>]")
///     // "Lỗi: không có tùy chọn --x.\nCách dùng: xhht run [--config <pipeline.yml>]"
enum UsageMessage {
    /// (pattern of the English sentence after "Error: ", its Vietnamese with $1, $2 for the captures)
    private static let sentences: [(String, String)] = [
        (#"^Unknown option '(.+)'$"#, "không có tùy chọn $1."),
        (#"^Unexpected argument '(.+)'$"#, "không hiểu \"$1\" (lệnh hoặc đối số không có)."),
        (#"^Unexpected arguments? (.+)$"#, "không hiểu $1 (đối số thừa)."),
        (#"^Missing expected argument '(.+)'$"#, "thiếu $1."),
        (#"^Missing value for '(.+)'$"#, "thiếu giá trị sau $1."),
        (#"^Missing expected arguments? (.+)$"#, "thiếu $1."),
        (#"^The value '(.*)' is invalid for '(.+)': (.+)$"#, "giá trị \"$1\" không dùng được cho $2: $3"),
        (#"^The value '(.*)' is invalid for '(.+)'$"#, "giá trị \"$1\" không dùng được cho $2."),
        (#"^Value '(.*)' is invalid for '(.+)'.*$"#, "giá trị \"$1\" không dùng được cho $2."),
        (#"^Duplicate exclusive values '(.+)'$"#, "$1 chỉ được ghi một lần."),
    ]

    static func vietnamese(_ message: String) -> String {
        var out: [String] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                out.append("Lỗi: " + sentence(String(line.dropFirst("Error: ".count))))
            } else if line.hasPrefix("Usage: ") {
                out.append("Cách dùng: " + line.dropFirst("Usage: ".count))
            } else if line.hasPrefix("Help: ") || line.hasPrefix("      ") {
                continue
            } else if line.trimmingCharacters(in: .whitespaces).hasPrefix("See '") {
                out.append("  Xem thêm: " + line.replacingOccurrences(of: #"^\s*See '(.+)' for more information\.$"#, with: "$1",
                                                                  options: .regularExpression))
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    private static func sentence(_ english: String) -> String {
        for (pattern, vietnamese) in sentences where english.range(of: pattern, options: .regularExpression) != nil {
            return english.replacingOccurrences(of: pattern, with: vietnamese, options: .regularExpression)
        }
        // xhht's own checks speak Vietnamese already; anything else keeps its words.
        return english
    }
}
