import ArgumentParser

/// `--log-format`: the log for a person (`text`, swift-log's lines) or for a log collector
/// (`json`, one object per line: `Run.JSONLogHandler`).
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
