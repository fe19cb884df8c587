import Foundation
import Logging

/// The log as JSON lines (`--log-format json`), for a log collector rather than a person: one
/// object per line with the same five keys, always, in this order of meaning and sorted in the
/// text, so that a line is read by key and never by position:
///
///     {"fields":{"seconds":"0.420"},"level":"info","message":"xong bước đọc tệp (read): 0,420 giây","stage":"read","time":"2024-12-05T01:30:00.123Z"}
///
/// - `time`: when, ISO 8601 in UTC with milliseconds;
/// - `level`: swift-log's level (`trace` … `critical`; xhht uses debug, info, warning, error);
/// - `stage`: the stage the line is about (`read`, `render`, … as in manifest.json), or null;
/// - `message`: the line's Vietnamese text, as the text log says it;
/// - `fields`: the other metadata, every value a string (`{}` when none).
///
/// Non-ASCII text is written as UTF-8 (not `\u` escapes); a line never contains a raw newline.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let output: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// A handler writing each line with `output` (default: standard error, one `write` a line,
    /// so lines of concurrent tasks never interleave), timed by `now`.
    public init(output: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.output = output
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        let stage = fields.removeValue(forKey: "stage")
        output(Self.line(time: now(), level: event.level, stage: stage.map { "\($0)" }, message: event.message.description,
                         fields: fields.mapValues { "\($0)" }))
    }

    /// One line of the log, with its newline. Pure: the tests read it back with JSONSerialization.
    public static func line(time: Date, level: Logger.Level, stage: String?, message: String, fields: [String: String]) -> String {
        let entry = Entry(time: Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(time),
                          level: level.rawValue, stage: stage, message: message, fields: fields)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and a string dictionary cannot fail.
        let data = (try? encoder.encode(entry)) ?? Data(#"{"fields":{},"level":"error","message":"","stage":null,"time":""}"#.utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static let standardError: @Sendable (String) -> Void = { line in
        var line = line
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    private struct Entry: Encodable {
        var time: String
        var level: String
        var stage: String?
        var message: String
        var fields: [String: String]

        enum CodingKeys: String, CodingKey { case time, level, stage, message, fields }

        /// `stage` is written as null when there is none: every line has the five keys.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(time, forKey: .time)
            try c.encode(level, forKey: .level)
            try c.encode(stage, forKey: .stage)
            try c.encode(message, forKey: .message)
            try c.encode(fields, forKey: .fields)
        }
    }
}
