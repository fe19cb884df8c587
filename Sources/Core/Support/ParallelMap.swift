import Dispatch

/// Maps independent pieces of work (the years of a review, the indicators of a catalogue) on
/// every core, keeping the input order, so the result is the same as a plain `map`: outputs stay
/// deterministic, only faster. `transform` must not touch shared mutable state.
///
///     let history = ParallelMap.map(years) { HistoryRows(..., year: $0, ...) }
public enum ParallelMap {
    public static func map<Input: Sendable, Output>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        var results = [Output?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own slot only: no two threads touch the same element.
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                slots.base[i] = transform(items[i])
            }
        }
        return results.map { $0! }
    }

    /// Ownership: the buffer outlives `concurrentPerform`, and each index is written once.
    private struct Slots<Output>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Output?>
    }
}
