import Testing
import Presentation
import Core
import Model
@testable import Render

@Suite("The page view maps the presented report")
struct PageBuilderTests {
    @Test("data-sort keys come from the exact values: digits for counts and ranks, 4 decimals for rates")
    func sortKeys() {
        #expect(PageBuilder.sortKey(.count(1_500)) == "1500")
        #expect(PageBuilder.sortKey(.count(nil)) == "")
        #expect(PageBuilder.sortKey(.percent(Fraction(5, 9), PercentFormatter())) == "55.5556")
        #expect(PageBuilder.sortKey(PresentedCell(text: "-4,44 điểm %", value: Fraction(-444, 10_000), kind: .points)) == "-4.4400")
        #expect(PageBuilder.sortKey(PresentedCell(text: "2", value: Fraction(2, 1), kind: .rank)) == "2")
    }

    @Test("CSS classes come from the status, not from the words")
    func classes() {
        #expect(IndicatorStatus.allCases.map(PageBuilder.statusClass) == IndicatorStatus.allCases.map { status in
            switch status {
            case .exceeded: "vuot"
            case .met: "dat"
            case .missed: "chua-dat"
            default: "khong-ro"
            }
        })
        #expect(PageBuilder.metClass(true) == "dat" && PageBuilder.metClass(false) == "chua-dat" && PageBuilder.metClass(nil) == "")
    }

    @Test("the page's texts are the presented report's, with the page's own hint added")
    func sameWords() throws {
        let model = RenderFixtures.canTho()
        let report = ReportPresenter(model: model).present()
        let page = HTMLReport.page(for: report)
        #expect(page.summary.paragraphs == report.summary.paragraphs)
        #expect(page.indicators.map(\.rateText) == report.indicators.map(\.rate.text))
        #expect(page.indicators.map(\.statusText) == report.indicators.map(\.statusText))
        #expect(page.indicators.map(\.chartTitle) == report.indicators.map(\.chart.title))
        #expect(page.generatedNote.hasPrefix(report.generatedNote + " "))
        #expect(page.roundingNote == report.roundingNote)
    }
}
