/// The fast way to place charts: the markers of a rendered part replaced in its bytes, with
/// nothing else read or rewritten. `ChartPlacement` does the same from the part's events; this
/// gives the same drawings and runs without reading a 4 MB body (a national report's appendix
/// matrix) event by event, which cost about 0.4 s of a one-second budget.
///
///     <w:r><w:rPr><w:b/></w:rPr><w:t>Hình: \u{E000}xhht-chart:a\u{E001}.</w:t></w:r>
///     ->
///     <w:r><w:rPr><w:b/></w:rPr><w:t>Hình: </w:t></w:r>
///     <w:r><w:rPr><w:b/></w:rPr><w:drawing>...</w:drawing></w:r>
///     <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">.</w:t></w:r>
///
/// It works on the shape the engine renders: a marker in the text of a `w:t` (prefix `w`, bound
/// to WordprocessingML on the root) inside a `w:r`. Rendered text is escaped, so the nearest `<`
/// before a marker is its `w:t` start tag and the next one after it that element's end tag. Any
/// other shape (a marker in an attribute, another prefix, a marker cut short) returns nil before
/// anything is taken, and the caller reads the part event by event (`ChartPlacement`).
enum MarkerSplice {
    static let start = Array(WordChart.markerStart.utf8)
    static let end = Array(WordChart.markerEnd.utf8)
    static let wordNamespaces = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                 "http://purl.oclc.org/ooxml/wordprocessingml/main"]

    /// The part with every marker replaced (a placed chart's drawing, or nothing for an id not
    /// in `charts`) and the charts placed in document order; nil when a marker is not in the
    /// simple shape above.
    static func splice(_ bytes: [UInt8], charts: [String: WordChart], nextDrawingID: inout Int,
                       newRelationshipID: () -> String) -> (bytes: [UInt8], placed: [ChartPlacement.Placed])? {
        guard rootBindsW(bytes) else { return nil }
        // Find and check every marker first: nothing is taken (ids) unless all can be placed.
        var found: [(range: Range<Int>, id: String, runProperties: ArraySlice<UInt8>)] = []
        var from = 0
        while let s = find(start, in: bytes, from: from) {
            guard let e = find(end, in: bytes, from: s + start.count) else { return nil }
            let id = String(decoding: bytes[(s + start.count)..<e], as: UTF8.self)
            guard !id.contains("<"), let properties = runProperties(around: s, in: bytes) else { return nil }
            found.append((s..<(e + end.count), id, properties))
            from = e + end.count
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + found.count * 1_200)
        var placed: [ChartPlacement.Placed] = []
        var copied = 0
        for marker in found {
            out += bytes[copied..<marker.range.lowerBound]
            copied = marker.range.upperBound
            guard let chart = charts[marker.id] else { continue }
            let relationshipID = newRelationshipID()
            out += Array("</w:t></w:r><w:r>".utf8)
            out += marker.runProperties
            out += Array(ChartPlacement.drawingXML(chart, prefix: "w:", relationshipID: relationshipID, drawingID: nextDrawingID).utf8)
            out += Array("</w:r><w:r>".utf8)
            out += marker.runProperties
            out += Array("<w:t xml:space=\"preserve\">".utf8)
            nextDrawingID += 1
            placed.append(ChartPlacement.Placed(chart: chart, relationshipID: relationshipID))
        }
        out += bytes[copied...]
        return (out, placed)
    }

    /// The `w:rPr` of the run whose `w:t` text holds the byte at `marker` (empty when the run
    /// has none); nil when the marker is not in that shape.
    static func runProperties(around marker: Int, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        // The text's element: the nearest tag before, a start tag `<w:t>` or `<w:t ...>`.
        guard let lt = lastIndex(of: UInt8(ascii: "<"), in: bytes, before: marker),
              let gt = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: lt), gt < marker,
              bytes[gt - 1] != UInt8(ascii: "/"),
              hasPrefix("<w:t>", bytes, at: lt) || hasPrefix("<w:t ", bytes, at: lt) else { return nil }
        // Its end: the next tag after the marker (other markers hold no `<`).
        guard let next = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: marker), hasPrefix("</w:t>", bytes, at: next) else { return nil }
        // Its run: the nearest run start before it, with no run end between.
        var i = lt
        var runStart: Int?
        while let j = lastIndex(of: UInt8(ascii: "<"), in: bytes, before: i) {
            if hasPrefix("<w:r>", bytes, at: j) || hasPrefix("<w:r ", bytes, at: j) { runStart = j; break }
            if hasPrefix("</w:r>", bytes, at: j) || hasPrefix("<w:p>", bytes, at: j) || hasPrefix("<w:p ", bytes, at: j) { return nil }
            i = j
        }
        guard let runStart, let runOpen = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: runStart),
              bytes[runOpen - 1] != UInt8(ascii: "/") else { return nil }
        let p = runOpen + 1
        if hasPrefix("<w:rPr/>", bytes, at: p) { return bytes[p..<(p + 8)] }
        guard hasPrefix("<w:rPr>", bytes, at: p) || hasPrefix("<w:rPr ", bytes, at: p) else { return bytes[p..<p] }
        // The matching end: a tracked change holds an older w:rPr inside (w:rPrChange).
        var depth = 0
        var k = p
        while let j = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: k), j < lt {
            if hasPrefix("</w:rPr>", bytes, at: j) {
                depth -= 1
                if depth == 0 { return bytes[p..<(j + 8)] }
            } else if hasPrefix("<w:rPr>", bytes, at: j) || hasPrefix("<w:rPr ", bytes, at: j) {
                depth += 1
            }
            k = j + 1
        }
        return nil
    }

    /// Whether the part's root element binds the prefix `w` to WordprocessingML (Word always
    /// does); the byte-level checks look for `w:` names only.
    static func rootBindsW(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while let lt = firstIndex(of: UInt8(ascii: "<"), in: bytes, from: i) {
            guard lt + 1 < bytes.count else { return false }
            if bytes[lt + 1] == UInt8(ascii: "?") || bytes[lt + 1] == UInt8(ascii: "!") { i = lt + 1; continue }
            guard let gt = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: lt) else { return false }
            let tag = bytes[lt...gt]
            return wordNamespaces.contains { uri in
                find(Array("xmlns:w=\"\(uri)\"".utf8), in: Array(tag), from: 0) != nil
                    || find(Array("xmlns:w='\(uri)'".utf8), in: Array(tag), from: 0) != nil
            }
        }
        return false
    }

    /// The largest `wp:docPr` id in a part's bytes (0 without drawings). It reads every
    /// `docPr` start tag's `id`; text that merely looks like one can only make the answer
    /// larger, which is safe: the new ids must only be unused.
    static func largestDrawingID(_ bytes: [UInt8]) -> Int {
        let name = Array("docPr".utf8)
        var largest = 0
        var from = 0
        while let s = find(name, in: bytes, from: from) {
            from = s + name.count
            guard s > 0, bytes[s - 1] == UInt8(ascii: ":") || bytes[s - 1] == UInt8(ascii: "<"),
                  let gt = firstIndex(of: UInt8(ascii: ">"), in: bytes, from: from) else { continue }
            var k = from
            while k + 4 < gt {
                let space = bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D
                if space, bytes[k + 1] == UInt8(ascii: "i"), bytes[k + 2] == UInt8(ascii: "d"), bytes[k + 3] == UInt8(ascii: "="),
                   bytes[k + 4] == UInt8(ascii: "\"") || bytes[k + 4] == UInt8(ascii: "'") {
                    var value = 0
                    var d = k + 5
                    while d < gt, let digit = Int(exactly: bytes[d]).map({ $0 - 48 }), (0...9).contains(digit), value < 1_000_000_000 {
                        value = value * 10 + digit
                        d += 1
                    }
                    largest = max(largest, value)
                    break
                }
                k += 1
            }
        }
        return largest
    }

    // MARK: bytes

    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, hasPrefix(needle, bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func hasPrefix(_ text: String, _ bytes: [UInt8], at i: Int) -> Bool {
        hasPrefix(Array(text.utf8), bytes, at: i)
    }

    static func hasPrefix(_ needle: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i < bytes.count {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    static func lastIndex(of byte: UInt8, in bytes: [UInt8], before: Int) -> Int? {
        var i = before - 1
        while i >= 0 {
            if bytes[i] == byte { return i }
            i -= 1
        }
        return nil
    }
}
