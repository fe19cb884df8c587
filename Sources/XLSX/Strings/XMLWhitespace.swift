import OfficeXML

/// Excel's whitespace rule for `<t>` text: leading and trailing spaces, tabs and line breaks
/// are kept only under `xml:space="preserve"` (which is why Excel writes that attribute
/// whenever a string starts or ends with a space). Inner whitespace is always kept.
///
///     <t>  STATE </t>                       -> "STATE"
///     <t xml:space="preserve">  STATE </t>  -> "  STATE "
enum XMLWhitespace {
    static func preserves(_ attributes: XMLAttributes) -> Bool {
        guard let v = attributes.value("space") else { return false }
        return v.count == 8 && String(decoding: v, as: UTF8.self) == "preserve"
    }

    /// Trims the run `text[start...]` in place.
    static func trim(_ text: inout [UInt8], from start: Int) {
        guard start < text.count else { return }
        var end = text.count
        while end > start && isSpace(text[end - 1]) { end -= 1 }
        var first = start
        while first < end && isSpace(text[first]) { first += 1 }
        if end < text.count { text.removeSubrange(end...) }
        if first > start { text.removeSubrange(start..<first) }
    }
}
