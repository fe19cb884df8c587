import Core
import Model

/// A small report model built by hand, no file and no other stage: a province ("92", Cần Thơ)
/// with two districts, one of which ("925", Cờ Đỏ) sent nothing, and one ratio indicator
/// (households, target 75%) computed on the communes.
///
///     Quận Ninh Kiều (916)   9/12 = 75%      (met: exactly the target)
///       Phường Cái Khế (91601)  5/6
///       Phường An Hòa  (91602)  4/6
///     Huyện Cờ Đỏ (925)      nothing
///       Xã Trung An   (92501)   nothing
///     Thành phố Cần Thơ      9/12 = 75%, basis 2/3 communes
enum PresentationFixtures {
    static let target = Fraction(3, 4)

    static func result(_ code: String, _ name: String, _ level: UnitLevel, parent: String?, _ value: (Int64, Int64)?,
                       rank: Int? = nil, counted: Int, expected: Int, missing: [String] = [], children: ChildrenSummary? = nil,
                       cells: [Provenance] = [], files: [String] = []) -> IndicatorResult {
        let rate = value.map { Fraction($0.0, $0.1) }
        let met = rate.map { $0 >= target }
        let status: IndicatorStatus = rate == nil ? .notReported : (rate! > target ? .exceeded : (rate! == target ? .met : .missed))
        return IndicatorResult(indicatorID: "gia_dinh", unitCode: code, unitName: name, level: level, parentCode: parent,
                               numerator: value?.0, denominator: value?.1, rate: rate, target: target, status: status, met: met,
                               gap: rate.map { $0.subtracting(target) }, rank: rank, rankedSiblings: rank == nil ? 0 : 1,
                               unitsCounted: counted, unitsNotReported: value == nil ? 1 : 0,
                               basis: IndicatorBasis(level: .commune, counted: counted, expected: expected, missing: missing),
                               children: children, reexpressed: false, sources: SourceTrace(files: files, cells: cells))
    }

    /// `communeName` renames Phường Cái Khế (to try NFD or markup in a name).
    static func model(communeName: String = "Phường Cái Khế", display: Display = Display()) -> ReportModel {
        let file = "mau-2024-916-ninh-kieu.xlsx"
        let c1 = result("91601", communeName, .commune, parent: "916", (5, 6), rank: 1, counted: 1, expected: 1,
                        cells: [Provenance(file: file, sheet: "Cấp xã", cell: "E7"), Provenance(file: file, sheet: "Cấp xã", cell: "D7")], files: [file])
        let c2 = result("91602", "Phường An Hòa", .commune, parent: "916", (4, 6), rank: 2, counted: 1, expected: 1,
                        cells: [Provenance(file: file, sheet: "Cấp xã", cell: "E8"), Provenance(file: file, sheet: "Cấp xã", cell: "D8")], files: [file])
        let c3 = result("92501", "Xã Trung An", .commune, parent: "925", nil, counted: 0, expected: 1, missing: ["92501"])
        let d1 = result("916", "Quận Ninh Kiều", .district, parent: "92", (9, 12), rank: 1, counted: 2, expected: 2,
                        children: ChildrenSummary(level: .commune, count: 2, withRate: 2, met: 1, notReported: 0), files: [file])
        let d2 = result("925", "Huyện Cờ Đỏ", .district, parent: "92", nil, counted: 0, expected: 1, missing: ["92501"],
                        children: ChildrenSummary(level: .commune, count: 1, withRate: 0, met: 0, notReported: 1))
        let total = result("92", "Thành phố Cần Thơ", .province, parent: nil, (9, 12), counted: 2, expected: 3, missing: ["92501"],
                           children: ChildrenSummary(level: .district, count: 2, withRate: 1, met: 1, notReported: 1), files: [file])
        let indicator = IndicatorReport(id: "gia_dinh", name: "Tỷ lệ hộ gia đình đạt danh hiệu \"Gia đình học tập\"", kind: .ratio,
                                        level: .commune, numeratorFields: [], denominatorFields: [], condition: nil, among: nil,
                                        target: target, total: total, breakdown: [d1, d2], belowTarget: [], results: [total, d1, c1, c2, d2, c3])
        let fact = NarrativeFact(indicatorID: "gia_dinh", name: indicator.name, status: total.status, numerator: 9, denominator: 12,
                                 rate: total.rate, target: target, gap: total.gap, childLevel: .district, childrenMet: 1,
                                 childrenCounted: 1, childrenNotReported: 1, best: ["916"], worst: ["916"])
        let narrative = NarrativeSummary(indicatorCount: 1, met: 1, exceeded: 0, missed: 0, noTarget: 0, noData: 0, facts: [fact])
        let units = [
            ReportUnit(code: "92", name: "Thành phố Cần Thơ", level: .province, parentCode: nil, depth: 0, reported: true, files: [file]),
            ReportUnit(code: "916", name: "Quận Ninh Kiều", level: .district, parentCode: "92", depth: 1, reported: true, files: [file]),
            ReportUnit(code: "91601", name: communeName, level: .commune, parentCode: "916", depth: 2, reported: true, files: [file]),
            ReportUnit(code: "91602", name: "Phường An Hòa", level: .commune, parentCode: "916", depth: 2, reported: true, files: [file]),
            ReportUnit(code: "925", name: "Huyện Cờ Đỏ", level: .district, parentCode: "92", depth: 1, reported: false, files: []),
            ReportUnit(code: "92501", name: "Xã Trung An", level: .commune, parentCode: "925", depth: 2, reported: false, files: []),
        ]
        let coverage = [
            UnitCoverage(level: .district, expected: 2, reporting: ["916"], missing: ["925"]),
            UnitCoverage(level: .commune, expected: 3, reporting: ["91601", "91602"], missing: ["92501"]),
        ]
        let issue = Core.Issue(severity: .warning, rule: "subtotal-mismatch", provenance: Provenance(file: file, sheet: "Cấp xã", cell: "E15"),
                                 unit: "916", field: "gia_dinh_tong", message: "Dòng \"Cộng\" (12) khác tổng các xã (13).")
        let quality = DataQuality(errors: 0, warnings: 1, infos: 0, factsAccepted: 0, files: [file], byUnit: [], byRule: [], issues: [issue])
        let agency = Agency(parent: "UBND THÀNH PHỐ CẦN THƠ", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT", place: "Cần Thơ",
                            unitCode: "92", signerAuthority: "", signerTitle: "GIÁM ĐỐC", signerName: "Nguyễn Văn An",
                            recipients: ["Bộ Giáo dục và Đào tạo"])
        let metadata = ReportMetadata(year: 2024, kind: .annual, years: [2024], title: ReportMetadata.defaultTitle(kind: .annual, year: 2024),
                                      agency: agency, documentDate: "2025-01-05", generatedBy: "xhht (kiểm thử)", display: display)
        return ReportModel(metadata: metadata, root: units[0], units: units, coverage: coverage, indicators: [indicator],
                           narrative: narrative, trends: nil, quality: quality)
    }
}
