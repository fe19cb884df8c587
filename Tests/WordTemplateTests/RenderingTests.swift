import Foundation
import OfficeXML
import Testing
@testable import WordTemplate

@Suite("Word templates: rendering")
struct RenderingTests {
    func render(_ context: Any, header: String = "Báo cáo", _ body: (inout XMLWriter) -> Void) throws -> WordReader {
        let template = try WordTemplate(bytes: try WordFixture.docx(header: header, body), name: "mau.docx")
        return try WordReader(try template.render(context))
    }

    @Test func aTagSplitOverThreeRunsWithAProofingMarkAndABookmarkInside() throws {
        let out = try render(["ten_huyen": "Cờ Đỏ"]) { w in
            w.paragraph { w in
                w.run("Huyện {{ten_")
                w.proofErr("spellStart")
                w.run("hu")
                w.bookmark(start: 0, name: "dau")
                w.proofErr("spellEnd")
                w.run("yen}} đạt.")
                w.bookmark(end: 0)
            }
        }
        #expect(try out.paragraphs() == ["Huyện Cờ Đỏ đạt."])
        let xml = try out.xml()
        // The marks stay where Word put them.
        #expect(xml.contains("<w:proofErr w:type=\"spellStart\"/>"))
        #expect(xml.contains("<w:bookmarkStart w:id=\"0\" w:name=\"dau\"/>"))
        #expect(!xml.contains("{{"))
    }

    @Test func aTagWhoseSecondHalfIsBoldTakesTheFirstRunsFormatting() throws {
        let out = try render(["ten": "Ô Môn"]) { w in
            w.paragraph { w in
                w.run("Tên: {{te")
                w.run("n}} xong", bold: true)
            }
        }
        #expect(try out.paragraphs() == ["Tên: Ô Môn xong"])
        let xml = try out.xml()
        // The value is in the plain run; the bold run keeps only its own text.
        #expect(xml.contains("<w:r><w:t xml:space=\"preserve\">Tên: Ô Môn</w:t></w:r>"))
        #expect(xml.contains("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> xong</w:t></w:r>"))
    }

    @Test func aRowLoopRepeatsTheRowOncePerDistrict() throws {
        let context: [String: Any] = ["huyen": [
            ["ten": "Cờ Đỏ", "ty_le": "1.110/1.998"], ["ten": "Ô Môn", "ty_le": "5/9"], ["ten": "Phong Điền", "ty_le": "0/3"],
        ]]
        let out = try render(context) { w in
            w.table([
                [["Huyện"], ["Tỷ lệ"]],
                [["{{#huyen}}{{ten}}"], ["{{ty_le}}{{/huyen}}"]],
                [["Cộng"], ["3"]],
            ])
        }
        #expect(try out.rows() == [["Huyện", "Tỷ lệ"], ["Cờ Đỏ", "1.110/1.998"], ["Ô Môn", "5/9"], ["Phong Điền", "0/3"], ["Cộng", "3"]])
        // No district: the row disappears, the table keeps its other rows.
        let empty = try render(["huyen": [[String: String]]()]) { w in
            w.table([[["Huyện"], ["Tỷ lệ"]], [["{{#huyen}}{{ten}}"], ["{{ty_le}}{{/huyen}}"]], [["Cộng"], ["3"]]])
        }
        #expect(try empty.rows() == [["Huyện", "Tỷ lệ"], ["Cộng", "3"]])
    }

    @Test func anInvertedSectionAcrossCellsGivesARowForTheEmptyList() throws {
        func body(_ w: inout XMLWriter) {
            w.table([
                [["Huyện"], ["Tỷ lệ"]],
                [["{{#huyen}}{{ten}}"], ["{{ty_le}}{{/huyen}}"]],
                [["{{^huyen}}Không có huyện nào"], ["{{/huyen}}"]],
            ])
        }
        #expect(try render(["huyen": [[String: String]]()], body).rows() == [["Huyện", "Tỷ lệ"], ["Không có huyện nào", ""]])
        #expect(try render(["huyen": [["ten": "A", "ty_le": "1/2"]]], body).rows() == [["Huyện", "Tỷ lệ"], ["A", "1/2"]])
    }

    @Test func aRowLoopWithTheTagsInTwoParagraphsOfOneCell() throws {
        let out = try render(["xa": [["ten": "A"], ["ten": "B"]]]) { w in
            w.table([[["{{#xa}}", "{{ten}}{{/xa}}"]]])
        }
        #expect(try out.rows() == [["|A"], ["|B"]])
    }

    @Test func aParagraphLoopLeavesNoEmptyParagraph() throws {
        let out = try render(["huyen": [["ten": "Cờ Đỏ"], ["ten": "Ô Môn"]], "tinh": "Cần Thơ"]) { w in
            w.paragraph { w in w.run("Tỉnh {{tinh}}") }
            w.paragraph { w in w.run("{{#huyen}}") }
            w.paragraph { w in w.run("- {{ten}}") }
            w.paragraph { w in w.run("  {{/hu"); w.run("yen}} ", bold: true) }
            w.paragraph { w in w.run("Hết.") }
        }
        #expect(try out.paragraphs() == ["Tỉnh Cần Thơ", "- Cờ Đỏ", "- Ô Môn", "Hết."])
    }

    @Test func aParagraphLoopInsideACellKeepsTheCellsLastParagraph() throws {
        let out = try render(["muc": [["t": "a"], ["t": "b"]]]) { w in
            w.table([[["{{#muc}}", "{{t}}", "{{/muc}}"]]])
        }
        // The close tag's paragraph is the cell's last: kept (empty), as Word requires one.
        #expect(try out.rows() == [["a|b|"]])
        let none = try render(["muc": [[String: String]]()]) { w in
            w.table([[["{{#muc}}", "{{t}}", "{{/muc}}"]]])
        }
        #expect(try none.rows() == [[""]])
    }

    @Test func anInvertedSectionShowsWhenTheListIsEmpty() throws {
        func body(_ w: inout XMLWriter) {
            w.paragraph { w in w.run("{{^huyen}}Không có huyện nào.{{/huyen}}{{#huyen}}{{ten}} {{/huyen}}") }
            w.paragraph { w in w.run("{{^dat}}") }
            w.paragraph { w in w.run("Chưa đạt chỉ tiêu.") }
            w.paragraph { w in w.run("{{/dat}}") }
        }
        let none = try render(["huyen": [[String: String]](), "dat": false], body)
        #expect(try none.paragraphs() == ["Không có huyện nào.", "Chưa đạt chỉ tiêu."])
        let some = try render(["huyen": [["ten": "A"], ["ten": "B"]], "dat": true], body)
        #expect(try some.paragraphs() == ["A B "])
    }

    @Test func valuesAreEscapedAndANewlineBecomesALineBreak() throws {
        let nasty = "A & B <w:p> \"c\" 'd' > e\nDòng hai\r\nDòng ba\tcột"
        let out = try render(["x": nasty, "y": "</w:t></w:r></w:p><w:p>"]) { w in
            w.paragraph { w in w.run("{{x}}|{{{y}}}|{{&y}}") }
        }
        #expect(try out.paragraphs() == ["A & B <w:p> \"c\" 'd' > e\nDòng hai\nDòng ba\tcột|</w:t></w:r></w:p><w:p>|</w:t></w:r></w:p><w:p>"])
        let xml = try out.xml()
        #expect(xml.contains("A &amp; B &lt;w:p&gt;"))
        #expect(xml.contains("<w:br/><w:t xml:space=\"preserve\">Dòng hai"))
        #expect(xml.contains("<w:tab/>"))
    }

    @Test func spacesAroundAValueSurvive() throws {
        let out = try render(["x": "  hai dấu cách  "]) { w in
            w.paragraph { w in w.run("[{{x}}]") }
        }
        #expect(try out.paragraphs() == ["[  hai dấu cách  ]"])
        #expect(try out.xml().contains("<w:t xml:space=\"preserve\">[  hai dấu cách  ]</w:t>"))
    }

    @Test func vietnameseTextComesOutNFC() throws {
        let decomposed = "Phong Điền, Thới Lai".decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array("Phong Điền, Thới Lai".utf8))
        let out = try render(["a": decomposed, "b": "Cờ Đỏ"]) { w in
            w.paragraph { w in w.run("{{a}} và {{b}}") }
        }
        let text = try out.paragraphs()[0]
        #expect(Array(text.utf8) == Array("Phong Điền, Thới Lai và Cờ Đỏ".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func headersAreTemplatesToo() throws {
        let out = try render(["tinh": "Cần Thơ"], header: "UBND tỉnh {{tinh}}") { w in
            w.paragraph { w in w.run("x") }
        }
        #expect(try out.paragraphs("word/header1.xml") == ["UBND tỉnh Cần Thơ"])
    }

    @Test func nestedSectionsRowsInsideAParagraphLoop() throws {
        let context: [String: Any] = ["nam": [
            ["so": "2024", "huyen": [["ten": "A"], ["ten": "B"]]],
            ["so": "2025", "huyen": [["ten": "C"]]],
        ]]
        let out = try render(context) { w in
            w.paragraph { w in w.run("{{#nam}}") }
            w.paragraph { w in w.run("Năm {{so}}") }
            w.table([[["{{#huyen}}{{ten}}{{/huyen}}"]], [["{{#huyen}}"], ["{{ten}}"], ["{{/huyen}}"]]])
            w.paragraph { w in w.run("{{/nam}}") }
        }
        #expect(try out.paragraphs() == ["Năm 2024", "Năm 2025"])
        // The second table's tags stand in cells of their own: a column loop (TableLoopTests).
        #expect(try out.rows() == [["AB"], ["A", "B"], ["C"], ["C"]])
    }

    @Test func braceTextOutsideTagsIsLeftAlone() throws {
        // A field code and a hyperlink address are not text a user types tags in: copied as they are.
        let out = try render(["x": "1"]) { w in
            w.paragraph { w in
                w.start("w:r")
                w.element("w:instrText", attributes: [("xml:space", "preserve")], text: " QUOTE {{x}} {")
                w.end("w:r")
                w.run("{{x}}")
            }
        }
        let events = try out.events()
        let instr = events.compactMap { if case .text(_, let d) = $0, d.contains("QUOTE") { d } else { nil } }
        #expect(instr == [" QUOTE {{x}} {"])
        #expect(try out.paragraphs() == ["1"])
    }

    @Test func commentsVanish() throws {
        let out = try render(["x": "1"]) { w in
            w.paragraph { w in w.run("a{{! ghi chú cho người sửa mẫu }}b{{x}}") }
        }
        #expect(try out.paragraphs() == ["ab1"])
    }

    @Test func aPartThatBindsWordprocessingMLToAnotherPrefix() throws {
        // lxml-based tools may write ns0: the line break must close <ns0:t>, not <w:t>.
        let document = WordFixture.xml { w in
            w.start("ns0:document", attributes: [("xmlns:ns0", WordFixture.w)])
            w.start("ns0:body")
            w.start("ns0:p")
            w.start("ns0:r")
            w.element("ns0:t", text: "{{x}}")
            w.end()
            w.end()
            w.end()
            w.end()
        }
        let template = try WordTemplate(bytes: try WordFixture.package(document: document), name: "mau.docx")
        let out = try WordReader(try template.render(["x": "một\nhai"]))
        #expect(try out.xml().contains("một</ns0:t><ns0:br/><ns0:t xml:space=\"preserve\">hai"))
        #expect(try out.paragraphs() == ["một\nhai"])
    }

    /// Word may cut a line into runs anywhere: cut this one at every pair of places (with a
    /// proofing mark and a bold run in the middle), and it must always render the same text.
    @Test func everyWayOfCuttingTheTextIntoRunsRendersTheSame() throws {
        let line = Array("Ở {{#dat}}Đạt{{/dat}}{{^dat}}Chưa{{/dat}}: {{ten}} ({{{so}}})")
        let context: [String: Any] = ["dat": true, "ten": "Cờ Đỏ & Ô Môn", "so": "1.110/1.998"]
        var cuts = 0
        for a in 1..<line.count {
            for b in stride(from: a + 1, to: line.count, by: 3) {
                let out = try render(context) { w in
                    w.paragraph { w in
                        w.run(String(line[..<a]))
                        w.proofErr("spellStart")
                        w.run(String(line[a..<b]), bold: true)
                        w.proofErr("spellEnd")
                        w.run(String(line[b...]))
                    }
                }
                #expect(try out.paragraphs() == ["Ở Đạt: Cờ Đỏ & Ô Môn (1.110/1.998)"], "cut at \(a), \(b)")
                cuts += 1
            }
        }
        #expect(cuts > 300)
    }

    @Test func aTextWithXmlSpaceDefaultIsRewrittenWithPreserve() throws {
        let out = try render(["x": " a "]) { w in
            w.paragraph { w in
                w.start("w:r")
                w.element("w:t", attributes: [("xml:space", "default")], text: "[{{x}}]")
                w.end("w:r")
            }
        }
        let xml = try out.xml()
        #expect(xml.contains("<w:t xml:space=\"preserve\">[ a ]</w:t>"))
        #expect(!xml.contains("xml:space=\"default\""))
    }
}
