/// A JSON text written value by value into bytes, in the order the caller gives: no tree, no
/// reflection, no sorting, so a national report.json (a hundred thousand results) costs one pass
/// over the model. Commas are placed by the writer; the caller opens and closes what it began.
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("id"); json.string("gia_dinh")
///     json.key("counts"); json.beginArray(); json.int(5); json.int(9); json.endArray()
///     json.endObject()
///     // {"id":"gia_dinh","counts":[5,9]}
///
/// Strings are written as UTF-8 with only what RFC 8259 requires escaped (`"`, `\`, the control
/// characters), and "/" left alone, as `JSONEncoder` with `.withoutEscapingSlashes` writes them.
/// `newline()` puts a line break before the next value, for a file people page through (one
/// result a line); it is whitespace between tokens, so any reader takes it.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: whether a value was written in it (a comma comes next).
    private var written: [Bool] = []
    /// After `key`, the value follows the colon with no comma.
    private var afterKey = false

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); bytes.append(0x7B); written.append(false) }
    mutating func endObject() { written.removeLast(); breakLineIfAsked(); bytes.append(0x7D) }
    mutating func beginArray() { separate(); bytes.append(0x5B); written.append(false) }
    mutating func endArray() { written.removeLast(); breakLineIfAsked(); bytes.append(0x5D) }

    /// An object's key; its value is the next thing written.
    mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(0x3A)
        afterKey = true
    }

    mutating func string(_ value: String) { separate(); appendString(value) }
    mutating func int<T: BinaryInteger>(_ value: T) {
        separate()
        // Digits straight into the bytes: a national file writes a million integers, and
        // `String(value)` allocated a string for each.
        var magnitude = Int64(value).magnitude
        if value < 0 { bytes.append(0x2D) }
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: magnitude % 10) + 0x30)
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }
    mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int<T: BinaryInteger>(_ value: T?) { if let value { int(value) } else { null() } }

    /// A value already encoded as JSON (a small section from `JSONEncoder`), written as it is.
    mutating func raw<Bytes: Sequence>(_ json: Bytes) where Bytes.Element == UInt8 {
        separate()
        bytes.append(contentsOf: json)
    }

    /// A line break before the next value (after its comma, so the comma ends the line above).
    mutating func newline() { lineBreak = true }

    private var lineBreak = false

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = written.last {
            if last { bytes.append(0x2C) }
            written[written.count - 1] = true
        }
        breakLineIfAsked()
    }

    private mutating func breakLineIfAsked() {
        if lineBreak {
            bytes.append(0x0A)
            lineBreak = false
        }
    }

    private mutating func appendString(_ value: String) {
        bytes.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0x08: bytes.append(0x5C); bytes.append(0x62)
            case 0x0C: bytes.append(0x5C); bytes.append(0x66)
            case 0x00..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
