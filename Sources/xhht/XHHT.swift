import ArgumentParser

/// The command line: `xhht run` does the whole job; the stages can run alone.
@main
struct XHHT: ParsableCommand {
    static let versionString = "xhht 0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "xhht",
        abstract: "Roll up the districts' learning-society workbooks into the annual report.",
        version: "0.1.0",
        subcommands: [RunCommand.self, ValidateCommand.self, ImportCommand.self, ReportCommand.self, ArchiveCommand.self, CellsCommand.self],
        defaultSubcommand: nil
    )
}
