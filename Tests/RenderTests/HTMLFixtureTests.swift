import Config
import Core
import Foundation
import Model
@testable import Render
import Testing

/// Hand-made report models for the HTML tests, built here without any other stage of the
/// pipeline: a unit tree, per-leaf values from a seeded generator, and the aggregation done the
/// plain way (sums of numerators and denominators, counts for shares, ranks among siblings).
/// The models are internally consistent, so what the page shows can be checked against them.
enum RenderFixtures {
    /// The repository's `Templates/html`, found from this file (symlinks resolved).
    static var templatesFolder: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates/html", isDirectory: true)
    }

    static func templates() throws -> TemplateSet { try TemplateSet.load(from: templatesFolder) }

    struct Node {
        var code: String
        var name: String
        var level: UnitLevel
        var children: [Node] = []
        /// The workbook its rows come from (districts of a province; provinces of a nation).
        var file: String = ""
    }

    struct Spec {
        var id: String
        var name: String
        var kind: IndicatorDefinition.Kind
        var level: UnitLevel
        var target: Fraction?
    }

    /// The default catalogue's indicators with the Cần Thơ 2024 targets.
    static let catalogue: [Spec] = [
        Spec(id: "cdht_xa", name: "Tỷ lệ xã, phường, thị trấn được công nhận \"Cộng đồng học tập\"", kind: .share, level: .commune, target: Fraction(80, 100)),
        Spec(id: "cdht_thon", name: "Tỷ lệ thôn, ấp, tổ dân phố được công nhận \"Cộng đồng học tập\"", kind: .ratio, level: .commune, target: Fraction(80, 100)),
        Spec(id: "gia_dinh", name: "Tỷ lệ hộ gia đình đạt danh hiệu \"Gia đình học tập\"", kind: .ratio, level: .commune, target: Fraction(75, 100)),
        Spec(id: "dong_ho", name: "Tỷ lệ dòng họ đạt danh hiệu \"Dòng họ học tập\"", kind: .ratio, level: .commune, target: Fraction(70, 100)),
        Spec(id: "dvht", name: "Tỷ lệ đơn vị được công nhận \"Đơn vị học tập\"", kind: .ratio, level: .commune, target: Fraction(5555, 10000)),
        Spec(id: "cong_dan", name: "Tỷ lệ người được công nhận \"Công dân học tập\"", kind: .ratio, level: .commune, target: Fraction(40, 100)),
        Spec(id: "tthtcd_cntt", name: "Tỷ lệ trung tâm học tập cộng đồng ứng dụng công nghệ thông tin", kind: .share, level: .commune, target: Fraction(90, 100)),
        Spec(id: "ld_cntt", name: "Tỷ lệ người trong độ tuổi lao động có năng lực công nghệ thông tin", kind: .ratio, level: .commune, target: Fraction(90, 100)),
        Spec(id: "ld_ky_nang", name: "Tỷ lệ người trong độ tuổi lao động có kỹ năng sống", kind: .ratio, level: .commune, target: Fraction(90, 100)),
        Spec(id: "pc_mam_non", name: "Tỷ lệ quận, huyện đạt phổ cập giáo dục mầm non cho trẻ 5 tuổi", kind: .share, level: .district, target: Fraction(1, 1)),
        Spec(id: "pc_tieu_hoc_3", name: "Tỷ lệ quận, huyện đạt phổ cập giáo dục tiểu học mức độ 3", kind: .share, level: .district, target: Fraction(1, 1)),
        Spec(id: "pc_thcs_2", name: "Tỷ lệ quận, huyện đạt phổ cập giáo dục THCS mức độ 2", kind: .share, level: .district, target: Fraction(1, 1)),
        Spec(id: "pc_thcs_3", name: "Tỷ lệ quận, huyện đạt phổ cập giáo dục THCS mức độ 3", kind: .share, level: .district, target: Fraction(66, 100)),
        Spec(id: "xmc_2", name: "Tỷ lệ quận, huyện đạt chuẩn xóa mù chữ mức độ 2", kind: .share, level: .district, target: Fraction(1, 1)),
    ]

    /// Cần Thơ as in the sample: 9 districts with real names and codes, a few real communes each
    /// and generated ones to 83. `missing` districts sent nothing; `hostileName` renames a commune.
    static func canThoTree(hostileName: String? = nil) -> Node {
        let districts: [(String, String, String, [String])] = [
            ("916", "Quận Ninh Kiều", "ninh-kieu", ["Phường Cái Khế", "Phường An Hòa", "Phường Thới Bình", "Phường An Nghiệp", "Phường An Cư", "Phường Tân An", "Phường An Phú", "Phường Xuân Khánh", "Phường Hưng Lợi", "Phường An Khánh", "Phường An Bình"]),
            ("917", "Quận Ô Môn", "o-mon", ["Phường Châu Văn Liêm", "Phường Thới Hòa", "Phường Thới Long", "Phường Long Hưng", "Phường Thới An", "Phường Phước Thới", "Phường Trường Lạc"]),
            ("918", "Quận Bình Thủy", "binh-thuy", ["Phường Bình Thủy", "Phường Trà An", "Phường Trà Nóc", "Phường Thới An Đông", "Phường An Thới", "Phường Bùi Hữu Nghĩa", "Phường Long Hòa", "Phường Long Tuyền"]),
            ("919", "Quận Cái Răng", "cai-rang", ["Phường Lê Bình", "Phường Hưng Phú", "Phường Hưng Thạnh", "Phường Ba Láng", "Phường Thường Thạnh", "Phường Phú Thứ", "Phường Tân Phú"]),
            ("923", "Quận Thốt Nốt", "thot-not", ["Phường Thốt Nốt", "Phường Thới Thuận", "Phường Thuận An", "Phường Tân Lộc", "Phường Trung Nhứt", "Phường Thạnh Hoà", "Phường Trung Kiên", "Phường Tân Hưng", "Phường Thuận Hưng"]),
            ("924", "Huyện Vĩnh Thạnh", "vinh-thanh", ["Xã Vĩnh Bình", "Thị trấn Thanh An", "Thị trấn Vĩnh Thạnh", "Xã Thạnh Mỹ", "Xã Vĩnh Trinh", "Xã Thạnh An", "Xã Thạnh Tiến", "Xã Thạnh Thắng", "Xã Thạnh Lợi", "Xã Thạnh Qưới", "Xã Thạnh Lộc"]),
            ("925", "Huyện Cờ Đỏ", "co-do", ["Xã Trung An", "Xã Trung Thạnh", "Xã Thạnh Phú", "Xã Trung Hưng", "Thị trấn Cờ Đỏ", "Xã Thới Hưng", "Xã Đông Hiệp", "Xã Đông Thắng", "Xã Thới Đông", "Xã Thới Xuân"]),
            ("926", "Huyện Phong Điền", "phong-dien", ["Thị trấn Phong Điền", "Xã Nhơn Ái", "Xã Giai Xuân", "Xã Tân Thới", "Xã Trường Long", "Xã Mỹ Khánh", "Xã Nhơn Nghĩa"]),
            ("927", "Huyện Thới Lai", "thoi-lai", ["Thị trấn Thới Lai", "Xã Thới Thạnh", "Xã Tân Thạnh", "Xã Xuân Thắng", "Xã Đông Bình", "Xã Đông Thuận", "Xã Thới Tân", "Xã Trường Thắng", "Xã Định Môn", "Xã Trường Thành", "Xã Trường Xuân", "Xã Trường Xuân A", "Xã Trường Xuân B"]),
        ]
        var root = Node(code: "92", name: "Thành phố Cần Thơ", level: .province)
        for (code, name, slug, communes) in districts {
            var d = Node(code: code, name: name, level: .district, file: "mau-2024-\(code)-\(slug).xlsx")
            for (i, commune) in communes.enumerated() {
                d.children.append(Node(code: "\(code)\(String(format: "%02d", i + 1))", name: commune, level: .commune))
            }
            root.children.append(d)
        }
        if let hostileName { root.children[0].children[5].name = hostileName }
        return root
    }

    /// A national roll-up: `provinces` x `districts` x `communes` units.
    static func nationTree(provinces: Int, districts: Int, communes: Int) -> Node {
        var root = Node(code: "VN", name: "Toàn quốc", level: .nation)
        for p in 0..<provinces {
            let pc = String(format: "%02d", p + 1)
            var province = Node(code: pc, name: "Tỉnh số \(p + 1)", level: .province, file: "tinh-\(pc).xlsx")
            for d in 0..<districts {
                let dc = pc + String(format: "%03d", d)
                var district = Node(code: dc, name: "Huyện \(p + 1)-\(d + 1)", level: .district)
                for c in 0..<communes {
                    district.children.append(Node(code: dc + String(format: "%03d", c), name: "Xã \(p + 1)-\(d + 1)-\(c + 1)", level: .commune))
                }
                province.children.append(district)
            }
            root.children.append(province)
        }
        return root
    }

    /// A stable 64-bit mix (not Hasher, which changes per process).
    static func mix(_ text: String, _ salt: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325 &+ UInt64(salt) &* 0x9E3779B97F4A7C15
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        h ^= h >> 33; h = h &* 0xff51afd7ed558ccd; h ^= h >> 33
        return h
    }

    /// A leaf's (numerator, denominator) for an indicator and year, or nil when not reported.
    static func leafValue(_ spec: Spec, code: String, year: Int) -> (Int64, Int64) {
        let r = mix(code + spec.id, year)
        switch spec.kind {
        case .share:
            return ((r % 100) < 84 ? 1 : 0, 1)
        case .ratio:
            let d = Int64(40 + r % 400)
            let p = 0.62 + Double((r >> 20) % 380) / 1000
            return (min(d, Int64((Double(d) * p).rounded())), d)
        }
    }

    struct Flat {
        var node: Node
        var parent: String?
        var depth: Int
        var file: String
    }

    static func flatten(_ root: Node) -> [Flat] {
        var out: [Flat] = []
        func walk(_ n: Node, _ parent: String?, _ depth: Int, _ file: String) {
            let f = n.file.isEmpty ? file : n.file
            out.append(Flat(node: n, parent: parent, depth: depth, file: f))
            for c in n.children { walk(c, n.code, depth + 1, f) }
        }
        walk(root, nil, 0, "")
        return out
    }

    /// Computes one indicator for every unit of the tree in one year.
    static func results(_ spec: Spec, tree root: Node, flat: [Flat], missing: Set<String>, year: Int) -> [String: IndicatorResult] {
        var out: [String: IndicatorResult] = [:]
        var rowNumber = 6
        func compute(_ n: Node, parent: String?, file: String, absent: Bool) -> IndicatorResult? {
            let file = n.file.isEmpty ? file : n.file
            let absent = absent || missing.contains(n.code)
            if n.level == spec.level {
                rowNumber += 1
                let sheet = spec.level == .commune ? "Cấp xã" : "Cấp huyện"
                let value: (Int64, Int64)? = absent ? nil : leafValue(spec, code: n.code, year: year)
                let rate = value.flatMap { $0.1 == 0 ? nil : Fraction($0.0, $0.1) }
                let cells = absent ? [] : [Provenance(file: file, sheet: sheet, cell: "E\(rowNumber)"), Provenance(file: file, sheet: sheet, cell: "D\(rowNumber)")]
                let basis = IndicatorBasis(level: spec.level, counted: absent ? 0 : 1, expected: 1, missing: absent ? [n.code] : [])
                let r = makeResult(spec, n, parent: parent, value: value, rate: rate, counted: absent ? 0 : 1, notReported: absent ? 1 : 0,
                                   basis: basis, children: nil, sources: SourceTrace(files: absent ? [] : [file], cells: cells))
                out[n.code] = r
                return r
            }
            guard n.level < spec.level else { return nil }
            let kids = n.children.compactMap { compute($0, parent: n.code, file: file, absent: absent) }
            guard !kids.isEmpty else { return nil }
            var num: Int64 = 0, den: Int64 = 0, any = false, counted = 0, notReported = 0
            var files = Set<String>()
            for k in kids {
                if let a = k.numerator, let b = k.denominator { num += a; den += b; any = true }
                counted += k.unitsCounted
                notReported += k.unitsNotReported
                files.formUnion(k.sources.files)
            }
            let value: (Int64, Int64)? = any ? (num, den) : nil
            let rate = value.flatMap { $0.1 == 0 ? nil : Fraction($0.0, $0.1) }
            let withRate = kids.filter { $0.rate != nil }
            let children = ChildrenSummary(level: kids[0].level, count: kids.count, withRate: withRate.count,
                                           met: spec.target == nil ? 0 : kids.filter { $0.met == true }.count,
                                           notReported: kids.filter { $0.numerator == nil }.count)
            let basis = IndicatorBasis(level: spec.level, counted: kids.reduce(0) { $0 + $1.basis.counted },
                                       expected: kids.reduce(0) { $0 + $1.basis.expected }, missing: kids.flatMap(\.basis.missing))
            let r = makeResult(spec, n, parent: parent, value: value, rate: rate, counted: counted, notReported: notReported,
                               basis: basis, children: children, sources: SourceTrace(files: files.sorted(), cells: []))
            out[n.code] = r
            return r
        }
        _ = compute(root, parent: nil, file: "", absent: false)
        // Ranks among siblings: rate descending, ties share a rank.
        var bySibling: [String: [String]] = [:]
        for f in flat where out[f.node.code] != nil && f.parent != nil { bySibling[f.parent!, default: []].append(f.node.code) }
        for (_, codes) in bySibling {
            let ranked = codes.filter { out[$0]?.rate != nil }.sorted { (out[$0]!.rate!, $1) > (out[$1]!.rate!, $0) }
            var previous: Fraction?
            var rank = 0
            for (i, code) in ranked.enumerated() {
                if out[code]!.rate != previous { rank = i + 1; previous = out[code]!.rate }
                out[code]!.rank = rank
                out[code]!.rankedSiblings = ranked.count
            }
        }
        return out
    }

    static func makeResult(_ spec: Spec, _ n: Node, parent: String?, value: (Int64, Int64)?, rate: Fraction?, counted: Int,
                           notReported: Int, basis: IndicatorBasis, children: ChildrenSummary?, sources: SourceTrace) -> IndicatorResult {
        let target = spec.target
        let met = rate.flatMap { r in target.map { r >= $0 } }
        let gap = rate.flatMap { r in target.map { r.subtracting($0) } }
        let status: IndicatorStatus
        if value == nil { status = .notReported } else if rate == nil { status = .noRate } else if target == nil { status = .noTarget } else if rate! > target! { status = .exceeded } else if rate! == target! { status = .met } else { status = .missed }
        return IndicatorResult(indicatorID: spec.id, unitCode: n.code, unitName: n.name, level: n.level, parentCode: parent,
                               numerator: value?.0, denominator: value?.1, rate: rate, target: target, status: status, met: met,
                               gap: gap, rank: nil, rankedSiblings: 0, unitsCounted: counted, unitsNotReported: notReported,
                               basis: basis, children: children, reexpressed: false, sources: sources)
    }

    /// The whole model.
    static func model(tree: Node, year: Int = 2024, kind: ReportKind = .annual, missing: Set<String> = [],
                      issues: [Core.Issue] = [], specs: [Spec] = catalogue, display: Display = Display()) -> ReportModel {
        let flat = flatten(tree)
        let years = Array(kind.years(reportYear: year))
        var indicators: [IndicatorReport] = []
        var facts: [NarrativeFact] = []
        for spec in specs {
            let byCode = results(spec, tree: tree, flat: flat, missing: missing, year: year)
            let ordered = flat.compactMap { byCode[$0.node.code] }
            let total = byCode[tree.code]!
            let kids = tree.children.compactMap { byCode[$0.code] }
            let breakdown = kids.filter { $0.rank != nil }.sorted { ($0.rank!, $0.unitCode) < ($1.rank!, $1.unitCode) }
                + kids.filter { $0.rank == nil }.sorted { $0.unitCode < $1.unitCode }
            let below = breakdown.filter { $0.met == false }.map(\.unitCode)
            indicators.append(IndicatorReport(id: spec.id, name: spec.name, kind: spec.kind, level: spec.level, numeratorFields: [],
                                              denominatorFields: [], condition: nil, among: nil, target: spec.target, total: total,
                                              breakdown: breakdown, belowTarget: below, results: ordered))
            let ranked = breakdown.filter { $0.rank != nil }
            facts.append(NarrativeFact(indicatorID: spec.id, name: spec.name, status: total.status, numerator: total.numerator,
                                       denominator: total.denominator, rate: total.rate, target: spec.target, gap: total.gap,
                                       childLevel: total.children?.level, childrenMet: total.children?.met ?? 0,
                                       childrenCounted: total.children?.withRate ?? 0, childrenNotReported: total.children?.notReported ?? 0,
                                       best: ranked.filter { $0.rank == ranked.first?.rank }.map(\.unitCode),
                                       worst: ranked.filter { $0.rank == ranked.last?.rank }.map(\.unitCode)))
        }
        let statuses = indicators.map(\.total.status)
        let narrative = NarrativeSummary(indicatorCount: specs.count, met: statuses.count { $0 == .met }, exceeded: statuses.count { $0 == .exceeded },
                                         missed: statuses.count { $0 == .missed }, noTarget: statuses.count { $0 == .noTarget },
                                         noData: statuses.count { $0 == .notReported || $0 == .noRate }, facts: facts)
        var units: [ReportUnit] = []
        var filesByCode: [String: Set<String>] = [:]
        for f in flat.reversed() where !missing.contains(f.node.code) && !(f.parent.map(missing.contains) ?? false) {
            if f.node.children.isEmpty { filesByCode[f.node.code] = [f.file] }
            if let p = f.parent { filesByCode[p, default: []].formUnion(filesByCode[f.node.code] ?? []) }
        }
        for f in flat {
            let files = (filesByCode[f.node.code] ?? []).filter { !$0.isEmpty }.sorted()
            units.append(ReportUnit(code: f.node.code, name: f.node.name, level: f.node.level, parentCode: f.parent, depth: f.depth,
                                    reported: !files.isEmpty, files: files))
        }
        var coverage: [UnitCoverage] = []
        for depth in 1...3 {
            let atDepth = units.filter { $0.depth == depth }
            guard let level = atDepth.first?.level else { break }
            coverage.append(UnitCoverage(level: level, expected: atDepth.count, reporting: atDepth.filter(\.reported).map(\.code).sorted(),
                                         missing: atDepth.filter { !$0.reported }.map(\.code).sorted()))
        }
        var trends: TrendSection?
        if kind != .annual {
            trends = trendSection(specs: specs, tree: tree, flat: flat, missing: missing, years: years)
        }
        let sorted = QualitySort.sort(issues)
        let quality = DataQuality(errors: issues.count { $0.severity == .error }, warnings: issues.count { $0.severity == .warning },
                                  infos: issues.count { $0.severity == .info }, factsAccepted: 0,
                                  files: units[0].files, byUnit: [], byRule: [], issues: sorted)
        let agency = Agency(parent: "UBND THÀNH PHỐ CẦN THƠ", name: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", abbreviation: "SGDĐT", place: "Cần Thơ",
                            unitCode: tree.code, signerAuthority: "KT. GIÁM ĐỐC", signerTitle: "PHÓ GIÁM ĐỐC", signerName: "Nguyễn Văn An",
                            recipients: ["Bộ Giáo dục và Đào tạo (để báo cáo)", "UBND thành phố (để báo cáo)", "Hội Khuyến học thành phố", "Lưu: VT, GDTX"])
        let metadata = ReportMetadata(year: year, kind: kind, years: years, title: ReportMetadata.defaultTitle(kind: kind, year: year),
                                      agency: agency, documentDate: kind == .annual ? "\(year + 1)-01-05" : "\(year)-12-05",
                                      generatedBy: "xhht (kiểm thử)", display: display)
        return ReportModel(metadata: metadata, root: units[0], units: units, coverage: coverage, indicators: indicators,
                           narrative: narrative, trends: trends, quality: quality)
    }

    /// Trend rows of the root and its children; the first district's first year is re-expressed
    /// (its wards merged since), one district is flagged for a split in the first year.
    static func trendSection(specs: [Spec], tree: Node, flat: [Flat], missing: Set<String>, years: [Int]) -> TrendSection {
        let perYear = years.map { y in specs.map { results($0, tree: tree, flat: flat, missing: missing, year: y) } }
        let shown = flat.filter { $0.depth <= 1 }
        let reexpressedCode = tree.children.first?.code
        let flaggedCode = tree.children.last?.code
        var trends: [IndicatorTrend] = []
        for (k, spec) in specs.enumerated() {
            var rows: [TrendRow] = []
            for f in shown {
                let points = years.enumerated().map { yi, year -> TrendPoint in
                    let flagged = yi == 0 && f.node.code == flaggedCode
                    let r = perYear[yi][k][f.node.code]
                    let rate = flagged ? nil : r?.rate
                    return TrendPoint(year: year, numerator: flagged ? nil : r?.numerator, denominator: flagged ? nil : r?.denominator,
                                      rate: rate, target: spec.target, status: r?.status ?? .notReported,
                                      met: rate.flatMap { rr in spec.target.map { rr >= $0 } }, unitsNotReported: 0,
                                      reexpressed: yi == 0 && f.node.code == reexpressedCode, flagged: flagged)
                }
                let rated = points.filter { $0.rate != nil }
                let change = rated.count >= 2 ? rated.last!.rate!.subtracting(rated.first!.rate!) : nil
                let firstMet = points.first { $0.met == true }?.year
                rows.append(TrendRow(unitCode: f.node.code, unitName: f.node.name, level: f.node.level, parentCode: f.parent, depth: f.depth,
                                     points: points, change: change, changeFrom: rated.count >= 2 ? rated.first!.year : nil,
                                     changeTo: rated.count >= 2 ? rated.last!.year : nil, firstYearMet: firstMet,
                                     neverMet: firstMet == nil && !rated.isEmpty && spec.target != nil,
                                     reexpressed: points.contains(where: \.reexpressed), flagged: points.contains(where: \.flagged)))
            }
            trends.append(IndicatorTrend(indicatorID: spec.id, name: spec.name, targets: years.map { _ in spec.target }, rows: rows,
                                         neverMet: rows.filter(\.neverMet).map(\.unitCode).sorted(),
                                         reexpressedUnits: rows.filter(\.reexpressed).map(\.unitCode).sorted(),
                                         flaggedUnits: rows.filter(\.flagged).map(\.unitCode).sorted()))
        }
        return TrendSection(years: years, indicators: trends, lineage: [])
    }

    /// Issues like the sample's planted problems, plus one carrying markup.
    static func sampleIssues(hostile: String = "<script>alert(1)</script>") -> [Core.Issue] {
        [
            Core.Issue(severity: .error, rule: "numerator-above-denominator", provenance: Provenance(file: "mau-2024-916-ninh-kieu.xlsx", sheet: "Cấp xã", cell: "F9"),
                  unit: "91603", field: "gia_dinh_dat", message: "Số hộ đạt (1.250) lớn hơn tổng số hộ (1.200): giá trị bị loại khỏi chỉ tiêu."),
            Core.Issue(severity: .warning, rule: "subtotal-mismatch", provenance: Provenance(file: "mau-2024-919-cai-rang.xlsx", sheet: "Cấp xã", cell: "E15"),
                  unit: "919", field: "dong_ho_tong", message: "Dòng \"Cộng\" (312) khác tổng các xã (321)."),
            Core.Issue(severity: .error, rule: "unknown-unit", provenance: Provenance(file: "mau-2024-926-phong-dien.xlsx", sheet: "Cấp xã", cell: "C12"),
                  unit: hostile, field: "", message: "Không tìm thấy đơn vị \"\(hostile)\" trong danh mục đơn vị hành chính."),
            Core.Issue(severity: .info, rule: "formula-without-cache", provenance: Provenance(file: "mau-2024-924-vinh-thanh.xlsx", sheet: "Cấp huyện", cell: "H7"),
                  unit: "924", field: "dvht_huyen_dat", message: "Ô có công thức nhưng không có giá trị đã tính: coi là thiếu số liệu."),
        ]
    }

    /// The sample-like page's model: Cần Thơ 2024, Cờ Đỏ missing, the sample's kind of issues.
    static func canTho(kind: ReportKind = .annual, year: Int = 2024, hostileName: String? = nil, display: Display = Display()) -> ReportModel {
        model(tree: canThoTree(hostileName: hostileName), year: year, kind: kind, missing: ["925"], issues: sampleIssues(), display: display)
    }
}

/// Errors first, then file, sheet, cell: the order the model promises.
enum QualitySort {
    static func sort(_ issues: [Core.Issue]) -> [Core.Issue] {
        issues.sorted { ($0.severity, $0.provenance.file, $0.provenance.sheet, $0.provenance.cell) < ($1.severity, $1.provenance.file, $1.provenance.sheet, $1.provenance.cell) }
    }
}

@Suite("HTML fixtures are consistent")
struct HTMLFixtureTests {
    @Test("a district's ratio is the sum of its communes' numerators and denominators")
    func sums() throws {
        let model = RenderFixtures.canTho()
        let giaDinh = try #require(model.indicators.first { $0.id == "gia_dinh" })
        let district = try #require(giaDinh.results.first { $0.unitCode == "916" })
        let communes = giaDinh.results.filter { $0.parentCode == "916" }
        #expect(communes.count == 11)
        #expect(district.numerator == communes.compactMap(\.numerator).reduce(0, +))
        #expect(district.denominator == communes.compactMap(\.denominator).reduce(0, +))
        // The missing district has no numbers and is counted as not reported at the root.
        #expect(giaDinh.results.first { $0.unitCode == "925" }?.numerator == nil)
        #expect(giaDinh.total.children?.notReported == 1)
        #expect(model.coverage.first?.missing == ["925"])
    }
}
