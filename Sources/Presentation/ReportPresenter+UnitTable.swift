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
        // Each column's cells, presented once per result, read in place: a national matrix
        // reads 14 x 11,000 results to keep 9,702, and copying each (its names, basis and
        // sources) cost more than presenting the ones kept.
        var columns: [PresentedUnitTable.Column] = []
        var cellsByColumn: [[String: PresentedUnitTable.Cell]] = []
        for (i, indicator) in model.indicators.enumerated() {
            var byCode: [String: PresentedUnitTable.Cell] = [:]
            for k in indicator.results.indices where indicator.results[k].level == level && wanted.contains(indicator.results[k].unitCode) {
                byCode[indicator.results[k].unitCode] = cell(indicator.results[k])
            }
            guard !byCode.isEmpty else { continue }
            columns.append(PresentedUnitTable.Column(number: i + 1, id: indicator.id, name: name(indicator.name),
                                                     targetText: indicator.target.map { percent.percentTarget($0) } ?? "—"))
            cellsByColumn.append(byCode)
        }
        guard !columns.isEmpty else { return nil }
        let notComputed = PresentedUnitTable.Cell(rate: PresentedCell(text: "", value: nil, kind: .percent), met: nil,
                                                  source: matrixSources ? "Chỉ tiêu không tính cho đơn vị này" : "")
        let rows = grandchildren.map { unit in
            PresentedUnitTable.Row(
                code: unit.code, name: name(unit.name),
                parentName: unit.parentCode.flatMap { unitsByCode[$0] }.map { name($0.name) } ?? "",
                cells: cellsByColumn.map { $0[unit.code] ?? notComputed })
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

    /// A unit's cell of the matrix: its rate as the page prints it, whether it meets the target,
    /// and "59/73 (80,82%). Nguồn: ..." for the page's tooltip ("" without `matrixSources`).
    private func cell(_ r: IndicatorResult) -> PresentedUnitTable.Cell {
        PresentedUnitTable.Cell(rate: .percent(r.rate, percent), met: r.met,
                                source: matrixSources ? "\(resultText(r)). \(sourceText(r))" : "")
    }
}
