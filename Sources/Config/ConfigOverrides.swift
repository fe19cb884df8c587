import Foundation
import Units

/// What the command line may change in a loaded configuration: `--input`, `--output`,
/// `--units`, `--store`, `--year`. (`--config` chooses the file to load and is not an override.)
///
///     let config = try PipelineConfigLoader.load(path: options.config ?? "pipeline.yml")
///         .applying(overrides: ConfigOverrides(input: "/data/2024", year: 2024))
///
/// Paths given on the command line are relative to the current directory (where the user typed
/// them), unlike paths inside pipeline.yml, which are relative to the file. A store that lies
/// inside the output folder (the default `Output/xhht.sqlite`) follows `--output` unless
/// `--store` is given.
public struct ConfigOverrides: Sendable, Hashable {
    public var input: String?
    public var output: String?
    public var units: String?
    public var store: String?
    public var year: Int?

    public init(input: String? = nil, output: String? = nil, units: String? = nil, store: String? = nil, year: Int? = nil) {
        self.input = input
        self.output = output
        self.units = units
        self.store = store
        self.year = year
    }
}

extension PipelineConfig {
    /// The configuration with the flags' values in place. Throws when `year` is out of
    /// `PipelineConfigLoader.years` or outside the years the report kind covers: a mistake of
    /// the command line (the CLI exits 64), whose diagnostic names `--year`.
    public func applying(overrides: ConfigOverrides,
                         currentDirectory: String = FileManager.default.currentDirectoryPath) throws(PipelineConfigError) -> PipelineConfig {
        var config = self
        func resolve(_ path: String) -> String { ConfigDecoding.resolve(path, against: currentDirectory) }
        if let input = overrides.input { config.paths.input = resolve(input) }
        if let output = overrides.output {
            let newOutput = resolve(output)
            // A store kept inside the output folder (the default Output/xhht.sqlite) moves with it,
            // so `--output /tmp/x` never writes into the configured Output/.
            let oldPrefix = paths.output.hasSuffix("/") ? paths.output : paths.output + "/"
            if overrides.store == nil, paths.store.hasPrefix(oldPrefix) {
                config.paths.store = URL(fileURLWithPath: newOutput).appendingPathComponent(String(paths.store.dropFirst(oldPrefix.count))).path
            }
            config.paths.output = newOutput
        }
        if let units = overrides.units { config.paths.units = resolve(units) }
        if let store = overrides.store { config.paths.store = resolve(store) }
        if let year = overrides.year {
            let years = PipelineConfigLoader.years, covered = report.years(reportYear: year)
            func fail(_ message: String) -> PipelineConfigError {
                PipelineConfigError(diagnostics: [ConfigDiagnostic(file: "--year", line: 0, column: 0, path: "year", message: message)])
            }
            guard years.contains(year) else {
                throw fail("năm \(year) không hợp lệ; năm báo cáo phải từ \(years.lowerBound) đến \(years.upperBound).")
            }
            guard covered.contains(year) else {
                throw fail("báo cáo \(report.rawValue) (khóa report trong pipeline.yml) tổng hợp các năm \(covered.lowerBound)-\(covered.upperBound); "
                           + "năm \(year) nằm ngoài khoảng đó. Chọn một năm trong khoảng, hoặc đổi report.")
            }
            config.year = year
        }
        return config
    }

    /// The unit registry the configuration names (`paths.units`, `paths.unitAliases`), with a
    /// national root when the report covers the nation (`agency.unitCode: VN`).
    public func loadRegistry() throws(UnitRegistryError) -> UnitRegistry {
        try UnitRegistry(contentsOf: paths.units, aliasesAt: paths.unitAliases, nationalRoot: agency.unitCode == UnitRegistry.nationCode)
    }
}
