import ArgumentParser

/// The command line: `xhht run` does the whole job; the stages can run alone.
@main
struct XHHT: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xhht",
        abstract: "Roll up the districts' learning-society workbooks into the annual report.",
        subcommands: [ValidateCommand.self, ImportCommand.self, CellsCommand.self]
    )
}
