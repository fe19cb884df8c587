/// Integers written the vi-VN way: a dot between thousands ("1.234", "12.345.678"), a minus
/// sign in front of negatives. Used for every count in the reports (households, people, units).
///
///     VietnameseNumber.integer(12_345_678)   // "12.345.678"
///     VietnameseNumber.integer(-1_234)       // "-1.234"
public enum VietnameseNumber {
    /// Groups the digits of `value` by three with "." and no other separator.
    public static func integer<T: BinaryInteger>(_ value: T) -> String {
        grouped(digits: String(value.magnitude), negative: value < 0)
    }

    /// Groups a string of ASCII digits by three; `negative` puts "-" in front.
    static func grouped(digits: String, negative: Bool) -> String {
        let utf8 = Array(digits.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 3 + 1)
        if negative { out.append(UInt8(ascii: "-")) }
        for (i, byte) in utf8.enumerated() {
            if i > 0, (utf8.count - i) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
