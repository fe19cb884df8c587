import CLibXML2

/// Process-wide libxml2 set-up, done once before the first parser: initialise the library
/// (so that parsers on several threads never race its lazy init) and install an external
/// entity loader that loads nothing. `XML_PARSE_NONET` does not block `file://`; this does.
enum XMLSafety {
    private static let installed: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func install() {
        _ = installed
    }
}
