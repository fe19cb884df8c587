import Foundation

/// How long each stage took, for the run manifest and the verbose log.
public struct StageTiming: Sendable, Hashable, Codable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// Times the stages of one run, in the order they ran, and tells an observer as they go (the
/// log's line per stage, a progress bar on a terminal: `StageObserver`).
///
///     var clock = StageClock(observer: stageLog)
///     let books = clock.measure("read", items: files.count) { ... }   // observer: started, finished
///     clock.timings   // [StageTiming(stage: "read", seconds: 0.42)]
public struct StageClock: Sendable {
    public private(set) var timings: [StageTiming] = []
    /// Told when a stage starts and ends, and of each item a counted stage finishes.
    public var observer: (any StageObserver)?

    public init(observer: (any StageObserver)? = nil) {
        self.observer = observer
    }

    /// Runs `body` as the stage `stage`; `items`, when known, is how many things it works
    /// through (files read), each announced by `observer?.finishedItem(of:)`.
    public mutating func measure<T>(_ stage: String, items: Int? = nil, _ body: () throws -> T) rethrows -> T {
        observer?.started(stage, items: items)
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let timing = StageTiming(stage: stage, seconds: elapsed)
            timings.append(timing)
            observer?.finished(timing)
        }
        return try body()
    }
}
