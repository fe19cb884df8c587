import OfficeXML

/// Replaces the chart markers of a rendered part with inline drawings (module docs:
/// docs/word-templates.md, "Charts"). Pure: bytes and charts in, bytes and what was placed out.
///
///     <w:r><w:rPr><w:b/></w:rPr><w:t>Hình: \u{E000}xhht-chart:a\u{E001}.</w:t></w:r>
///     ->
///     <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Hình: </w:t></w:r>
///     <w:r><w:rPr><w:b/></w:rPr><w:drawing><wp:inline ...>...<c:chart r:id="rIdChart1"/>...</w:drawing></w:r>
///     <w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">.</w:t></w:r>
///
/// The slow, general way (`MarkerSplice` splices the bytes when the marker has the shape the
/// engine renders, which is always the case for the shipped template). The part is read with
/// OfficeXML's lossless `XMLEventReader` and written back event by event,
/// so everything but the marker's `w:t` keeps its bytes. The marker's run is split around it,
/// each piece keeping the run's `w:rPr`. A marker whose id is not among `charts`, or that is not
/// directly in a run's `w:t` (it cannot hold a drawing there), is removed. The drawing declares
/// its namespaces itself (as python-docx writes pictures), so the part's root is left alone.
struct ChartPlacement {
    struct Placed: Sendable {
        var chart: WordChart
        var relationshipID: String
    }

    /// The charts by id.
    let charts: [String: WordChart]
    /// The next free `wp:docPr` id (ids must be unique in the document).
    var nextDrawingID: Int
    /// Gives each placed chart its relationship id in the part's `_rels`.
    var newRelationshipID: () -> String

    /// Whether the bytes may hold a marker (U+E000 in UTF-8, EE 80 80): the cheap test before a
    /// part is read event by event.
    static func mayHoldMarker(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count - 2
        while i < n {
            if bytes[i] == 0xEE, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
            i += 1
        }
        return false
    }

    /// The part rewritten, and the charts placed in document order.
    mutating func place(_ events: [XMLEvent]) -> (bytes: [UInt8], placed: [Placed]) {
        var w = XMLWriter()
        var placed: [Placed] = []
        var stack: [XMLStartTag] = []
        // The innermost run: its tag and its rPr's bytes, captured as they pass.
        var runTag: XMLStartTag?
        var runProperties: [UInt8] = []
        var inRunProperties = false
        var runPropertiesDepth = 0

        for event in events {
            switch event {
            case .start(let tag):
                if tag.localName == "r", Self.isWordprocessing(tag) {
                    runTag = tag
                    runProperties = []
                }
                if tag.localName == "rPr", let run = stack.last, run.localName == "r", Self.isWordprocessing(run) {
                    inRunProperties = true
                    runPropertiesDepth = stack.count
                }
                if inRunProperties { runProperties += tag.raw }
                stack.append(tag)
                w.write(event)
            case .end(_, let raw):
                let closed = stack.popLast()
                if inRunProperties {
                    runProperties += raw
                    // The run's own rPr ends here, not a tracked change's older rPr inside it.
                    if closed?.localName == "rPr", stack.count == runPropertiesDepth { inRunProperties = false }
                }
                if closed?.localName == "r", closed.map(Self.isWordprocessing) == true { runTag = nil }
                w.write(event)
            case .text(let raw, let decoded):
                if inRunProperties { runProperties += raw }
                guard decoded.contains(WordChart.markerStart) else {
                    w.write(event)
                    continue
                }
                let inRunText = stack.last.map { $0.localName == "t" && Self.isWordprocessing($0) } == true
                    && stack.dropLast().last.map { $0.localName == "r" && Self.isWordprocessing($0) } == true
                if inRunText, let run = runTag {
                    writeSplitting(decoded, run: run, textTag: stack.last!, runProperties: runProperties, into: &w, placed: &placed)
                } else {
                    w.text(Self.removingMarkers(decoded))
                }
            default:
                w.write(event)
            }
        }
        return (w.bytes, placed)
    }

    private static func isWordprocessing(_ tag: XMLStartTag) -> Bool {
        tag.namespaceURI == "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            || tag.namespaceURI == "http://purl.oclc.org/ooxml/wordprocessingml/main"
    }

    /// The text of a `w:t` holding markers, written from inside that `w:t`: text before a
    /// marker, then `</w:t></w:r><w:r>rPr<w:drawing/></w:r><w:r>rPr<w:t xml:space="preserve">`,
    /// then the rest; the caller's events close the last `w:t` and the run.
    private mutating func writeSplitting(_ text: String, run: XMLStartTag, textTag: XMLStartTag, runProperties: [UInt8],
                                         into w: inout XMLWriter, placed: inout [Placed]) {
        let p = run.prefix.map { $0 + ":" } ?? ""
        var rest = Substring(text)
        while let start = rest.range(of: WordChart.markerStart) {
            w.text(String(rest[..<start.lowerBound]))
            let afterStart = rest[start.upperBound...]
            guard let end = afterStart.range(of: WordChart.markerEnd) else {
                // A marker start without its end: not ours; drop the start only.
                rest = afterStart
                continue
            }
            let id = String(afterStart[..<end.lowerBound])
            rest = afterStart[end.upperBound...]
            guard let chart = charts[id] else { continue }
            let relationshipID = newRelationshipID()
            var drawing = "</\(textTag.qualifiedName)></\(run.qualifiedName)><\(p)r>"
            w.raw(Array(drawing.utf8))
            w.raw(runProperties)
            drawing = Self.drawingXML(chart, prefix: p, relationshipID: relationshipID, drawingID: nextDrawingID)
            drawing += "</\(p)r><\(p)r>"
            w.raw(Array(drawing.utf8))
            w.raw(runProperties)
            w.raw(Array("<\(textTag.qualifiedName) xml:space=\"preserve\">".utf8))
            nextDrawingID += 1
            placed.append(Placed(chart: chart, relationshipID: relationshipID))
        }
        w.text(String(rest))
    }

    /// `text` without the markers in it.
    static func removingMarkers(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: WordChart.markerStart) {
            out += rest[..<start.lowerBound]
            rest = rest[start.upperBound...]
            if let end = rest.range(of: WordChart.markerEnd) { rest = rest[end.upperBound...] }
        }
        return out + rest
    }

    /// `<w:drawing>` holding the chart inline, sized, with its docPr id, name and description
    /// (escaped), the namespaces declared on `wp:inline`.
    static func drawingXML(_ chart: WordChart, prefix p: String, relationshipID: String, drawingID: Int) -> String {
        var x = XMLWriter()
        x.start(p + "drawing")
        x.start("wp:inline", attributes: [
            ("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
            ("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
            ("xmlns:c", "http://schemas.openxmlformats.org/drawingml/2006/chart"),
            ("xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
            ("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0")])
        x.element("wp:extent", attributes: [("cx", String(max(chart.width, 0))), ("cy", String(max(chart.height, 0)))])
        x.element("wp:effectExtent", attributes: [("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")])
        x.element("wp:docPr", attributes: [("id", String(drawingID)), ("name", chart.name), ("descr", chart.altText)])
        x.element("wp:cNvGraphicFramePr")
        x.start("a:graphic")
        x.start("a:graphicData", attributes: [("uri", "http://schemas.openxmlformats.org/drawingml/2006/chart")])
        x.element("c:chart", attributes: [("r:id", relationshipID)])
        x.end("a:graphicData")
        x.end("a:graphic")
        x.end("wp:inline")
        x.end(p + "drawing")
        return String(decoding: x.bytes, as: UTF8.self)
    }
}
