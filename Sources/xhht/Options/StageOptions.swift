import ArgumentParser
import Run

/// `xhht run`'s options for doing less than a whole run: `--dry-run` (say what would be read
/// and written, touch nothing) and `--from` / `--to` / `--only` (a part of the stages read,
/// store, model, outputs; `StageSelection` says which parts are possible).
///
///     xhht run --dry-run
///     xhht run --to store          # read and store, no report (what `xhht import` does)
///     xhht run --from model        # the report from the store (what `xhht report` does)
struct StageOptions: ParsableArguments {
    @Flag(name: .long, help: "Chỉ cho biết lần chạy sẽ đọc những tệp nào (mới, đã đổi, không đổi, đã bỏ ra) và ghi những gì; không đọc, không ghi gì.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Bắt đầu từ giai đoạn này: read hoặc model.", valueName: "giai-đoạn"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Dừng sau giai đoạn này: read, store, model hoặc outputs.", valueName: "giai-đoạn"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Chỉ chạy một giai đoạn: read hoặc model.", valueName: "giai-đoạn"))
    var only: String?

    /// An unknown stage name is the command line's mistake (exit 64), with the names there are.
    func validate() throws {
        for (flag, value) in [("--from", from), ("--to", to), ("--only", only)] {
            if let value, StageSelection.Stage(rawValue: value) == nil {
                throw ValidationError("\(flag) \(value): không có giai đoạn này; các giai đoạn là "
                                      + StageSelection.Stage.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }
    }

    /// The stages asked for; an impossible combination is a `CommandFailure` (exit 64).
    func selection() throws -> StageSelection {
        try StageSelection(from: from.flatMap(StageSelection.Stage.init), to: to.flatMap(StageSelection.Stage.init),
                           only: only.flatMap(StageSelection.Stage.init))
    }
}
