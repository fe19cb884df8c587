/// Decodes OOXML's `_xHHHH_` escapes, which carry characters XML cannot hold (control
/// characters, a CR) in shared and inline strings: `_x000D_` is a carriage return and
/// `_x005F_` escapes an underscore, so `_x005F_x0041_` reads as the literal `_x0041_`.
///
///     EscapedText.decode(Array("a_x000D_b".utf8))   // "a\rb"
enum EscapedText {
    @inlinable static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Fast path: no "_x" anywhere.
        var i = 0
        let n = bytes.count
        var found = false
        while i + 6 < n {
            if bytes[i] == UInt8(ascii: "_") && bytes[i + 1] == UInt8(ascii: "x") { found = true; break }
            i += 1
        }
        if !found { return String(decoding: bytes, as: UTF8.self) }
        return decode(bytes)
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 7 <= bytes.count, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"),
              bytes[i + 6] == UInt8(ascii: "_") else { return nil }
        var v: UInt32 = 0
        for k in 2..<6 {
            let b = bytes[i + k]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let v = hexValue(bytes, at: i) {
                if (0xD800...0xDBFF).contains(v), let low = hexValue(bytes, at: i + 7), (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    appendUTF8(scalar, to: &out)
                    i += 14
                    continue
                }
                if let scalar = Unicode.Scalar(v) {
                    appendUTF8(scalar.value, to: &out)
                    i += 7
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
