/// Why an XML part could not be parsed: which part, which line, what libxml2 or the safety
/// rules said. `description` is one sentence for the user.
///
///     "huyen-a.xlsx (part xl/worksheets/sheet1.xml, line 3): the XML is malformed (Opening and ending tag mismatch: c line 3 and row)."
public struct XMLParseError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The part declares a DOCTYPE: OOXML never has one, and DTDs are how entity bombs
        /// and external-entity reads start.
        case doctype
        case malformed
    }
    public let kind: Kind
    public let file: String
    public let part: String
    public let line: Int
    public let message: String

    public init(kind: Kind, file: String, part: String, line: Int, message: String) {
        self.kind = kind
        self.file = file
        self.part = part
        self.line = line
        self.message = message
    }

    /// The reason and the remedy, without the place.
    public var reason: String {
        switch kind {
        case .doctype:
            return "the XML declares a DOCTYPE, which Office files never do; it is refused for safety (entity expansion or external files). Save the workbook again from Excel or LibreOffice."
        case .malformed:
            return "the XML is malformed (\(message)); the file is damaged or was not written by a spreadsheet program: save it again from Excel or LibreOffice."
        }
    }

    public var description: String {
        let place = line > 0 ? "\(file) (part \(part), line \(line))" : "\(file) (part \(part))"
        return "\(place): \(reason)"
    }
}
