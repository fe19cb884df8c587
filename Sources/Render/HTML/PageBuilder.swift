import Core
import Foundation
import Model

/// Turns the report model into the templates' view (`PageView`): formats every number vi-VN with
/// the report's rounding, writes the summary sentences from the results, draws the charts and
/// spells out the sources. Pure and deterministic; NFC on every string that came from input.
///
/// What the page shows (and why): every indicator with the root's result and a table and bar
/// chart of the root's children (the districts of a province, the provinces of a national
/// roll-up); an appendix matrix of the units two levels below the root (the communes of a
/// province, the districts of a nation) against the indicators computed at that level; deeper
/// levels (a nation's 10,598 communes) are in indicators.csv, which the page says. This keeps a
/// national page readable and its rendering well under a second.
struct PageBuilder {
    let model: ReportModel
    let percent: PercentFormatter
    let unitsByCode: [String: ReportUnit]
    /// The root's children's results, by indicator then unit code (for the summary's names).
    let resultsByIndicator: [String: [String: IndicatorResult]]
    /// Memo of source texts of aggregates, by file list (a builder is used by one thread).
    let aggregateSources = SourceMemo()

    final class SourceMemo {
        var texts: [[String]: String] = [:]
    }

    init(model: ReportModel) {
        self.model = model
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

    func build() -> PageView {
        let meta = model.metadata
        let (kind, subject) = Self.splitTitle(UnicodeText.nfc(meta.title))
        let isReview = meta.kind != .annual
        let period = isReview ? "giai đoạn \(meta.years.first ?? meta.year)-\(meta.years.last ?? meta.year)" : "năm \(meta.year)"
        let indicators = model.indicators.enumerated().map { indicatorView($0.element, number: $0.offset + 1) }
        let trends = trendViews()
        let agency = meta.agency
        return PageView(
            documentTitle: UnicodeText.nfc("\(meta.title) - \(Self.titleCase(agency.name)) \(agency.place)"),
            year: String(meta.year),
            periodText: period,
            rootName: name(model.root.name),
            header: HeaderView(
                parentAgency: UnicodeText.nfc(agency.parent),
                agency: UnicodeText.nfc(agency.name),
                number: VietnameseDate.documentNumber(nil, abbreviation: UnicodeText.nfc(agency.abbreviation)),
                placeDate: VietnameseDate.placeAndDate(UnicodeText.nfc(agency.place), CalendarDate(iso: meta.documentDate), year: meta.year)),
            documentKind: kind,
            title: subject,
            isReview: isReview,
            summary: summaryView(indicators: model.indicators, period: period),
            indicators: indicators,
            unitTable: unitTableView(),
            trends: trends,
            hasTrends: !trends.isEmpty,
            hasReexpressed: model.trends?.indicators.contains { !$0.reexpressedUnits.isEmpty } ?? false,
            quality: qualityView(),
            closing: closingView(),
            roundingNote: roundingNote(),
            generatedNote: "Trang này do \(UnicodeText.nfc(meta.generatedBy)) tạo từ \(VietnameseNumber.integer(model.root.files.count)) tệp số liệu."
                + " Rê chuột lên một số liệu để xem tệp, trang tính và ô nguồn.")
    }

    // MARK: header and title

    /// "Báo cáo kết quả ... năm 2024" -> ("BÁO CÁO", "Kết quả ... năm 2024"): ND30 writes the
    /// document kind on its own line in capitals, the subject under it.
    static func splitTitle(_ title: String) -> (kind: String, subject: String) {
        let prefix = "báo cáo "
        guard title.lowercased().hasPrefix(prefix) else { return ("BÁO CÁO", title) }
        let rest = title.dropFirst(prefix.count)
        return ("BÁO CÁO", rest.prefix(1).uppercased() + rest.dropFirst())
    }

    /// "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở giáo dục và đào tạo" for the browser tab.
    static func titleCase(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    func name(_ text: String) -> String { UnicodeText.nfc(text) }

    // MARK: summary

    func summaryView(indicators: [IndicatorReport], period: String) -> SummaryView {
        var paragraphs: [String] = []
        var missingNames: [String] = []
        var coverageParts: [String] = []
        for c in model.coverage {
            coverageParts.append("\(c.reporting.count)/\(c.expected) \(LevelWords.plural(c.level))")
        }
        // The missing units of the first level below the root (the districts); the communes of a
        // missing district are implied, and other missing communes are in the appendix.
        if let first = model.coverage.first {
            missingNames = first.missing.map { code in unitsByCode[code].map { name($0.name) } ?? code }
        }
        let first = model.coverage.first
        if let first {
            var sentence = "Đã nhận số liệu của " + coverageParts.joined(separator: " và ") + " thuộc \(name(model.root.name))"
            if first.missing.isEmpty {
                sentence += "; tất cả \(LevelWords.plural(first.level)) đều đã gửi báo cáo."
            } else {
                sentence += "; còn \(first.missing.count) \(LevelWords.plural(first.level)) chưa gửi báo cáo."
            }
            paragraphs.append(sentence)
        }
        let n = model.narrative
        let withTarget = n.indicatorCount - n.noTarget
        let reached = n.met + n.exceeded
        var overall = "Trong \(withTarget) chỉ tiêu có kế hoạch \(period), \(reached) chỉ tiêu đạt"
        overall += n.exceeded > 0 ? " (\(n.exceeded) chỉ tiêu vượt kế hoạch)" : ""
        overall += ", \(n.missed) chỉ tiêu chưa đạt"
        overall += n.noData > 0 ? ", \(n.noData) chỉ tiêu chưa có số liệu." : "."
        paragraphs.append(overall)
        for fact in n.facts { paragraphs.append(indicatorSentence(fact)) }
        return SummaryView(paragraphs: paragraphs,
                           reportingText: first.map { "\($0.reporting.count)/\($0.expected)" } ?? "",
                           hasMissingUnits: !missingNames.isEmpty,
                           missingUnitsText: missingNames.joined(separator: ", "),
                           indicatorsMetText: "\(reached)/\(withTarget)")
    }

    /// "Tỷ lệ hộ gia đình ... đạt 87,23% (9.735/11.160), vượt chỉ tiêu 12,23 điểm phần trăm
    /// (chỉ tiêu 75%); 6/9 quận, huyện đạt, thấp nhất là Huyện Cờ Đỏ (60,00%)."
    func indicatorSentence(_ fact: NarrativeFact) -> String {
        let title = name(fact.name)
        guard let rate = fact.rate, let n = fact.numerator, let d = fact.denominator else {
            return "\(title): chưa có số liệu."
        }
        var s = "\(title) đạt \(percent.percent(rate)) (\(VietnameseNumber.integer(n))/\(VietnameseNumber.integer(d)))"
        if let target = fact.target, let gap = fact.gap {
            s += ", \(GapPhrase.sentence(gap, percent)) (chỉ tiêu \(percent.percentTarget(target)))"
        }
        if let level = fact.childLevel, fact.target != nil, fact.childrenCounted > 0 {
            s += "; \(fact.childrenMet)/\(fact.childrenCounted) \(LevelWords.plural(level)) đạt"
            let rates = resultsByIndicator[fact.indicatorID] ?? [:]
            let below = (model.indicators.first { $0.id == fact.indicatorID }?.belowTarget ?? []).compactMap { rates[$0] }
            if below.allSatisfy({ $0.denominator == 1 }), !below.isEmpty {
                // A unit's own yes/no (a district's universalisation): name them, no rates.
                s += ", chưa đạt: " + below.map { name($0.unitName) }.joined(separator: ", ")
            } else {
                let worst = fact.worst.compactMap { code -> String? in
                    guard let r = rates[code], let rate = r.rate, r.met == false else { return nil }
                    return "\(name(r.unitName)) (\(percent.percent(rate)))"
                }
                if !worst.isEmpty, fact.childrenMet < fact.childrenCounted {
                    s += ", thấp nhất là " + worst.joined(separator: ", ")
                }
            }
            if fact.childrenNotReported > 0 {
                s += "; \(fact.childrenNotReported) \(LevelWords.plural(level)) chưa có số liệu"
            }
        }
        return s + "."
    }

    // MARK: indicators

    func indicatorView(_ indicator: IndicatorReport, number: Int) -> IndicatorView {
        let total = indicator.total
        let childLevel = indicator.breakdown.first?.level ?? total.children?.level ?? .district
        let rows = indicator.breakdown.map { rowView($0, isTotal: false) }
        let byCode = Dictionary(indicator.breakdown.map { ($0.unitCode, $0) }, uniquingKeysWith: { a, _ in a })
        let below = indicator.belowTarget.compactMap { byCode[$0] }.map { rowView($0, isTotal: false) }
        let targetText = indicator.target.map { percent.percentTarget($0) } ?? "—"
        let chartTitle = "\(name(indicator.name)) theo \(LevelWords.plural(childLevel))"
        var description = "Biểu đồ thanh ngang: tỷ lệ của \(name(model.root.name)) và từng \(LevelWords.plural(childLevel))"
        if indicator.target != nil, let c = total.children {
            description += "; đường nét đứt là chỉ tiêu \(targetText); \(c.met)/\(c.withRate) \(LevelWords.plural(c.level)) đạt."
        } else {
            description += "."
        }
        let bars = ([total] + indicator.breakdown).enumerated().map { i, r in
            BarChart.Bar(label: name(r.unitName), value: r.rate, valueText: r.rate.map { percent.percent($0) } ?? "chưa có số liệu",
                         met: indicator.target == nil ? nil : r.met, note: resultText(r), emphasized: i == 0)
        }
        let chart = BarChart(title: chartTitle, description: description, bars: bars, target: indicator.target,
                             targetText: "Chỉ tiêu \(targetText)")
        var notReported: String?
        if let c = total.children, c.notReported > 0 {
            notReported = "\(c.notReported) \(LevelWords.plural(c.level)) chưa có số liệu"
        }
        return IndicatorView(
            number: String(number),
            id: indicator.id,
            anchor: "chi-tieu-\(Self.slug(indicator.id))",
            name: name(indicator.name),
            hasTarget: indicator.target != nil,
            targetText: targetText,
            targetSortKey: indicator.target.map(PercentFormatter.sortKey) ?? "",
            targetSource: indicator.target == nil ? "Chưa đặt chỉ tiêu cho năm \(model.metadata.year) trong pipeline.yml"
                : "Chỉ tiêu năm \(model.metadata.year) theo kế hoạch (pipeline.yml, chỉ tiêu \(indicator.id))",
            resultText: resultText(total),
            rateText: total.rate.map { percent.percent($0) } ?? "—",
            rateSortKey: total.rate.map(PercentFormatter.sortKey) ?? "",
            statusText: Self.statusText(total.status),
            statusClass: Self.statusClass(total.status),
            gapText: total.gap.map { GapPhrase.short($0, percent) } ?? "",
            gapSentence: total.gap.map { GapPhrase.sentence($0, percent) } ?? (indicator.target == nil ? "" : "chưa có số liệu để so sánh"),
            childrenMetText: childrenMetText(total.children, hasTarget: indicator.target != nil),
            notReportedText: notReported,
            basisText: basisSentence(total.basis),
            basisLevelName: LevelWords.plural(total.basis.level),
            source: sourceText(total),
            chart: chart.svg(),
            chartTitle: chartTitle,
            rowLevelName: LevelWords.plural(childLevel),
            rowLevelTitle: LevelWords.title(childLevel),
            total: rowView(total, isTotal: true),
            rows: rows,
            hasRows: !indicator.breakdown.isEmpty,
            belowTarget: below,
            hasBelowTarget: !below.isEmpty,
            belowTargetCount: String(below.count))
    }

    func rowView(_ r: IndicatorResult, isTotal: Bool) -> UnitRowView {
        UnitRowView(
            code: r.unitCode,
            name: name(r.unitName),
            parentName: r.parentCode.flatMap { unitsByCode[$0] }.map { name($0.name) } ?? "",
            numeratorText: r.numerator.map { VietnameseNumber.integer($0) } ?? "—",
            numeratorSortKey: r.numerator.map { String($0) } ?? "",
            denominatorText: r.denominator.map { VietnameseNumber.integer($0) } ?? "—",
            denominatorSortKey: r.denominator.map { String($0) } ?? "",
            rateText: r.rate.map { percent.percent($0) } ?? "—",
            rateSortKey: r.rate.map(PercentFormatter.sortKey) ?? "",
            resultText: resultText(r),
            statusText: Self.statusText(r.status),
            statusClass: Self.statusClass(r.status),
            gapText: r.gap.map { GapPhrase.short($0, percent) } ?? "",
            rankText: isTotal ? "" : (r.rank.map(String.init) ?? "—"),
            rankSortKey: isTotal ? "0" : (r.rank.map(String.init) ?? ""),
            childrenMetText: childrenMetText(r.children, hasTarget: r.target != nil),
            basisText: BasisPhrase.cell(r.basis, ownLevel: r.level),
            basisSortKey: String(r.basis.counted),
            basisTitle: basisSentence(r.basis),
            source: sourceText(r),
            isTotal: isTotal)
    }

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

    static func statusText(_ status: IndicatorStatus) -> String {
        switch status {
        case .exceeded: "Vượt"
        case .met: "Đạt"
        case .missed: "Chưa đạt"
        case .noTarget: "Chưa có chỉ tiêu"
        case .noRate: "Không tính được tỷ lệ"
        case .notReported: "Chưa có số liệu"
        }
    }

    static func statusClass(_ status: IndicatorStatus) -> String {
        switch status {
        case .exceeded: "vuot"
        case .met: "dat"
        case .missed: "chua-dat"
        case .noTarget, .noRate, .notReported: "khong-ro"
        }
    }

    /// Letters, digits, "-" and "_" only: safe in an id and a URL fragment.
    static func slug(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "-")) ? Character(s) : "-"
        })
    }

    // MARK: appendix matrix

    func unitTableView() -> UnitTableView? {
        let grandchildren = model.units.filter { $0.depth == 2 }
        guard !grandchildren.isEmpty else { return nil }
        let level = grandchildren[0].level
        let parentLevel = grandchildren.first.flatMap { $0.parentCode.flatMap { unitsByCode[$0]?.level } } ?? .district
        let wanted = Set(grandchildren.map(\.code))
        var columns: [UnitTableColumnView] = []
        var lookups: [[String: IndicatorResult]] = []
        for (i, indicator) in model.indicators.enumerated() {
            var byCode: [String: IndicatorResult] = [:]
            for r in indicator.results where r.level == level && wanted.contains(r.unitCode) { byCode[r.unitCode] = r }
            guard !byCode.isEmpty else { continue }
            columns.append(UnitTableColumnView(number: String(i + 1), id: indicator.id, name: name(indicator.name),
                                               targetText: indicator.target.map { percent.percentTarget($0) } ?? "—"))
            lookups.append(byCode)
        }
        guard !columns.isEmpty else { return nil }
        let rows = grandchildren.map { unit in
            UnitTableRowView(
                code: unit.code, name: name(unit.name),
                parentName: unit.parentCode.flatMap { unitsByCode[$0] }.map { name($0.name) } ?? "",
                cells: lookups.map { lookup in
                    guard let r = lookup[unit.code] else { return UnitTableCellView(text: "", statusClass: "", source: "Chỉ tiêu không tính cho đơn vị này") }
                    let cls = r.met.map { $0 ? "dat" : "chua-dat" } ?? ""
                    return UnitTableCellView(text: r.rate.map { percent.percent($0) } ?? "—", statusClass: cls,
                                             source: "\(resultText(r)). \(sourceText(r))")
                })
        }
        let deeper = model.units.lazy.filter { $0.depth == 3 }
        var note: String?
        if let firstDeeper = deeper.first {
            let count = deeper.count
            note = "Số liệu của \(VietnameseNumber.integer(count)) \(LevelWords.plural(firstDeeper.level)) có trong tệp indicators.csv (cùng thư mục với báo cáo này)."
        }
        return UnitTableView(
            title: "Phụ lục 1. Kết quả các chỉ tiêu theo \(LevelWords.plural(level))",
            levelTitle: LevelWords.title(level),
            parentLevelTitle: LevelWords.title(parentLevel),
            columns: columns,
            rows: rows,
            countText: "\(VietnameseNumber.integer(rows.count)) \(LevelWords.plural(level))",
            note: note)
    }

    // MARK: trends

    func trendViews() -> [TrendView] {
        guard let section = model.trends else { return [] }
        return section.indicators.enumerated().map { i, trend in trendView(trend, years: section.years, number: i + 1) }
    }

    /// The trend table and chart of one indicator: the root and its children (the districts);
    /// deeper units are in the model and report.json but would drown the page.
    func trendView(_ trend: IndicatorTrend, years: [Int], number: Int) -> TrendView {
        let shown = trend.rows.filter { $0.depth <= 1 }
        let rows = shown.map { row in
            TrendRowView(
                name: name(row.unitName),
                flagText: row.flagged ? "có năm không quy đổi được do đơn vị cũ bị chia tách" : nil,
                cells: row.points.map { p in
                    TrendCellView(
                        text: p.rate.map { percent.percent($0) } ?? (p.flagged ? "không quy đổi được" : "—"),
                        sortKey: p.rate.map(PercentFormatter.sortKey) ?? "",
                        reexpressed: p.reexpressed,
                        statusClass: p.met.map { $0 ? "dat" : "chua-dat" } ?? "",
                        source: trendSource(p))
                },
                changeText: row.change.map { percent.points($0) } ?? "—",
                changeSortKey: row.change.map(PercentFormatter.sortKey) ?? "",
                firstMetText: row.firstYearMet.map(String.init) ?? (row.neverMet ? "chưa đạt" : "—"),
                isTotal: row.depth == 0)
        }
        var targets: [Int: Fraction] = [:]
        for (year, target) in zip(years, trend.targets) { if let target { targets[year] = target } }
        let series = shown.map { row in
            LineChart.Series(name: name(row.unitName), points: row.points.map {
                LineChart.Point(year: $0.year, value: $0.rate, valueText: $0.rate.map { percent.percent($0) } ?? "—", reexpressed: $0.reexpressed)
            }, emphasized: row.depth == 0)
        }
        var summary: String?
        if let rootRow = shown.first, let change = rootRow.change, let from = rootRow.changeFrom, let to = rootRow.changeTo,
           let a = rootRow.points.first(where: { $0.year == from })?.rate, let b = rootRow.points.first(where: { $0.year == to })?.rate {
            summary = "\(name(rootRow.unitName)): từ \(percent.percent(a)) (\(from)) đến \(percent.percent(b)) (\(to)), thay đổi \(percent.points(change))."
        }
        let neverMet = trend.neverMet.compactMap { code in shown.contains { $0.unitCode == code && $0.depth == 1 } ? unitsByCode[code].map { name($0.name) } : nil }
        let chart = LineChart(
            title: "\(name(trend.name)) qua các năm",
            description: summary ?? "Tỷ lệ qua các năm \(years.first ?? 0)-\(years.last ?? 0).",
            years: years, series: series, targets: targets, targetText: "Chỉ tiêu")
        return TrendView(
            number: String(number), id: trend.indicatorID, anchor: "xu-huong-\(Self.slug(trend.indicatorID))", name: name(trend.name),
            summaryText: summary, years: years.map(String.init), rows: rows, chart: chart.svg(),
            hasNeverMet: !neverMet.isEmpty, neverMetText: neverMet.joined(separator: ", "))
    }

    func trendSource(_ p: TrendPoint) -> String {
        var s = "\(p.year): "
        if let n = p.numerator, let d = p.denominator { s += percent.countAndRate(n, d) } else { s += "chưa có số liệu" }
        if p.reexpressed { s += " (quy đổi theo đơn vị hành chính hiện nay)" }
        if p.flagged { s += " (không quy đổi được: đơn vị cũ bị chia tách)" }
        return s
    }

    // MARK: quality and closing

    func qualityView() -> QualityView {
        let q = model.quality
        let issues = q.issues.enumerated().map { i, issue in
            IssueView(
                number: String(i + 1),
                severityText: issue.severity == .error ? "Lỗi" : (issue.severity == .warning ? "Cảnh báo" : "Ghi chú"),
                severityClass: issue.severity.rawValue,
                severityRank: issue.severity == .error ? "0" : (issue.severity == .warning ? "1" : "2"),
                file: name(issue.provenance.file), sheet: name(issue.provenance.sheet), cell: issue.provenance.cell,
                unit: name(unitsByCode[issue.unit].map { "\($0.name) (\(issue.unit))" } ?? issue.unit),
                field: name(issue.field), message: name(issue.message))
        }
        let total = q.total
        var counts = total == 0
            ? "Không phát hiện vấn đề nào khi đọc và kiểm tra số liệu."
            : "Phát hiện \(VietnameseNumber.integer(total)) vấn đề: \(VietnameseNumber.integer(q.errors)) lỗi (giá trị bị loại khỏi các chỉ tiêu), "
                + "\(VietnameseNumber.integer(q.warnings)) cảnh báo (giá trị vẫn được dùng), \(VietnameseNumber.integer(q.infos)) ghi chú."
        if !q.omitted.isEmpty {
            counts += " Mỗi loại vấn đề của một tệp chỉ liệt kê \(DataQuality.listedPerGroup) vấn đề đầu tiên "
                + "(bảng dưới có \(VietnameseNumber.integer(q.issues.count)) dòng); tệp issues.csv có đủ tất cả."
        }
        // The row number (TT) of each group's first listed finding, to point at it.
        var firstNumber: [String: Int] = [:]
        for (i, issue) in q.issues.enumerated() {
            let key = "\(issue.severity.rawValue)\u{0}\(issue.provenance.file)\u{0}\(issue.rule)"
            if firstNumber[key] == nil { firstNumber[key] = i + 1 }
        }
        let omitted = q.omitted.map { group -> String in
            let kind = group.severity == .error ? "lỗi" : (group.severity == .warning ? "cảnh báo" : "ghi chú")
            let place = group.file.isEmpty ? "không gắn với tệp nào" : "trong tệp \(group.file)"
            var like = ""
            if let n = firstNumber["\(group.severity.rawValue)\u{0}\(group.file)\u{0}\(group.rule)"] {
                like = group.firstCell.isEmpty ? " (cùng loại với dòng TT \(n))" : " (cùng loại với ô \(group.firstCell), dòng TT \(n))"
            }
            return name("Và \(VietnameseNumber.integer(group.count)) \(kind) cùng loại khác \(place)\(like) không liệt kê ở đây; xem issues.csv.")
        }
        return QualityView(countsText: counts, errorCount: String(q.errors), warningCount: String(q.warnings), infoCount: String(q.infos),
                           hasIssues: total > 0, issues: issues, hasOmitted: !omitted.isEmpty, omitted: omitted)
    }

    func closingView() -> ClosingView {
        let agency = model.metadata.agency
        var lines = agency.recipients.map { UnicodeText.nfc($0).trimmingCharacters(in: [" ", ";", ".", "-"]) }.filter { !$0.isEmpty }
        if !(lines.last?.hasPrefix("Lưu") ?? false) { lines.append("Lưu: VT") }
        let recipients = lines.enumerated().map { i, line in "- \(line)\(i == lines.count - 1 ? "." : ";")" }
        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : UnicodeText.nfc(s) }
        return ClosingView(recipients: recipients, signerAuthority: nonEmpty(agency.signerAuthority),
                           signerTitle: nonEmpty(agency.signerTitle), signerName: nonEmpty(agency.signerName))
    }

    func roundingNote() -> String {
        let d = model.metadata.display
        let how = d.rounding == .halfUp ? "làm tròn nửa lên" : "cắt bỏ phần thừa, không làm tròn"
        return "Tỷ lệ phần trăm hiển thị với \(d.percentDecimals) chữ số thập phân (\(how)); "
            + "việc so sánh với chỉ tiêu dùng giá trị chính xác (tử số/mẫu số), không dùng số đã làm tròn."
    }
}

extension PercentFormatter {
    /// A target as written in plans: "80%", "55,55%", "66%": the exact digits, without padding
    /// zeros (a target of 80% is not "80,00%"), at most the formatter's decimals + 2.
    func percentTarget(_ target: Fraction) -> String {
        let (negative, units) = PercentFormatter.scale(target, decimals: 4, rounding: .halfUp)
        var text = PercentFormatter.decimal(units: units, decimals: 4, negative: negative && units != 0)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text + "%"
    }
}
