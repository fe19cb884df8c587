import Foundation
@testable import OfficeXML
import Testing

/// The atomic writer's temporary names, and reading the writer's pid back from one.
@Suite struct AtomicWriteNameTests {
    @Test func theNameCarriesTheWritersPid() {
        let path = AtomicWrite.temporaryPath(for: "/srv/xhht/Output/2024/bao-cao.docx", pid: 4242)
        #expect(path == "/srv/xhht/Output/2024/.bao-cao.docx.4242.tmp")
        #expect(AtomicWrite.temporaryOwner(".bao-cao.docx.4242.tmp") == 4242)
        #expect(AtomicWrite.temporaryOwner(".a.b.c.7.tmp") == 7)
    }

    @Test(arguments: ["bao-cao.docx", ".bao-cao.docx.tmp", "bao-cao.docx.42.tmp", ".bao-cao.docx.0.tmp", ".bao-cao.docx.-1.tmp",
                      ".42.tmp", ".x.99999999999.tmp", ".x.4x2.tmp", ".x.42.tmp.bak", ".x.٤٢.tmp"])
    func otherNamesAreNotOurs(name: String) {
        #expect(AtomicWrite.temporaryOwner(name) == nil)
    }
}
