import Foundation
import Core
import Model
import OfficeXML

/// Turns a `ReportModel` into the `PresentedReport` every renderer prints: writes the summary
/// sentences from the results, every number vi-VN through the report's one rounding, the status
/// words, the sources, and the chart specifications. Pure and deterministic; NFC on every
/// string that came from input.
///
///     let report = ReportPresenter(model: model).present()
///     report.indicators.map(\.statusText)   // ["Vượt", "Đạt", "Chưa đạt", ...]
///
/// What is presented (and why): every indicator with the root's result and the rows and bar
/// chart of the root's children (the districts of a province, the provinces of a national
/// roll-up); an appendix matrix of the units two levels below the root against the indicators
/// computed at that level; deeper levels (a nation's 10,598 communes) are in indicators.csv,
/// which the appendix note says. This keeps a national report readable and fast.
public struct ReportPresenter {
    let model: ReportModel
    let percent: PercentFormatter
    let unitsByCode: [String: ReportUnit]
    /// The root's children's results, by indicator then unit code (for the summary's names).
    let resultsByIndicator: [String: [String: IndicatorResult]]
    /// Memo of source texts of aggregates, by file list (a presenter is used by one thread).
    let aggregateSources = SourceMemo()
    /// Whether the appendix matrix's cells carry their `source` (the page's tooltip).
    let matrixSources: Bool

    final class SourceMemo {
        var texts: [[String]: String] = [:]
    }

    /// - Parameter matrixSources: false leaves every appendix matrix cell's `source` empty.
    ///   Only the HTML page prints it (a cell's tooltip, "59/73 (80,82%). Nguồn: ..."); a
    ///   national matrix has 9,702 cells, and their source texts were a quarter of the Word
    ///   report's render. Everything else presented is the same either way.
    ///
    ///       ReportPresenter(model: model, matrixSources: false).present()   // for the DOCX alone
    public init(model: ReportModel, matrixSources: Bool = true) {
        self.model = model
        self.matrixSources = matrixSources
        self.percent = PercentFormatter(model.metadata.display)
        var units: [String: ReportUnit] = [:]
        units.reserveCapacity(model.units.count)
        for unit in model.units { units[unit.code] = unit }
        self.unitsByCode = units
        var results: [String: [String: IndicatorResult]] = [:]
        for indicator in model.indicators {
            results[indicator.id] = Dictionary(indicator.breakdown.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
        }
        self.resultsByIndicator = results
    }

    public func present() -> PresentedReport {
        let meta = model.metadata
        let (kind, subject) = Self.splitTitle(UnicodeText.nfc(meta.title))
        let isReview = meta.kind != .annual
        let period = isReview ? "giai đoạn \(meta.years.first ?? meta.year)-\(meta.years.last ?? meta.year)" : "năm \(meta.year)"
        let agency = meta.agency
        return PresentedReport(
            documentTitle: UnicodeText.nfc("\(meta.title) - \(Self.titleCase(agency.name)) \(agency.place)"),
            year: meta.year,
            periodText: period,
            rootName: name(model.root.name),
            header: Self.header(meta, number: VietnameseDate.documentNumber(nil, abbreviation: UnicodeText.nfc(agency.abbreviation))),
            documentKind: kind,
            title: subject,
            isReview: isReview,
            summary: summary(period: period),
            indicators: model.indicators.enumerated().map { indicator($0.element, number: $0.offset + 1) },
            unitTable: unitTable(),
            trends: trends(),
            commendation: commendation(),
            hasReexpressed: model.trends?.indicators.contains { !$0.reexpressedUnits.isEmpty } ?? false,
            quality: quality(),
            closing: closing(),
            roundingNote: roundingNote(),
            generatedNote: "Trang này do \(UnicodeText.nfc(meta.generatedBy)) tạo từ \(VietnameseNumber.integer(model.root.files.count)) tệp số liệu.")
    }

    /// The ND30 header of a document the agency issues on the document date: the report's, and
    /// each letter's (`LetterPresenter`) with its own number.
    static func header(_ meta: ReportMetadata, number: String) -> PresentedHeader {
        PresentedHeader(
            parentAgency: UnicodeText.nfc(meta.agency.parent),
            agency: UnicodeText.nfc(meta.agency.name),
            number: number,
            placeDate: VietnameseDate.placeAndDate(UnicodeText.nfc(meta.agency.place), CalendarDate(iso: meta.documentDate), year: meta.year))
    }

    // MARK: title

    /// "Báo cáo kết quả ... năm 2024" -> ("BÁO CÁO", "Kết quả ... năm 2024"): ND30 writes the
    /// document kind on its own line in capitals, the subject under it.
    static func splitTitle(_ title: String) -> (kind: String, subject: String) {
        let prefix = "báo cáo "
        guard title.lowercased().hasPrefix(prefix) else { return ("BÁO CÁO", title) }
        let rest = title.dropFirst(prefix.count)
        return ("BÁO CÁO", rest.prefix(1).uppercased() + rest.dropFirst())
    }

    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở giáo dục và đào tạo" for a window's title.
    static func titleCase(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    func name(_ text: String) -> String { UnicodeText.nfc(text) }

    // MARK: shared phrases

    /// "Tính trên 81/83 xã, phường, thị trấn; thiếu số liệu: Xã Trung Thạnh, Xã Thới Xuân."
    func basisSentence(_ basis: IndicatorBasis) -> String {
        BasisPhrase.sentence(basis) { code in unitsByCode[code].map { name($0.name) } ?? code }
    }

    /// "9.735/11.160 (87,23%)", "0/0 (-)" or "chưa có số liệu".
    func resultText(_ r: IndicatorResult) -> String {
        guard let n = r.numerator, let d = r.denominator else { return "chưa có số liệu" }
        return percent.countAndRate(n, d)
    }

    func childrenMetText(_ c: ChildrenSummary?, hasTarget: Bool) -> String? {
        guard hasTarget, let c, c.withRate > 0 else { return nil }
        return "\(c.met)/\(c.withRate) \(LevelWords.plural(c.level)) đạt"
    }

    func sourceText(_ r: IndicatorResult) -> String {
        if r.sources.cells.isEmpty {
            // Aggregates of a large roll-up share a handful of file lists: describe each once.
            if let known = aggregateSources.texts[r.sources.files] { return known }
            let text = SourceText.describe(files: r.sources.files.map(name), cells: [])
            aggregateSources.texts[r.sources.files] = text
            return text
        }
        return SourceText.describe(files: r.sources.files.map(name), cells: r.sources.cells.map {
            Provenance(file: name($0.file), sheet: name($0.sheet), cell: $0.cell)
        })
    }

    func roundingNote() -> String {
        let d = model.metadata.display
        let how = d.rounding == .halfUp ? "làm tròn nửa lên" : "cắt bỏ phần thừa, không làm tròn"
        return "Tỷ lệ phần trăm hiển thị với \(d.percentDecimals) chữ số thập phân (\(how)); "
            + "việc so sánh với chỉ tiêu dùng giá trị chính xác (tử số/mẫu số), không dùng số đã làm tròn."
    }
}
