import Foundation
import Model
import Yams

/// Turns the node tree of pipeline.yml into a `PipelineConfig`, one section at a time, through a
/// `YAMLReader` that records every mistake. Returns nil for a section it could not read; the
/// loader then throws with all the diagnostics.
struct ConfigDecoding {
    let reader: YAMLReader
    let baseDirectory: String

    func config(_ root: Node) -> PipelineConfig? {
        guard let keys = reader.mapping(root, path: "",
                                        allowed: ["year", "report", "deadline", "agency", "paths", "display", "outputs", "commendation", "letters", "sheets", "indicators"],
                                        required: ["year", "agency", "paths", "sheets", "indicators"]) else { return nil }
        let year = keys["year"].flatMap { reader.integer($0, path: "year", in: PipelineConfigLoader.years, meaning: "năm báo cáo") }
        let report = keys["report"].map { reader.choice($0, path: "report", as: ReportKind.self) } ?? .annual
        let deadline = keys["deadline"].flatMap { node in reader.isNull(node) ? nil : self.deadline(node) }
        let agency = keys["agency"].flatMap(self.agency)
        let paths = keys["paths"].flatMap(self.paths)
        let display = keys["display"].map(self.display) ?? Display()
        let outputs = keys["outputs"].map(self.outputs) ?? ["html", "csv", "json", "issues"]
        let commendation = keys["commendation"].map { node in reader.isNull(node) ? .absent : self.commendation(node) }
        let resend = keys["letters"].map { node in reader.isNull(node) ? .standard : self.letters(node) } ?? .standard
        let sheets = keys["sheets"].flatMap { node in
            reader.sequence(node, path: "sheets", expected: "danh sách các biểu (sheets)")?.enumerated().map { self.sheet($1, path: "sheets[\($0)]") }
        }
        let indicators = keys["indicators"].flatMap { node in
            reader.sequence(node, path: "indicators", expected: "danh sách các chỉ tiêu (indicators)")?.enumerated().map { self.indicator($1, path: "indicators[\($0)]") }
        }
        guard let year, let report, let agency, let paths, let display, let outputs, let resend,
              let sheets = sheets.flatMap(allOrNil), let indicators = indicators.flatMap(allOrNil) else { return nil }
        var config = PipelineConfig(year: year, report: report, agency: agency, paths: paths, deadline: deadline, display: display,
                                    sheets: sheets, indicators: indicators, outputs: outputs)
        config.resend = resend
        switch commendation {
        case .some(.failed): return nil
        case .some(.rule(let rule)): config.commendation = rule
        case .some(.absent), nil: break
        }
        return config
    }

    /// `commendation:` as read: left empty, wrong (the reader has the diagnostics), or a rule.
    private enum CommendationRead { case absent, failed, rule(CommendationRule) }

    /// `commendation: {quota: 5, criteria: [metEveryYear, mostImproved]}`.
    private func commendation(_ node: Node) -> CommendationRead {
        guard let keys = reader.mapping(node, path: "commendation", allowed: ["quota", "criteria"], required: ["quota", "criteria"]) else {
            return .failed
        }
        let quota = keys["quota"].flatMap {
            reader.integer($0, path: "commendation.quota", in: CommendationRule.quotas, meaning: "số đơn vị đề nghị khen thưởng (chỉ tiêu khen thưởng của kế hoạch)")
        }
        var criteria: [CommendationCriterion] = []
        var ok = quota != nil
        if let node = keys["criteria"], let items = reader.sequence(node, path: "commendation.criteria",
                                                                   expected: "danh sách tiêu chí xếp hạng, ví dụ [metEveryYear, mostImproved]") {
            if items.isEmpty {
                reader.fail(node, "commendation.criteria", "cần ít nhất một tiêu chí; một trong: \(CommendationCriterion.allCases.map(\.rawValue).joined(separator: ", ")).")
                ok = false
            }
            for (i, item) in items.enumerated() {
                guard let criterion = reader.choice(item, path: "commendation.criteria[\(i)]", as: CommendationCriterion.self) else { ok = false; continue }
                if criteria.contains(criterion) {
                    reader.fail(item, "commendation.criteria[\(i)]", "tiêu chí \"\(criterion.rawValue)\" đã có ở trên; mỗi tiêu chí ghi một lần.")
                    ok = false
                    continue
                }
                criteria.append(criterion)
            }
        } else {
            ok = false
        }
        guard ok, let quota else { return .failed }
        return .rule(CommendationRule(quota: quota, criteria: criteria))
    }

    private func allOrNil<T>(_ items: [T?]) -> [T]? {
        let kept = items.compactMap { $0 }
        return kept.count == items.count ? kept : nil
    }

    // MARK: - Header sections

    private func deadline(_ node: Node) -> String? {
        guard let text = reader.string(node, path: "deadline") else { return nil }
        guard ConfigDecoding.isISODate(text) else {
            reader.fail(node, "deadline", "\"\(text)\" không phải một ngày có thật dạng năm-tháng-ngày; ví dụ 2024-11-30 cho ngày 30 tháng 11 năm 2024.")
            return nil
        }
        guard let year = Int(text.prefix(4)), PipelineConfigLoader.years.contains(year) else {
            reader.fail(node, "deadline", "năm của hạn nộp \"\(text)\" phải từ \(PipelineConfigLoader.years.lowerBound) đến \(PipelineConfigLoader.years.upperBound); ví dụ 2024-11-30.")
            return nil
        }
        return text
    }

    /// `letters: {resendWithinDays: 7}` or `letters: {resendBy: 2024-12-12}`: one of the two.
    private func letters(_ node: Node) -> ResendDate? {
        guard let keys = reader.mapping(node, path: "letters", allowed: ["resendWithinDays", "resendBy"]) else { return nil }
        if keys["resendWithinDays"] != nil, let both = keys["resendBy"] {
            reader.fail(both, "letters.resendBy", "chỉ ghi một trong hai: resendWithinDays (số ngày kể từ ngày văn bản) hoặc resendBy (một ngày cố định); xóa một khóa.")
            return nil
        }
        if let node = keys["resendBy"] {
            guard let text = reader.string(node, path: "letters.resendBy") else { return nil }
            guard ConfigDecoding.isISODate(text), let year = Int(text.prefix(4)), PipelineConfigLoader.years.contains(year) else {
                reader.fail(node, "letters.resendBy", "\"\(text)\" không phải một ngày có thật dạng năm-tháng-ngày (hạn gửi lại số liệu đã sửa); ví dụ 2024-12-12 cho ngày 12 tháng 12 năm 2024.")
                return nil
            }
            return .on(text)
        }
        if let node = keys["resendWithinDays"] {
            return reader.integer(node, path: "letters.resendWithinDays", in: ResendDate.days,
                                  meaning: "số ngày, kể từ ngày văn bản, để đơn vị gửi lại số liệu đã sửa").map(ResendDate.withinDays)
        }
        return .standard
    }

    /// A real day of the calendar written `YYYY-MM-DD` (leap years counted: 2024-02-29 is one,
    /// 2023-02-29 and 2024-04-31 are not).
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1]
    }

    private func agency(_ node: Node) -> Agency? {
        guard let keys = reader.mapping(node, path: "agency",
                                        allowed: ["parent", "name", "abbreviation", "place", "unitCode", "signer", "recipients"],
                                        required: ["parent", "name", "abbreviation", "place", "unitCode"]) else { return nil }
        func text(_ key: String) -> String? { keys[key].flatMap { reader.isNull($0) ? nil : reader.string($0, path: "agency.\(key)") } }
        var signer: (authority: String, title: String, name: String) = ("", "", "")
        if let node = keys["signer"], !reader.isNull(node),
           let s = reader.mapping(node, path: "agency.signer", allowed: ["authority", "title", "name"]) {
            func field(_ key: String) -> String { s[key].flatMap { reader.string($0, path: "agency.signer.\(key)", allowEmpty: true) } ?? "" }
            signer = (field("authority"), field("title"), field("name"))
        }
        let recipients = keys["recipients"].flatMap { reader.strings($0, path: "agency.recipients") } ?? []
        guard let parent = text("parent"), let name = text("name"), let abbreviation = text("abbreviation"),
              let place = text("place"), let unitCode = text("unitCode") else { return nil }
        return Agency(parent: parent, name: name, abbreviation: abbreviation, place: place, unitCode: unitCode,
                      signerAuthority: signer.authority, signerTitle: signer.title, signerName: signer.name, recipients: recipients)
    }

    private func paths(_ node: Node) -> Paths? {
        guard let keys = reader.mapping(node, path: "paths",
                                        allowed: ["input", "output", "units", "unitAliases", "lineage", "store", "templates"],
                                        required: ["units"]) else { return nil }
        func path(_ key: String) -> String? {
            keys[key].flatMap { reader.isNull($0) ? nil : reader.string($0, path: "paths.\(key)") }.map(resolve)
        }
        let defaults = Paths(units: "")
        guard let units = path("units") else { return nil }
        return Paths(input: path("input") ?? resolve(defaults.input), output: path("output") ?? resolve(defaults.output),
                     units: units, unitAliases: path("unitAliases"), lineage: keys["lineage"].flatMap(lineage) ?? [],
                     store: path("store") ?? resolve(defaults.store), templates: path("templates") ?? resolve(defaults.templates))
    }

    /// `paths.lineage`: one file or a list of steps, each a file whose name carries its date
    /// or `{file, effective}` (`LineageFile`). Every mistake is reported at its line; nil then.
    private func lineage(_ node: Node) -> [LineageFile]? {
        if reader.isNull(node) { return [] }
        if case .scalar = node { return step(node, path: "paths.lineage").map { [$0] } }
        guard let items = reader.sequence(node, path: "paths.lineage", expected: "danh sách các bước sáp nhập, chia tách") else { return nil }
        let steps = items.enumerated().map { step($1, path: "paths.lineage[\($0)]") }
        let kept = steps.compactMap { $0 }
        return kept.count == steps.count ? kept : nil
    }

    private func step(_ node: Node, path: String) -> LineageFile? {
        let example = "ví dụ units/old-to-new-commune-2025-07-01.csv, hoặc file: units/sap-nhap.csv với effective: 2025-07-01"
        if case .mapping = node {
            guard let keys = reader.mapping(node, path: path, allowed: ["file", "effective"], required: ["file", "effective"]),
                  let file = keys["file"].flatMap({ reader.string($0, path: "\(path).file") }),
                  let dateNode = keys["effective"], let date = reader.string(dateNode, path: "\(path).effective") else { return nil }
            guard ConfigDecoding.isISODate(date) else {
                reader.fail(dateNode, "\(path).effective", "\"\(date)\" không phải một ngày có thật dạng năm-tháng-ngày (ngày đơn vị mới có hiệu lực, ví dụ 2025-07-01).")
                return nil
            }
            return LineageFile(path: resolve(file), effective: date)
        }
        guard let file = reader.string(node, path: path) else { return nil }
        guard let date = LineageFile.date(inFileName: (file as NSString).lastPathComponent) else {
            reader.fail(node, path, "tên tệp \"\(file)\" không có ngày hiệu lực dạng năm-tháng-ngày; đổi tên tệp hoặc ghi rõ ngày (\(example)).")
            return nil
        }
        return LineageFile(path: resolve(file), effective: date)
    }

    /// A path of the file made absolute against the file's folder ("~/" is the home folder).
    func resolve(_ path: String) -> String {
        ConfigDecoding.resolve(path, against: baseDirectory)
    }

    static func resolve(_ path: String, against base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }

    private func display(_ node: Node) -> Display? {
        guard let keys = reader.mapping(node, path: "display", allowed: ["rounding", "percentDecimals"]) else { return nil }
        let defaults = Display()
        let rounding = keys["rounding"].map { reader.choice($0, path: "display.rounding", as: Display.Rounding.self) } ?? defaults.rounding
        let decimals = keys["percentDecimals"].map {
            reader.integer($0, path: "display.percentDecimals", in: 0...6, meaning: "số chữ số thập phân của tỷ lệ phần trăm")
        } ?? defaults.percentDecimals
        guard let rounding, let decimals else { return nil }
        return Display(rounding: rounding, percentDecimals: decimals)
    }

    private func outputs(_ node: Node) -> [String]? {
        guard let items = reader.sequence(node, path: "outputs", expected: "danh sách các đầu ra") else { return nil }
        var out: [String] = []
        var ok = true
        for (i, item) in items.enumerated() {
            guard let kind = reader.string(item, path: "outputs[\(i)]") else { ok = false; continue }
            guard PipelineConfigLoader.outputKinds.contains(kind) else {
                reader.fail(item, "outputs[\(i)]", "\"\(kind)\" không phải loại đầu ra; cần một trong: \(PipelineConfigLoader.outputKinds.joined(separator: ", ")).")
                ok = false
                continue
            }
            if !out.contains(kind) { out.append(kind) }
        }
        return ok ? out : nil
    }
}
