import Foundation
import XLSX

/// Writes the JSON lines of `xhht cells` (the corpus format of consensus.py) straight into a
/// byte buffer flushed to a file descriptor in 64 KiB writes: no String per cell, no
/// JSONEncoder. Escaping follows RFC 8259: `"` and `\`, and control characters as \uXXXX.
///
///     {"kind":"cell","sheet":"Sheet1","ref":"B7","type":"number","value":12.5}
struct CellsJSONWriter {
    private var buffer: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(80 << 10)
    }

    /// `{"kind":"sheet","index":0,"name":"...","visibility":"visible","sheet_type":"worksheet"}`
    mutating func sheet(_ s: SheetInfo) {
        append(#"{"kind":"sheet","index":"#)
        appendInt(s.index)
        append(#","name":"#)
        appendString(s.name)
        append(#","visibility":""#)
        append(s.visibility.rawValue)
        append(#"","sheet_type":""#)
        append(s.kind.rawValue)
        append("\"}\n")
    }

    /// The constant start of a sheet's cell lines, computed once per sheet.
    static func cellPrefix(sheet name: String) -> [UInt8] {
        var w = CellsJSONWriter(fd: -1)
        w.append(#"{"kind":"cell","sheet":"#)
        w.appendString(name)
        w.append(#","ref":""#)
        return w.buffer
    }

    /// One cell line; nothing for `.empty` and "" (the corpus format leaves them out).
    mutating func cell(_ cell: Cell, prefix: [UInt8]) {
        switch cell.value {
        case .empty: return
        case .string(let s) where s.isEmpty: return
        default: break
        }
        buffer.append(contentsOf: prefix)
        cell.reference.appendA1(to: &buffer)
        switch cell.value {
        case .number(let n):
            append(#"","type":"number","value":"#)
            appendNumber(n)
        case .string(let s):
            append(#"","type":"string","value":"#)
            appendString(s)
        case .bool(let b):
            append(#"","type":"bool","value":"#)
            append(b ? "true" : "false")
        case .date(let d):
            append(#"","type":"date","value":""#)
            d.appendISO(to: &buffer)
            buffer.append(UInt8(ascii: "\""))
        case .error(let e):
            append(#"","type":"error","value":"#)
            appendString(e)
        case .empty:
            break
        }
        append("}\n")
        if buffer.count >= 64 << 10 { flush() }
    }

    /// `{"kind":"<kind>", key: "message", ...}` for fatal and sheet errors.
    mutating func object(_ pairs: [(String, String)]) {
        buffer.append(UInt8(ascii: "{"))
        for (i, (key, value)) in pairs.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(key)
            buffer.append(UInt8(ascii: ":"))
            appendString(value)
        }
        append("}\n")
    }

    mutating func raw(_ text: String) { append(text) }

    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                break  // a closed pipe: nothing more can be written
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ s: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func append(_ s: String) {
        buffer.append(contentsOf: s.utf8)
    }

    private mutating func appendInt(_ v: Int) {
        buffer.append(contentsOf: String(v).utf8)
    }

    /// Canonical numbers: 12 significant digits (`%.12g`), integers below 10^12 written
    /// directly; infinities and NaN (not JSON) as strings.
    private mutating func appendNumber(_ n: Double) {
        if n.isNaN || n.isInfinite {
            append(n.isNaN ? "\"nan\"" : n < 0 ? "\"-inf\"" : "\"inf\"")
            return
        }
        if n == n.rounded(.towardZero), abs(n) < 1e12 {
            let i = Int(n)
            if i == 0 && n.sign == .minus { append("0"); return }
            if i < 0 { buffer.append(UInt8(ascii: "-")) }
            var digits: [UInt8] = []
            var v = i.magnitude
            repeat { digits.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
            buffer.append(contentsOf: digits.reversed())
            return
        }
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buf in
            let count = withVaList([n]) { vsnprintf(buf.baseAddress!, 40, "%.12g", $0) }
            buf.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 40) { p in
                buffer.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(max(0, min(count, 39)))))
            }
        }
    }

    private mutating func appendString(_ s: String) {
        buffer.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                if runStart < i { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    buffer.append(hex[Int(b >> 4)])
                    buffer.append(hex[Int(b & 0xF)])
                }
            }
            if runStart < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
