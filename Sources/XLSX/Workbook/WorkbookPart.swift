import OfficeXML

/// What xl/workbook.xml says: the sheets in tab order and the date system.
struct WorkbookPart {
    struct SheetEntry {
        let name: String
        let sheetId: String?
        let relationshipId: String?
        let visibility: SheetVisibility
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    static func read(container: ZipContainer, part: String) throws -> WorkbookPart {
        let handler = WorkbookHandler()
        let bytes = try container.readPart(part)
        try XMLPushParser(handler: handler, file: container.fileName, part: part).parse(bytes)
        return handler.result
    }
}

private final class WorkbookHandler: XMLStreamHandler {
    var result = WorkbookPart()

    func startElement(_ e: XMLStartElement) {
        if e.name == "sheet" {
            let name = e.attributes.string("name") ?? "Sheet\(result.sheets.count + 1)"
            let state = e.attributes.string("state")?.lowercased()
            let visibility: SheetVisibility = state == "hidden" ? .hidden : state == "veryhidden" ? .veryHidden : .visible
            let rid = e.attributes.value("id", namespaceSuffix: "relationships")
            result.sheets.append(.init(name: name, sheetId: e.attributes.string("sheetId"), relationshipId: rid, visibility: visibility))
        } else if e.name == "workbookPr" {
            if let v = e.attributes.string("date1904")?.lowercased() { result.date1904 = v == "1" || v == "true" }
        }
    }

    func endElement(_ name: XMLName) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}
