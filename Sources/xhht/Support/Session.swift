import ArgumentParser
import Foundation
import Logging
import Rollup

/// What every pipeline command starts with: the configuration with the command line's
/// overrides, the unit registry, a logger; and how it ends: a summary and an exit status.
/// A mistake in either file is a configuration error (exit 3), reported with file, line and
/// column, and nothing runs.
struct Session {
    var config: PipelineConfig
    var registry: UnitRegistry
    var configSHA256: String
    var logger: Logger

    static func open(_ options: PipelineOptions, _ verbosity: VerbosityOptions) throws -> Session {
        let logger = LoggingSetup.makeLogger(level: verbosity.logLevel)
        let config: PipelineConfig
        do {
            config = try PipelineConfigLoader.load(path: options.config)
                .applying(overrides: ConfigOverrides(input: options.input, output: options.output, units: options.units, year: options.year))
        } catch {
            throw CommandFailure(status: .configurationError, message: error.description)
        }
        let registry: UnitRegistry
        do {
            registry = try config.loadRegistry()
        } catch {
            throw CommandFailure(status: .configurationError, message: error.description)
        }
        guard registry.unit(code: config.agency.unitCode) != nil else {
            throw CommandFailure(status: .configurationError, message:
                "Mã đơn vị \(config.agency.unitCode) (agency.unitCode trong \(options.config)) không có trong danh mục \(config.paths.units).")
        }
        let bytes = FileManager.default.contents(atPath: options.config).map { Array($0) } ?? []
        logger.debug("cấu hình \(options.config): năm \(config.year), \(config.indicators.count) chỉ tiêu, \(registry.units.count) đơn vị")
        return Session(config: config, registry: registry, configSHA256: SHA256.hex(bytes), logger: logger)
    }

    /// The folder of this year's outputs: Output/<year>.
    var outputFolder: URL {
        URL(fileURLWithPath: config.paths.output).appendingPathComponent(String(config.year))
    }

    /// Takes the run lock beside the outputs, or fails with exit 4 when another run holds it.
    func lock() throws -> RunLock {
        let url = URL(fileURLWithPath: config.paths.output).appendingPathComponent(".xhht.lock")
        guard let lock = try RunLock.acquire(at: url) else {
            throw CommandFailure(status: .locked, message:
                "Một lần chạy xhht khác đang làm việc (khóa \(url.path)). Không làm gì; hãy chạy lại sau.")
        }
        return lock
    }

    func readInputs(clock: inout StageClock) throws -> Pipeline.Reading {
        let files: [InputFile]
        do {
            files = try InputFolder.files(in: config.paths.input)
        } catch let error as InputFolderError {
            throw CommandFailure(status: .configurationError, message: error.description)
        }
        logger.info("đọc \(files.count) tệp trong \(config.paths.input)")
        let reading = Pipeline(config: config, registry: registry).read(files: files, clock: &clock)
        logger.info("\(reading.validation.facts.count) số liệu được nhận, \(reading.issues.count) vấn đề")
        return reading
    }

    func openStore() throws -> Store {
        do {
            return try Store(path: config.paths.store)
        } catch {
            throw CommandFailure(status: .configurationError, message:
                "Không mở được cơ sở dữ liệu \(config.paths.store): \(error). Kiểm tra paths.store trong pipeline.yml.")
        }
    }
}

/// Runs a command body and turns its outcome into the documented exit status: failures print
/// one message on standard error; anything unexpected is an internal failure (70).
func runReportingFailures(_ body: () throws -> ExitStatus) throws {
    let status: ExitStatus
    do {
        status = try body()
    } catch let failure as CommandFailure {
        Terminal.printError("xhht: \(failure.message)")
        status = failure.status
    } catch let error as ExitCode {
        throw error
    } catch {
        Terminal.printError("xhht: lỗi nội bộ: \(error)")
        status = .internalFailure
    }
    if status != .success { throw ExitCode(status.rawValue) }
}
