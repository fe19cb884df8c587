import Config
import Run

extension PipelineOptions {
    /// The opening every pipeline command shares: the flags turned into overrides of
    /// pipeline.yml, a logger at the verbosity asked for, and the session (`Run.Session`) opened
    /// with them. A mistake in the file or the flags is a `CommandFailure` (exit 3 or 64).
    ///
    ///     let session = try options.openSession(verbosity)   // xhht run --year 2024 -v
    func openSession(_ verbosity: VerbosityOptions) throws -> Session {
        try Session.open(configPath: config,
                         overrides: ConfigOverrides(input: input, output: output, units: units, year: year),
                         logger: verbosity.makeLogger(), generator: XHHT.versionString)
    }
}
