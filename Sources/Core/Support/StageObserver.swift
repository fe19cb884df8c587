/// What watches a run's stages as they happen (`StageClock`): the log writes a line per
/// finished stage with its time, a progress bar on a terminal counts the items of a stage.
/// Called from any thread: `finishedItem` from the tasks that read files in parallel.
///
///     struct Printer: StageObserver {
///         func started(_ stage: String, items: Int?) {}
///         func finishedItem(of stage: String) {}
///         func finished(_ timing: StageTiming) { print(timing.stage, timing.seconds) }
///     }
public protocol StageObserver: Sendable {
    /// A stage begins; `items` is how many things it works through, when that is known.
    func started(_ stage: String, items: Int?)
    /// One item of the stage is done.
    func finishedItem(of stage: String)
    /// A stage ended, with how long it took.
    func finished(_ timing: StageTiming)
}
