/// The exit statuses as `xhht help` shows them (the README has the same table).
enum ExitStatusHelp {
    static let text = """
        Exit status:
          0   success
          1   success with warnings (see issues.csv)
          2   input errors: some values or files were rejected (see issues.csv); outputs written from the rest
          3   configuration error (pipeline.yml, unit registry, templates): nothing was run
          4   another xhht run holds the lock, or another process is writing the store: try later
          64  wrong command line (option, --date, --year, --output, archive --to)
          70  internal failure
        """
}
