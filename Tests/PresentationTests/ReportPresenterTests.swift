import Testing
import Core
import Model
@testable import Presentation

@Suite("The presented report: words and numbers from the model, no markup")
struct ReportPresenterTests {
    static func present(_ model: ReportModel = PresentationFixtures.model()) -> PresentedReport {
        ReportPresenter(model: model).present()
    }

    @Test("header, title and closing as ND30 writes them")
    func headerAndClosing() {
        let report = Self.present()
        #expect(report.documentKind == "BÁO CÁO")
        #expect(report.title == "Kết quả xây dựng xã hội học tập năm 2024")
        #expect(report.periodText == "năm 2024")
        #expect(report.header.placeDate == "Cần Thơ, ngày 05 tháng 01 năm 2025")
        #expect(report.header.number.hasSuffix("/BC-SGDĐT"))
        #expect(report.closing.recipients == ["- Bộ Giáo dục và Đào tạo;", "- Lưu: VT."])
        #expect(report.closing.signerAuthority == nil)
        #expect(report.closing.signerName == "Nguyễn Văn An")
    }

    @Test("the summary is written from the numbers")
    func summary() {
        let summary = Self.present().summary
        #expect(summary.paragraphs == [
            "Đã nhận số liệu của 1/2 quận, huyện và 2/3 xã, phường, thị trấn thuộc Thành phố Cần Thơ; còn 1 quận, huyện chưa gửi báo cáo.",
            "Trong 1 chỉ tiêu có kế hoạch năm 2024, 1 chỉ tiêu đạt, 0 chỉ tiêu chưa đạt.",
            "Tỷ lệ hộ gia đình đạt danh hiệu \"Gia đình học tập\" đạt 75,00% (9/12), đạt đúng chỉ tiêu (chỉ tiêu 75%); "
                + "1/1 quận, huyện đạt; 1 quận, huyện chưa có số liệu.",
        ])
        #expect(summary.reportingText == "1/2")
        #expect(summary.missingUnitNames == ["Huyện Cờ Đỏ"])
        #expect(summary.indicatorsMetText == "1/1")
    }

    @Test("an indicator: cells carry the text, the exact value and the kind")
    func indicatorCells() throws {
        let indicator = try #require(Self.present().indicators.first)
        #expect(indicator.number == 1)
        #expect(indicator.target == PresentedCell(text: "75%", value: Fraction(3, 4), kind: .percent))
        #expect(indicator.rate == PresentedCell(text: "75,00%", value: Fraction(9, 12), kind: .percent))
        #expect(indicator.resultText == "9/12 (75,00%)")
        #expect(indicator.status == .met && indicator.statusText == "Đạt")
        #expect(indicator.gapText == "đạt đúng chỉ tiêu")
        #expect(indicator.basisText == "Tính trên 2/3 xã, phường, thị trấn; thiếu số liệu: Xã Trung An.")
        #expect(indicator.notReportedText == "1 quận, huyện chưa có số liệu")
        #expect(indicator.rowLevelName == "quận, huyện" && indicator.rowLevelTitle == "Quận, huyện")
        // The total has no rank; a ranked row has its rank as a number, an unranked one "—".
        #expect(indicator.total.rank == PresentedCell(text: "", value: nil, kind: .rank))
        #expect(indicator.rows.map(\.rank.text) == ["1", "—"])
        #expect(indicator.rows[0].rank.value == Fraction(1, 1))
        // Missing is never zero: no value, a dash.
        #expect(indicator.rows[1].numerator == PresentedCell(text: "—", value: nil, kind: .count))
        #expect(indicator.rows[0].numerator == PresentedCell(text: "9", value: Fraction(9, 1), kind: .count))
        #expect(indicator.rows[1].statusText == "Chưa có số liệu")
        #expect(indicator.rows[0].basis.text == "2/2" && indicator.rows[0].basis.value == Fraction(2, 1))
    }

    @Test("the bar chart's specification: the report unit first, target, scale and ticks")
    func barChartSpec() throws {
        let chart = try #require(Self.present().indicators.first).chart
        #expect(chart.title == "Tỷ lệ hộ gia đình đạt danh hiệu \"Gia đình học tập\" theo quận, huyện")
        #expect(chart.bars.map(\.label) == ["Thành phố Cần Thơ", "Quận Ninh Kiều", "Huyện Cờ Đỏ"])
        #expect(chart.bars.map(\.emphasized) == [true, false, false])
        #expect(chart.bars[2].value == nil && chart.bars[2].valueText == "chưa có số liệu")
        #expect(chart.bars[1].note == "9/12 (75,00%)")
        #expect(chart.target == Fraction(3, 4) && chart.targetText == "Chỉ tiêu 75%")
        #expect(chart.scaleMax == 1)
        #expect(chart.ticks.map(\.label) == ["0%", "25%", "50%", "75%", "100%"])
    }

    @Test("the appendix matrix: every commune, the cell's source and standing")
    func unitTable() throws {
        let table = try #require(Self.present().unitTable)
        #expect(table.title == "Phụ lục 1. Kết quả các chỉ tiêu theo xã, phường, thị trấn")
        #expect(table.columns.map(\.targetText) == ["75%"])
        #expect(table.rows.map(\.name) == ["Phường Cái Khế", "Phường An Hòa", "Xã Trung An"])
        let first = table.rows[0].cells[0]
        #expect(first.rate == PresentedCell(text: "83,33%", value: Fraction(5, 6), kind: .percent))
        #expect(first.met == true)
        #expect(first.source == "5/6 (83,33%). Nguồn: mau-2024-916-ninh-kieu.xlsx, Cấp xã!E7, Cấp xã!D7")
        #expect(table.rows[2].cells[0].rate.text == "—" && table.rows[2].cells[0].met == nil)
        #expect(table.countText == "3 xã, phường, thị trấn")
        #expect(table.note == nil)
    }

    @Test("without matrixSources only the matrix cells' source is empty; the rest is the same")
    func withoutMatrixSources() throws {
        let model = PresentationFixtures.model()
        let full = ReportPresenter(model: model).present()
        let forPaper = ReportPresenter(model: model, matrixSources: false).present()
        let cells = try #require(forPaper.unitTable).rows.flatMap(\.cells)
        #expect(!cells.isEmpty && cells.allSatisfy { $0.source.isEmpty })
        // Blank the full report's matrix sources: then the two are equal, value for value.
        var blanked = full
        blanked.unitTable?.rows = try #require(full.unitTable).rows.map { row in
            var row = row
            row.cells = row.cells.map { var cell = $0; cell.source = ""; return cell }
            return row
        }
        #expect(blanked != full)
        #expect(blanked == forPaper)
    }

    @Test("the report's rounding setting reaches every rate (one rounding)")
    func roundingSetting() throws {
        let truncated = Self.present(PresentationFixtures.model(display: Display(rounding: .truncate, percentDecimals: 1)))
        let halfUp = Self.present(PresentationFixtures.model(display: Display(rounding: .halfUp, percentDecimals: 1)))
        // Phường An Hòa: 4/6 = 66,666...%
        #expect(try #require(truncated.unitTable).rows[1].cells[0].rate.text == "66,6%")
        #expect(try #require(halfUp.unitTable).rows[1].cells[0].rate.text == "66,7%")
        #expect(truncated.roundingNote.contains("1 chữ số thập phân (cắt bỏ phần thừa, không làm tròn)"))
        #expect(halfUp.roundingNote.contains("(làm tròn nửa lên)"))
    }

    @Test("names from the input: NFC, and left as text (escaping is each renderer's job)")
    func namesFromInput() throws {
        let nfd = "Phu\u{031B}o\u{031B}\u{0300}ng Ca\u{0301}i Khe\u{0302}\u{0301}"
        let table = try #require(Self.present(PresentationFixtures.model(communeName: nfd)).unitTable)
        #expect(Array(table.rows[0].name.unicodeScalars) == Array("Phường Cái Khế".unicodeScalars))
        let hostile = try #require(Self.present(PresentationFixtures.model(communeName: "<b>Xã</b> & \"x\"")).unitTable)
        #expect(hostile.rows[0].name == "<b>Xã</b> & \"x\"")
    }

    @Test("the data-quality appendix: counts in words, the unit named with its code")
    func quality() throws {
        let q = Self.present().quality
        #expect(q.countsText == "Phát hiện 1 vấn đề: 0 lỗi (giá trị bị loại khỏi các chỉ tiêu), 1 cảnh báo (giá trị vẫn được dùng), 0 ghi chú.")
        #expect(q.warningCount == 1 && q.errorCount == 0)
        let issue = try #require(q.issues.first)
        #expect(issue.number == 1 && issue.severity == .warning && issue.severityText == "Cảnh báo")
        #expect(issue.unit == "Quận Ninh Kiều (916)")
        #expect(q.omitted.isEmpty)
    }

    @Test("status words")
    func statusWords() {
        #expect(IndicatorStatus.allCases.map(StatusWords.text).count == Set(IndicatorStatus.allCases.map(StatusWords.text)).count)
        #expect(StatusWords.text(.exceeded) == "Vượt")
        #expect(StatusWords.text(.missed) == "Chưa đạt")
        #expect(StatusWords.severity(.error) == "Lỗi" && StatusWords.severityInText(.info) == "ghi chú")
    }
}
