import Aggregate
import Core
import Foundation
import Presentation
import Model
@testable import Render
import Testing

@Suite("HTML report page")
struct HTMLReportTests {
    static func render(_ model: ReportModel) throws -> String {
        try HTMLReport.render(model: model, templates: RenderFixtures.templates())
    }

    @Test("the ND30 header, title, summary and closing come from the model")
    func headerAndStructure() throws {
        let model = RenderFixtures.canTho()
        let html = try Self.render(model)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        for text in ["UBND THÀNH PHỐ CẦN THƠ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "/BC-SGDĐT", "Cần Thơ, ngày 05 tháng 01 năm 2025",
                     "<span class=\"doc-kind\">BÁO CÁO</span>", "Kết quả xây dựng xã hội học tập năm 2024",
                     "Nơi nhận:", "- Bộ Giáo dục và Đào tạo (để báo cáo);", "- Lưu: VT, GDTX.", "KT. GIÁM ĐỐC", "Nguyễn Văn An"] {
            #expect(html.contains(text), "missing \(text)")
        }
        // Coverage: 8 of 9 districts reported; the missing one is named.
        #expect(html.contains("8/9 quận, huyện"))
        #expect(html.contains("Đơn vị chưa gửi báo cáo: Huyện Cờ Đỏ."))
        // Order of the sections as a reader meets them.
        let order = ["class=\"nd30-header\"", "id=\"tom-tat\"", "id=\"bang-chi-tieu\"", "id=\"chi-tieu-cdht_xa\"",
                     "class=\"nd30-closing\"", "id=\"phu-luc-don-vi\"", "id=\"phu-luc-chat-luong\""]
        let positions = order.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 }.sorted() == positions.compactMap { $0 })
        // An annual report has no trend section.
        #expect(!html.contains("id=\"xu-huong\""))
    }

    @Test("every indicator shows target, n/N (x,xx%) and status, consistent with the exact numbers")
    func indicatorTable() throws {
        let model = RenderFixtures.canTho()
        let html = try Self.render(model)
        let f = PercentFormatter(model.metadata.display)
        for indicator in model.indicators {
            let t = indicator.total
            let n = try #require(t.numerator), d = try #require(t.denominator)
            #expect(html.contains(f.countAndRate(n, d)), "\(indicator.id)")
            let word = t.status == .exceeded ? "Vượt" : t.status == .met ? "Đạt" : "Chưa đạt"
            #expect(html.contains("<td class=\"status \(PageBuilder.statusClass(t.status))\">\(word)</td>"))
            // Each breakdown row of a district shows its own numbers.
            for r in indicator.breakdown {
                if let n = r.numerator {
                    #expect(html.contains(">\(VietnameseNumber.integer(n))</td>"))
                }
            }
        }
        // Targets as the plans write them.
        #expect(html.contains(">55,55%</td>"))
        #expect(html.contains(">80%</td>"))
        #expect(html.contains(">100%</td>"))
    }

    @Test("the summary says met, exceeded or missed, by how many points, and x/y units")
    func summarySentences() throws {
        let model = RenderFixtures.canTho()
        let page = HTMLReport.page(for: model)
        let f = PercentFormatter(model.metadata.display)
        for (indicator, fact) in zip(model.indicators, model.narrative.facts) {
            let sentence = try #require(page.summary.paragraphs.first { $0.hasPrefix(indicator.name + " đạt ") })
            let gap = try #require(indicator.total.gap)
            #expect(sentence.contains(GapPhrase.sentence(gap, f)))
            #expect(sentence.contains(gap.numerator > 0 ? "vượt chỉ tiêu" : (gap.numerator < 0 ? "thấp hơn chỉ tiêu" : "đạt đúng chỉ tiêu")))
            #expect(sentence.contains("\(fact.childrenMet)/\(fact.childrenCounted) quận, huyện đạt"))
        }
        let reached = model.narrative.met + model.narrative.exceeded
        #expect(page.summary.paragraphs.contains { $0.hasPrefix("Trong 14 chỉ tiêu có kế hoạch năm 2024, \(reached) chỉ tiêu đạt") })
    }

    @Test("rounding follows the setting on the exact fraction: 5/9 is 55,56% half-up, 55,55% truncated")
    func roundingSetting() throws {
        for (display, expected) in [(Display(rounding: .halfUp, percentDecimals: 2), "5/9 (55,56%)"),
                                    (Display(rounding: .truncate, percentDecimals: 2), "5/9 (55,55%)")] {
            var model = RenderFixtures.canTho(display: display)
            var total = model.indicators[0].total
            total.numerator = 5; total.denominator = 9; total.rate = Fraction(5, 9)
            model.indicators[0].total = total
            let html = try Self.render(model)
            #expect(html.contains(expected))
        }
    }

    @Test("a unit named <script>alert(1)</script> shows as text everywhere")
    func escaping() throws {
        let hostile = "<script>alert(1)</script>"
        let model = RenderFixtures.canTho(hostileName: hostile)
        let html = try Self.render(model)
        #expect(!html.contains(hostile))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The only script element is the page's own sorting script.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("<script>\n// Sortable tables"))
        // Attribute values cannot be broken out of either.
        let quoting = RenderFixtures.canTho(hostileName: "\" onmouseover=\"alert(1)")
        let html2 = try Self.render(quoting)
        #expect(!html2.contains("\" onmouseover=\"alert(1)"))
        #expect(html2.contains("&quot; onmouseover=&quot;alert(1)"))
    }

    @Test("every indicator says how many units it rests on, names the missing ones (bounded) and each row its n/N")
    func basis() throws {
        let model = RenderFixtures.canTho()  // Cờ Đỏ (10 communes) sent nothing
        let html = try Self.render(model)
        let names = Dictionary(uniqueKeysWithValues: model.units.map { ($0.code, $0.name) })
        let cdhtXa = try #require(model.indicator(id: "cdht_xa"))
        #expect(cdhtXa.total.basis.counted == 73 && cdhtXa.total.basis.expected == 83 && cdhtXa.total.basis.missing.count == 10)
        // The section: the count, the first five names, then how many more.
        #expect(html.contains("<p class=\"body-text basis\">Tính trên 73/83 xã, phường, thị trấn; thiếu số liệu: "
            + "Xã Trung An, Xã Trung Thạnh, Xã Thạnh Phú, Xã Trung Hưng, Thị trấn Cờ Đỏ và 5 đơn vị khác.</p>"))
        #expect(!html.contains("Xã Trung An, Xã Trung Thạnh, Xã Thạnh Phú, Xã Trung Hưng, Thị trấn Cờ Đỏ, Xã Thới Hưng"))
        for indicator in model.indicators {
            #expect(html.contains(BasisPhrase.sentence(indicator.total.basis) { names[$0] ?? $0 }), "\(indicator.id)")
            // Each breakdown row: "n/N" (or "có" / "thiếu" for a district of a district share), the
            // sentence in its title.
            for r in indicator.breakdown {
                let cell = "title=\"\(BasisPhrase.sentence(r.basis) { names[$0] ?? $0 })\">\(BasisPhrase.cell(r.basis, ownLevel: r.level))</td>"
                #expect(html.contains(cell), "\(indicator.id) \(r.unitCode)")
            }
        }
        #expect(html.contains(">0/10</td>"))     // Cờ Đỏ's communes
        #expect(html.contains(">11/11</td>"))    // Ninh Kiều's
        #expect(html.contains(">thiếu</td>"))    // Cờ Đỏ on a district share
        #expect(html.contains("title=\"Số xã, phường, thị trấn có đủ số liệu của chỉ tiêu / số xã, phường, thị trấn trong danh mục\">Có số liệu</th>"))
    }

    @Test("every number can be traced to its file and cell")
    func traceability() throws {
        let model = RenderFixtures.canTho()
        let html = try Self.render(model)
        // A commune's cell in the appendix names the workbook, the sheet and the cells.
        let giaDinh = try #require(model.indicators.first { $0.id == "gia_dinh" })
        let commune = try #require(giaDinh.results.first { $0.unitCode == "91601" })
        let cells = commune.sources.cells.map { "\($0.sheet)!\($0.cell)" }
        #expect(cells.count == 2)
        let expected = "title=\"\(PercentFormatter().countAndRate(commune.numerator!, commune.denominator!)). Nguồn: mau-2024-916-ninh-kieu.xlsx, \(cells.joined(separator: ", "))\""
        #expect(html.contains(expected))
        // Aggregates name the files they sum.
        #expect(html.contains("title=\"Nguồn: tổng hợp từ 8 tệp: mau-2024-916-ninh-kieu.xlsx"))
        // Every numeric cell of the breakdown tables carries a title.
        let numericCells = html.components(separatedBy: "<td class=\"num\" data-sort=\"").dropFirst()
        #expect(numericCells.count > 100)
        let rateCells = html.components(separatedBy: "<td class=\"num\" data-sort=\"").dropFirst().filter { $0.contains("%</td>") && !$0.contains("điểm %") }
        for cell in rateCells.prefix(200) {
            let head = cell.prefix { $0 != ">" }
            #expect(head.contains("title=\""), "untraceable cell: \(cell.prefix(80))")
        }
    }

    @Test("self-contained, NFC, deterministic")
    func selfContained() throws {
        var model = RenderFixtures.canTho()
        // A name in NFD, as some workbooks carry it, comes out NFC.
        model.units[1].name = "Qua\u{0323}\u{0302}n Ninh Kie\u{0302}\u{0300}u"
        let html = try Self.render(model)
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("https:"))
        #expect(!html.contains("@import"))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http:") == false)
        #expect(Array(html.unicodeScalars) == Array(html.precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(try Self.render(model) == html)
        // The charts are inline SVG: one per indicator.
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bar-chart\"").count - 1 == model.indicators.count)
    }

    @Test("a review year shows trend tables and line charts with re-expressed and flagged values")
    func reviewYear() throws {
        let model = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        let html = try Self.render(model)
        #expect(html.contains("Sơ kết giai đoạn 2023-2025 xây dựng xã hội học tập"))
        #expect(html.contains("id=\"xu-huong\""))
        #expect(html.contains("III. Kết quả qua các năm, giai đoạn 2023-2025"))
        #expect(html.components(separatedBy: "class=\"chart line-chart\"").count - 1 == model.indicators.count)
        #expect(html.contains("<th scope=\"col\">2023</th><th scope=\"col\">2024</th><th scope=\"col\">2025</th>"))
        #expect(html.contains("<span class=\"reexpressed-mark\" title=\"Số liệu quy đổi\">*</span>"))
        #expect(html.contains("không quy đổi được"))
        #expect(html.contains("Số liệu quy đổi</text>"))
    }

    @Test("a review's trend table gives each year's own target and names the re-expressed and flagged units")
    func reviewYearTargetsAndMarks() throws {
        var model = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        var trends = try #require(model.trends)
        // The plan raises the target: each year is read against its own.
        trends.indicators[0].targets = [Fraction(7, 10), Fraction(3, 4), nil]
        model.trends = trends
        let html = try Self.render(model)
        let first = try #require(html.components(separatedBy: "<section class=\"trend\"").dropFirst().first)
        #expect(first.contains("<tr class=\"target-row\"><th scope=\"row\">Chỉ tiêu của năm</th><td class=\"num\">70%</td><td class=\"num\">75%</td><td class=\"num\">—</td><td></td><td></td></tr>"))
        #expect(first.contains("Có năm quy đổi từ đơn vị cũ (sáp nhập): Quận Ninh Kiều."))
        #expect(first.contains("Có năm không quy đổi được (đơn vị cũ bị chia tách, không chia số liệu): Huyện Thới Lai."))
        let presented = ReportPresenter(model: model).present().trends[0]
        #expect(presented.targets.map(\.value) == [Fraction(7, 10), Fraction(3, 4), nil])
    }

    @Test("a review with a commendation rule lists the units proposed, ranked, with their numbers, as a proposal")
    func commendation() throws {
        var model = RenderFixtures.canTho(kind: .review2023To2025, year: 2025)
        let section = CommendationRanking.rank(try #require(model.trends), rule: CommendationRule(quota: 3, criteria: [.metEveryYear, .mostImproved]),
                                               reportYear: 2025)
        model.commendation = section
        let html = try Self.render(model)
        let after = try #require(html.components(separatedBy: "<section class=\"commendation\" id=\"khen-thuong\">").dropFirst().first)
        let part = try #require(after.components(separatedBy: "</section>").first)
        #expect(part.contains("<h2>IV. Đề xuất khen thưởng tập thể</h2>"))
        #expect(part.contains("Đề xuất 3 trong 9 quận, huyện (số lượng theo kế hoạch: 3)"))
        #expect(part.contains("Hội đồng Thi đua - Khen thưởng xem xét; không phải quyết định khen thưởng."))
        // One row per candidate, in rank order, each with its counts out of the indicators measured.
        let rows = part.components(separatedBy: "<tr><td class=\"num\">").dropFirst()
        #expect(rows.count == 3)
        for (i, (row, candidate)) in zip(rows, section.candidates).enumerated() {
            #expect(row.hasPrefix("\(i + 1)</td><td>\(Markup.escape(candidate.unitName))"))
            #expect(row.contains(">\(candidate.metEveryYear.count)/\(section.indicatorCount)</td>"))
        }
        // Annual, or no rule: no section.
        #expect(!(try Self.render(RenderFixtures.canTho(kind: .review2023To2025, year: 2025))).contains("khen-thuong"))
    }

    @Test("the data-quality appendix lists every issue with file, sheet and cell")
    func qualityAppendix() throws {
        let model = RenderFixtures.canTho()
        let html = try Self.render(model)
        #expect(html.contains("Phát hiện 4 vấn đề: 2 lỗi"))
        for issue in model.quality.issues {
            #expect(html.contains("<td>\(Markup.escape(issue.provenance.file))</td><td>\(Markup.escape(issue.provenance.sheet))</td><td>\(issue.provenance.cell)</td>"))
        }
        // Errors first.
        let rows = html.components(separatedBy: "<td class=\"severity ").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(rows == ["error", "error", "warning", "info"])
    }

    @Test("a group with more findings than listed says how many are left to issues.csv, in the HTML and report.json")
    func qualityAppendixBounded() throws {
        var model = RenderFixtures.canTho()
        let n = DataQuality.listedPerGroup
        let listed = (0..<n).map { i in
            Core.Issue(severity: .error, rule: "unit-unknown", provenance: Provenance(file: "huyen-rac.xlsx", sheet: "Cấp xã", cell: "C\(24 + i)"),
                         unit: "Rác \(i + 1)", message: "Ô C\(24 + i): không tìm thấy đơn vị \"Rác \(i + 1)\".")
        }
        model.quality = DataQuality(errors: 200_000, warnings: 0, infos: 0, factsAccepted: 0, files: [], byUnit: [], byRule: [],
                                    issues: listed, omitted: [OmittedIssues(file: "huyen-rac.xlsx", rule: "unit-unknown", severity: .error,
                                                                            firstCell: "C24", count: 200_000 - n)])
        let html = try Self.render(model)
        #expect(html.contains("Phát hiện 200.000 vấn đề: 200.000 lỗi"))
        #expect(html.contains("chỉ liệt kê \(n) vấn đề đầu tiên"))
        #expect(html.contains("<li>Và 199.980 lỗi cùng loại khác trong tệp huyen-rac.xlsx (cùng loại với ô C24, dòng TT 1) không liệt kê ở đây; xem issues.csv.</li>"))
        #expect(html.components(separatedBy: "<td class=\"severity ").count - 1 == n)

        let json = Data(try ReportJSON.bytes(model))
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let quality = try #require(object?["quality"] as? [String: Any])
        #expect((quality["issues"] as? [Any])?.count == n)
        let omitted = try #require((quality["omitted"] as? [[String: Any]])?.first)
        #expect(omitted["count"] as? Int == 200_000 - n && omitted["file"] as? String == "huyen-rac.xlsx")
        #expect(object?["schemaVersion"] as? Int == ReportJSON.schemaVersion)
    }

    @Test("a broken template in use is reported with its file and line")
    func brokenTemplateFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xhht-broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RenderFixtures.templatesFolder, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = dir.appendingPathComponent("partials/summary.mustache")
        var text = try String(contentsOf: summary, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{/paragraphs}}", with: "{{/paragraph}}")
        try text.write(to: summary, atomically: true, encoding: .utf8)
        #expect {
            try TemplateSet.load(from: dir)
        } throws: { error in
            let message = "\(error)"
            return message.contains("partials/summary.mustache, dòng 6") && message.contains("{{/paragraph}}")
        }
    }
}
