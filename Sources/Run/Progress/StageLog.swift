import Core
import Foundation
import Logging

/// The run's stages as they happen: one log line per finished stage with its time (the same
/// seconds the manifest records), and the progress bar when there is one.
///
///     var clock = StageClock(observer: StageLog(logger: logger, bar: ProgressBar.onStandardError()))
///     // log: "xong bước đọc tệp (read): 0,42 giây"   metadata stage=read seconds=0.420
public struct StageLog: StageObserver {
    public let logger: Logger
    public let bar: ProgressBar?

    public init(logger: Logger, bar: ProgressBar?) {
        self.logger = logger
        self.bar = bar
    }

    public func started(_ stage: String, items: Int?) {
        bar?.start(stage, items: items)
    }

    public func finishedItem(of stage: String) {
        bar?.advance()
    }

    public func finished(_ timing: StageTiming) {
        bar?.finish()
        let seconds = String(format: "%.3f", timing.seconds)
        logger.info("xong bước \(StageName.vietnamese(timing.stage)) (\(timing.stage)): \(seconds.replacingOccurrences(of: ".", with: ",")) giây",
                    metadata: ["stage": .string(timing.stage), "seconds": .string(seconds)])
    }
}
