import Core
import Model

extension ReportPresenter {
    /// The appendix matrix of the units two levels below the root; nil when there are none or
    /// no indicator is computed at their level.
    func unitTable() -> PresentedUnitTable? {
        let grandchildren = model.units.filter { $0.depth == 2 }
        guard !grandchildren.isEmpty else { return nil }
        let level = grandchildren[0].level
        let parentLevel = grandchildren.first.flatMap { $0.parentCode.flatMap { unitsByCode[$0]?.level } } ?? .district
        let wanted = Set(grandchildren.map(\.code))
        var columns: [PresentedUnitTable.Column] = []
        var lookups: [[String: IndicatorResult]] = []
        for (i, indicator) in model.indicators.enumerated() {
            var byCode: [String: IndicatorResult] = [:]
            for r in indicator.results where r.level == level && wanted.contains(r.unitCode) { byCode[r.unitCode] = r }
            guard !byCode.isEmpty else { continue }
            columns.append(PresentedUnitTable.Column(number: i + 1, id: indicator.id, name: name(indicator.name),
                                                     targetText: indicator.target.map { percent.percentTarget($0) } ?? "—"))
            lookups.append(byCode)
        }
        guard !columns.isEmpty else { return nil }
        let rows = grandchildren.map { unit in
            PresentedUnitTable.Row(
                code: unit.code, name: name(unit.name),
                parentName: unit.parentCode.flatMap { unitsByCode[$0] }.map { name($0.name) } ?? "",
                cells: lookups.map { lookup in
                    guard let r = lookup[unit.code] else {
                        return PresentedUnitTable.Cell(rate: PresentedCell(text: "", value: nil, kind: .percent), met: nil,
                                                       source: "Chỉ tiêu không tính cho đơn vị này")
                    }
                    return PresentedUnitTable.Cell(rate: .percent(r.rate, percent), met: r.met, source: "\(resultText(r)). \(sourceText(r))")
                })
        }
        let deeper = model.units.lazy.filter { $0.depth == 3 }
        var note: String?
        if let firstDeeper = deeper.first {
            let count = deeper.count
            note = "Số liệu của \(VietnameseNumber.integer(count)) \(LevelWords.plural(firstDeeper.level)) có trong tệp indicators.csv (cùng thư mục với báo cáo này)."
        }
        return PresentedUnitTable(
            title: "Phụ lục 1. Kết quả các chỉ tiêu theo \(LevelWords.plural(level))",
            levelTitle: LevelWords.title(level),
            parentLevelTitle: LevelWords.title(parentLevel),
            columns: columns,
            rows: rows,
            countText: "\(VietnameseNumber.integer(rows.count)) \(LevelWords.plural(level))",
            note: note)
    }
}
