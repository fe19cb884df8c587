import ArgumentParser
import Foundation

/// The command line: `xhht run` does the whole job; the stages can run alone.
@main
struct XHHT: ParsableCommand {
    static let versionString = "xhht 0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "xhht",
        abstract: "Tổng hợp các tệp số liệu xây dựng xã hội học tập của các đơn vị thành báo cáo năm và báo cáo sơ kết, tổng kết.",
        version: "0.1.0",
        subcommands: [RunCommand.self, ValidateCommand.self, ImportCommand.self, ReportCommand.self, ArchiveCommand.self, StatusCommand.self, CellsCommand.self, FormCommand.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser's `main`, with a mistyped command line said in Vietnamese (`UsageMessage`)
    /// and exit 64; help, version and the commands' own exit statuses as the parser gives them.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((UsageMessage.vietnamese(fullMessage(for: error)) + "\n").utf8))
            exit(withError: ExitCode(code.rawValue))
        }
    }
}
