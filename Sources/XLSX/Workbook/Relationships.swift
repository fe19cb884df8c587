import OfficeXML

/// The relationships of one part (`_rels/*.rels`): id -> (type, resolved target).
///
/// Targets are resolved against the source part's folder, absolute ones from the package
/// root; backslashes are normalised; external targets (hyperlinks) are dropped.
struct Relationships {
    struct Relationship {
        let id: String
        /// The last path segment of the type URI, lowercased ("worksheet", "officedocument",
        /// "sharedstrings", "styles", "xlmacrosheet"...): the same in transitional and Strict.
        let type: String
        let target: String
    }

    private(set) var all: [Relationship] = []
    /// Id -> position in `all` (the first of duplicate ids): a workbook listing a million
    /// sheets must not look each one up through a million relationships.
    private var byId: [String: Int] = [:]

    subscript(id: String) -> Relationship? { byId[id].map { all[$0] } }

    func first(type: String) -> Relationship? { all.first { $0.type == type } }

    static func read(container: ZipContainer, relsPart: String, sourceFolder: String) throws -> Relationships {
        guard container.contains(relsPart) else { return Relationships() }
        let handler = RelationshipsHandler()
        let bytes = try container.readPart(relsPart)
        try XMLPushParser(handler: handler, file: container.fileName, part: relsPart).parse(bytes)
        var rels = Relationships()
        for raw in handler.items {
            guard let target = PartName.resolve(raw.target, from: sourceFolder) else { continue }
            let type = raw.type.split(separator: "/").last.map { $0.lowercased() } ?? ""
            if rels.byId[raw.id] == nil { rels.byId[raw.id] = rels.all.count }
            rels.all.append(Relationship(id: raw.id, type: type, target: target))
        }
        return rels
    }
}

private final class RelationshipsHandler: XMLStreamHandler {
    var items: [(id: String, type: String, target: String)] = []

    func startElement(_ e: XMLStartElement) {
        guard e.name == "Relationship" else { return }
        if let mode = e.attributes.string("TargetMode"), mode.lowercased() == "external" { return }
        guard let id = e.attributes.string("Id"), let target = e.attributes.string("Target") else { return }
        items.append((id, e.attributes.string("Type") ?? "", target))
    }

    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
