import OfficeXML

/// Puts placed charts into a rendered package: the drawings into the parts holding markers
/// (`ChartPlacement`), and for each chart placed in the body `word/charts/chartN.xml`, its
/// `_rels` pointing at `word/embeddings/Microsoft_Excel_WorksheetN.xlsx`, the relationship in
/// `word/_rels/document.xml.rels` and the content types.
///
///     [Content_Types].xml           + <Default Extension="xlsx" .../> (once), <Override PartName="/word/charts/chart1.xml" .../>
///     word/_rels/document.xml.rels  + <Relationship Id="rIdChart1" Type=".../chart" Target="charts/chart1.xml"/>
///     word/charts/chart1.xml, word/charts/_rels/chart1.xml.rels, word/embeddings/Microsoft_Excel_Worksheet1.xlsx
///
/// Names never clash with the template's: part numbers, relationship ids and `wp:docPr` ids
/// start after those already used. Only the body holds charts (a header's drawing would need
/// the header's own relationships): a marker in a header, footer or note is removed. The
/// relationships and content types parts are read with `XMLEventReader` and written back with
/// the new entries before their root's end tag, everything else byte for byte.
struct ChartPackage {
    typealias Part = (name: String, bytes: [UInt8], compression: ZipWriter.Compression)

    let file: String

    static let body = "word/document.xml"
    static let bodyRelationships = "word/_rels/document.xml.rels"
    static let contentTypes = "[Content_Types].xml"
    static let chartType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    static let packageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
    static let chartContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let workbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// Rewrites `parts` in place: the parts at `marked` (rendered parts that may hold markers)
    /// get their drawings, and the new parts are appended after the template's.
    /// `largestDrawingID` is the largest `wp:docPr` id of the template's parts that may hold
    /// tags (`WordTemplate` reads it once): rendering repeats those drawings and adds none, since
    /// values are escaped text, so the new ids follow it.
    func place(_ charts: [WordChart], marked: [Int], in parts: inout [Part], largestDrawingID: Int) throws {
        var byID: [String: WordChart] = [:]
        for chart in charts where byID[chart.id] == nil { byID[chart.id] = chart }

        var largestDrawingID = largestDrawingID

        let relsIndex = parts.firstIndex { $0.name == Self.bodyRelationships }
        let relsEvents = try relsIndex.map { try read(parts[$0]) }
        var usedIDs = Set(relsEvents.map(Self.relationshipIDs) ?? [])
        var counter = 0
        let newID: () -> String = {
            repeat { counter += 1 } while usedIDs.contains("rIdChart\(counter)")
            usedIDs.insert("rIdChart\(counter)")
            return "rIdChart\(counter)"
        }

        var placed: [ChartPlacement.Placed] = []
        for i in marked.sorted() {
            let isBody = parts[i].name == Self.body
            let partCharts = isBody ? byID : [:]
            var nextDrawingID = largestDrawingID + 1
            // The markers spliced into the bytes as rendered, or, for a part of another shape,
            // the part read and written back event by event; either way checked well-formed.
            let result: (bytes: [UInt8], placed: [ChartPlacement.Placed])
            if let spliced = MarkerSplice.splice(parts[i].bytes, charts: partCharts, nextDrawingID: &nextDrawingID, newRelationshipID: newID) {
                do {
                    try WellFormedCheck.check(spliced.bytes, file: file, part: parts[i].name)
                } catch let error as XMLParseError {
                    throw WordTemplateError(.renderedPartMalformed, file: file, part: parts[i].name, detail: error.message)
                }
                result = spliced
            } else {
                var placement = ChartPlacement(charts: partCharts, nextDrawingID: nextDrawingID, newRelationshipID: newID)
                result = placement.place(try read(parts[i]))
                nextDrawingID = placement.nextDrawingID
            }
            largestDrawingID = nextDrawingID - 1
            parts[i].bytes = result.bytes
            if isBody { placed = result.placed }
        }
        guard !placed.isEmpty else { return }

        var names = Set(parts.map { $0.name.lowercased() })
        /// The first name `make(n)` from `n` on that the package does not hold yet.
        func freeName(_ make: (Int) -> String, from n: inout Int) -> String {
            while names.contains(make(n).lowercased()) { n += 1 }
            let name = make(n)
            names.insert(name.lowercased())
            n += 1
            return name
        }
        var relationships: [(id: String, type: String, target: String)] = []
        var overrides: [String] = []
        var added: [Part] = []
        var chartNumber = 1, workbookNumber = 1
        for p in placed {
            let chartFile = freeName({ "word/charts/chart\($0).xml" }, from: &chartNumber).dropFirst("word/charts/".count)
            relationships.append((p.relationshipID, Self.chartType, "charts/\(chartFile)"))
            overrides.append("/word/charts/\(chartFile)")
            added.append(("word/charts/\(chartFile)", p.chart.chartXML, .deflate))
            if let workbook = p.chart.workbook {
                let workbookFile = freeName({ "word/embeddings/Microsoft_Excel_Worksheet\($0).xlsx" }, from: &workbookNumber)
                    .dropFirst("word/embeddings/".count)
                added.append(("word/charts/_rels/\(chartFile).rels",
                              Self.relationshipsPart([(WordChart.workbookRelationshipID, Self.packageType, "../embeddings/\(workbookFile)")]),
                              .deflate))
                added.append(("word/embeddings/\(workbookFile)", workbook, .store))
            }
        }

        if let relsIndex, let relsEvents {
            parts[relsIndex].bytes = Self.appending(relationships.map { r in
                { (w: inout XMLWriter, prefix: String) in
                    w.element(prefix + "Relationship", attributes: [("Id", r.id), ("Type", r.type), ("Target", r.target)])
                }
            }, to: relsEvents)
        } else {
            parts.append((Self.bodyRelationships, Self.relationshipsPart(relationships), .deflate))
        }

        guard let typesIndex = parts.firstIndex(where: { $0.name == Self.contentTypes }) else {
            throw WordTemplateError(.notAWordFile, file: file, detail: "the package has no [Content_Types].xml")
        }
        let typesEvents = try read(parts[typesIndex])
        let hasXlsx = typesEvents.contains { event in
            if case .start(let tag) = event, tag.localName == "Default" { return tag.attribute("Extension")?.lowercased() == "xlsx" }
            return false
        }
        var typeEntries: [(inout XMLWriter, String) -> Void] = []
        if !hasXlsx, added.contains(where: { $0.name.hasSuffix(".xlsx") }) {
            typeEntries.append { w, p in w.element(p + "Default", attributes: [("Extension", "xlsx"), ("ContentType", Self.workbookContentType)]) }
        }
        for name in overrides {
            typeEntries.append { w, p in w.element(p + "Override", attributes: [("PartName", name), ("ContentType", Self.chartContentType)]) }
        }
        parts[typesIndex].bytes = Self.appending(typeEntries, to: typesEvents)
        parts += added
    }

    private func read(_ part: Part) throws -> [XMLEvent] {
        do {
            return try XMLEventReader.read(part.bytes, file: file, part: part.name)
        } catch let error as XMLParseError {
            throw WordTemplateError(.renderedPartMalformed, file: file, part: part.name, detail: error.message)
        }
    }

    static func relationshipIDs(_ events: [XMLEvent]) -> [String] {
        events.compactMap { event in
            if case .start(let tag) = event, tag.localName == "Relationship" { return tag.attribute("Id") }
            return nil
        }
    }

    /// The events written back with `entries` written just before the root's end tag, under
    /// the root's prefix (normally none).
    static func appending(_ entries: [(inout XMLWriter, String) -> Void], to events: [XMLEvent]) -> [UInt8] {
        var w = XMLWriter()
        var depth = 0
        var rootPrefix = ""
        for event in events {
            switch event {
            case .start(let tag):
                if depth == 0 { rootPrefix = tag.prefix.map { $0 + ":" } ?? "" }
                if depth == 0, tag.selfClosing {
                    // <Types/>: reopen it so that entries can go inside.
                    w.start(tag.qualifiedName, attributes: tag.namespaceDeclarations.map { ($0.prefix.map { "xmlns:" + $0 } ?? "xmlns", $0.uri) }
                            + tag.attributes.map { ($0.qualifiedName, $0.value) })
                    depth += 1
                    continue
                }
                depth += 1
                w.write(event)
            case .end(_, let raw):
                depth -= 1
                if depth == 0 {
                    for entry in entries { entry(&w, rootPrefix) }
                    if raw.isEmpty { w.end() } else { w.write(event) }
                } else {
                    w.write(event)
                }
            default:
                w.write(event)
            }
        }
        return w.bytes
    }

    static func relationshipsPart(_ list: [(id: String, type: String, target: String)]) -> [UInt8] {
        var w = XMLWriter()
        w.declaration()
        w.start("Relationships", attributes: [("xmlns", relationshipsNamespace)])
        for r in list { w.element("Relationship", attributes: [("Id", r.id), ("Type", r.type), ("Target", r.target)]) }
        w.end("Relationships")
        return w.bytes
    }
}
