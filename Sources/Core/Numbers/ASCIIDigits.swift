/// Digit checks on bytes, shared by codes, ordinals, numbers and the store's cells.
extension String {
    /// Every character is an ASCII digit (true for ""): `allSatisfy(\.isASCIIDigit)` by bytes,
    /// where a digit's `Character` is its one byte. Then `utf8.count` is also `count`.
    @inlinable public var isASCIIDigits: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(\.isASCIIDigit) } ?? utf8.allSatisfy(\.isASCIIDigit)
    }
}

extension UInt8 {
    @inlinable public var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

extension Character {
    /// `isASCII && isNumber`, without looking up Unicode properties.
    @inlinable public var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
    }
}
