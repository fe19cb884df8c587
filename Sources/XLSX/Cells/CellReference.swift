/// A cell's position, 1-based, as Excel's A1 notation names it.
///
///     CellReference("B7")       // row 7, column 2
///     CellReference(row: 1, column: 28).a1   // "AB1"
public struct CellReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 1-based row (1...1,048,576 in Excel; larger values from odd writers are kept).
    public var row: Int
    /// 1-based column (A = 1).
    public var column: Int

    @inlinable public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "B7", "$B$7" or "b7"; nil for anything else.
    public init?(_ a1: String) {
        var bytes = Array(a1.utf8)
        bytes.removeAll { $0 == UInt8(ascii: "$") }
        guard let parsed = bytes.withUnsafeBufferPointer({ CellReference.parse($0) }),
              parsed.row > 0, parsed.column > 0 else { return nil }
        self = parsed
    }

    /// Parses letters then digits from raw bytes. Returns row 0 when there are no digits
    /// and column 0 when there are no letters; nil for other characters or overflow.
    @inlinable static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellReference? {
        var column = 0
        var row = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i] | 0x20  // lower-case ASCII letters
            guard b >= UInt8(ascii: "a"), b <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(b - UInt8(ascii: "a") + 1)
            if column > 1 << 24 { return nil }
            i += 1
        }
        while i < n {
            let d = bytes[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            row = row * 10 + Int(d)
            if row > 1 << 31 { return nil }
            i += 1
        }
        return CellReference(row: row, column: column)
    }

    /// The column's letters ("A", "Z", "AA", ...).
    public static func columnLetters(_ column: Int) -> String {
        var bytes: [UInt8] = []
        appendColumnLetters(column, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @inlinable static func appendColumnLetters(_ column: Int, to out: inout [UInt8]) {
        var letters: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var count = 0
        var c = max(column, 1)
        withUnsafeMutableBytes(of: &letters) { buf in
            while c > 0 && count < 6 {
                let r = (c - 1) % 26
                buf[count] = UInt8(65 + r)
                count += 1
                c = (c - 1) / 26
            }
            while count > 0 {
                count -= 1
                out.append(buf[count])
            }
        }
    }

    /// "B7".
    public var a1: String {
        var bytes: [UInt8] = []
        appendA1(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the A1 text to a byte buffer without allocating a String (JSON writers).
    @inlinable public func appendA1(to out: inout [UInt8]) {
        CellReference.appendColumnLetters(column, to: &out)
        appendDecimal(row, to: &out)
    }

    public var description: String { a1 }

    /// Row-major order: row first, then column.
    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        lhs.row != rhs.row ? lhs.row < rhs.row : lhs.column < rhs.column
    }
}

/// Appends a non-negative decimal integer's ASCII digits.
@inlinable func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value < 0 {
        out.append(UInt8(ascii: "-"))
        appendDecimal(-value, to: &out)
        return
    }
    if value < 10 {
        out.append(UInt8(48 + value))
        return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for Int.max
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { buf in
        while v > 0 {
            buf[count] = UInt8(48 + v % 10)
            v /= 10
            count += 1
        }
        while count > 0 {
            count -= 1
            out.append(buf[count])
        }
    }
}
