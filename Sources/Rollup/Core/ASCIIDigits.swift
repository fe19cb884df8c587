/// Digit checks on bytes, shared by codes, ordinals, numbers and the store's cells.
extension String {
    /// Every character is an ASCII digit (true for ""): `allSatisfy(\.isASCIIDigit)` by bytes,
    /// where a digit's `Character` is its one byte. Then `utf8.count` is also `count`.
    var isASCIIDigits: Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(\.isASCIIDigit) } ?? utf8.allSatisfy(\.isASCIIDigit)
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
