import OfficeXML

/// Reads a rendered document back for the tests: the text of every body paragraph (line breaks
/// as "\n", tabs as "\t"), the tables as rows of cell texts, and the raw XML of a part.
/// Every part goes through XMLEventReader, so reading also checks that the part is well-formed.
struct WordReader {
    let container: ZipContainer

    init(_ docx: [UInt8]) throws {
        container = try ZipContainer(bytes: docx, name: "out.docx")
    }

    func xml(_ part: String = "word/document.xml") throws -> String {
        String(decoding: try container.readPart(part), as: UTF8.self)
    }

    func events(_ part: String = "word/document.xml") throws -> [XMLEvent] {
        try XMLEventReader.read(try container.readPart(part), file: "out.docx", part: part)
    }

    /// The text of each paragraph outside tables, in order.
    func paragraphs(_ part: String = "word/document.xml") throws -> [String] {
        var out: [String] = []
        var current: String?
        var inText = false
        var tables = 0
        for event in try events(part) {
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "tbl": tables += 1
                case "p" where tables == 0: current = ""
                case "t": inText = true
                case "br": current? += "\n"
                case "tab": current? += "\t"
                default: break
                }
            case .end(let name, _):
                let local = name.split(separator: ":").last.map(String.init) ?? name
                if local == "tbl" { tables -= 1 }
                if local == "t" { inText = false }
                if local == "p", tables == 0, let text = current { out.append(text); current = nil }
            case .text(_, let decoded):
                if inText { current? += decoded }
            default: break
            }
        }
        return out
    }

    /// Each table row as its cells' texts (a cell's paragraphs joined with "|").
    func rows() throws -> [[String]] {
        var out: [[String]] = []
        var row: [String]?
        var cell: [String]?
        var inText = false
        for event in try events() {
            switch event {
            case .start(let tag):
                switch tag.localName {
                case "tr": row = []
                case "tc": cell = []
                case "p": cell?.append("")
                case "t": inText = true
                default: break
                }
            case .end(let name, _):
                switch name.split(separator: ":").last.map(String.init) ?? name {
                case "t": inText = false
                case "tc": row?.append((cell ?? []).joined(separator: "|")); cell = nil
                case "tr": out.append(row ?? []); row = nil
                default: break
                }
            case .text(_, let decoded):
                if inText, cell != nil { cell![cell!.count - 1] += decoded }
            default: break
            }
        }
        return out
    }
}
