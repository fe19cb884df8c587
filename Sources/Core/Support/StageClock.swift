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

/// Times the stages of one run, in the order they ran.
public struct StageClock: Sendable {
    public private(set) var timings: [StageTiming] = []

    public init() {}

    public mutating func measure<T>(_ stage: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            timings.append(StageTiming(stage: stage, seconds: elapsed))
        }
        return try body()
    }
}
