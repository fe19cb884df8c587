import ArgumentParser
import Core
import Foundation
import Render
import Run

/// `xhht validate`: reads every workbook of the input folder, checks it, and writes
/// `Output/<year>/issues.csv` with a summary on the terminal. Nothing is stored.
///
///     xhht validate --input ~/Downloads/bao-cao-huyen
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Đọc và kiểm tra số liệu các đơn vị gửi; ghi issues.csv. Không lưu gì vào kho.",
        discussion: ExitStatusHelp.text
    )

    @OptionGroup var options: PipelineOptions
    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        try runReportingFailures(verbose: verbosity.verbose) {
            let session = try options.openSession(verbosity)
            let lock = try session.lock()
            defer { lock.release() }
            var clock = verbosity.stageClock(logger: session.logger)
            let reading = try session.readInputs(clock: &clock)
            let issuesFile = session.outputFolder.appendingPathComponent("issues.csv")
            try IssuesCSV.write(reading.issues, to: issuesFile)
            RunSummary.print(reading: reading, outputs: [issuesFile.path], quiet: verbosity.quiet)
            return ExitStatus.of(issues: reading.issues)
        }
    }
}
