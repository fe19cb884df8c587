import Presentation
import Core
import Model

/// `Output/<year>/indicators.csv`, the machine-readable contract of DESIGN.md: one row per unit
/// and indicator at every level of the report, the root's total included.
///
///     unit_code,unit_name,level,indicator,numerator,denominator,rate_percent,target_percent,met
///     92,Thành phố Cần Thơ,province,pc_thcs_3,5,9,55.5556,66,0
///     925,Huyện Cờ Đỏ,district,gia_dinh,,,,75,
///
/// - UTF-8 with a byte order mark (Excel then reads the Vietnamese right), comma-separated,
///   CRLF line ends (RFC 4180), quoted where a value holds a comma, a quote or a line break.
/// - Rows: units in the model's order (hierarchy pre-order, siblings by code), and for each unit
///   the indicators in catalogue order; a unit appears for every indicator it has a result for
///   (a commune has no row for a district-level share).
/// - `level`: commune, district, province or nation.
/// - `numerator`, `denominator`: exact integers; EMPTY when nothing under the unit reported
///   (missing is never zero: "0" means a reported zero).
/// - `rate_percent`: the exact fraction × 100 rounded half-up to 4 decimals with a dot
///   ("55.5556" for 5/9), whatever the display setting; empty when the denominator is 0 or
///   nothing was reported.
/// - `target_percent`: the target × 100 written exactly when it has at most 4 decimals ("55.55",
///   "80"), else rounded half-up to 4; empty without a target.
/// - `met`: 1 when the EXACT rate reaches the exact target, 0 when not; empty without a rate or
///   a target.
/// - No cell can become a formula: a text value starting with =, +, -, @, a tab or a carriage
///   return gets a leading apostrophe (`CSVText`, the OWASP rule, as issues.csv does); numbers
///   are written as they are.
public enum IndicatorsCSV {
    public static let fileName = "indicators.csv"
    public static let header = ["unit_code", "unit_name", "level", "indicator", "numerator", "denominator",
                                "rate_percent", "target_percent", "met"]

    /// The file's bytes: BOM, header, rows.
    public static func bytes(_ model: ReportModel) -> [UInt8] {
        Array(text(model).utf8)
    }

    /// The file as text, BOM included.
    public static func text(_ model: ReportModel) -> String {
        var out = "\u{FEFF}" + CSVText.row(header)
        // Text columns (code, name, level, indicator) go through CSVText (quoting, formula
        // neutralisation, NFC); the numeric columns are digits and dots only and are written as
        // they are, which keeps a national file (100,000+ rows) fast.
        var textCache: [String: String] = [:]
        func text(_ value: String) -> String {
            if let cached = textCache[value] { return cached }
            let escaped = CSVText.field(value)
            textCache[value] = escaped
            return escaped
        }
        // One target text per indicator, not per row (a national file has 100,000+ rows).
        let targets = model.indicators.map { $0.target.map(targetPercent) ?? "" }
        for (i, j) in order(model) {
            let r = model.indicators[i].results[j]
            let row = fields(r, target: r.target == model.indicators[i].target ? targets[i] : nil)
            out += text(row[0]); out += ","; out += text(row[1]); out += ","; out += text(row[2]); out += ","
            out += text(row[3])
            for value in row[4...] { out += ","; out += value }
            out += "\r\n"
        }
        return out
    }

    /// The data rows as fields, without quoting.
    public static func rows(_ model: ReportModel) -> [[String]] {
        order(model).map { fields(model.indicators[$0.indicator].results[$0.result]) }
    }

    /// The rows' order: units in the model's order, each unit's results in catalogue order, as
    /// positions (indicator, result) in `model.indicators`, so that no result is copied.
    static func order(_ model: ReportModel) -> [(indicator: Int, result: Int)] {
        var byUnit: [String: [(indicator: Int, result: Int)]] = [:]
        byUnit.reserveCapacity(model.units.count)
        for (i, indicator) in model.indicators.enumerated() {
            for (j, result) in indicator.results.enumerated() { byUnit[result.unitCode, default: []].append((i, j)) }
        }
        var out: [(indicator: Int, result: Int)] = []
        for unit in model.units { out += byUnit[unit.code] ?? [] }
        return out
    }

    /// One result's fields; `target`, when given, is the result's target already written.
    public static func fields(_ r: IndicatorResult, target: String? = nil) -> [String] {
        [r.unitCode, r.unitName, r.level.rawValue, r.indicatorID,
         r.numerator.map(String.init) ?? "", r.denominator.map(String.init) ?? "",
         r.rate.map(ratePercent) ?? "", target ?? r.target.map(targetPercent) ?? "",
         r.met.map { $0 ? "1" : "0" } ?? ""]
    }

    /// 5/9 -> "55.5556": × 100, half-up to 4 decimals, dot (the report's one rounding,
    /// through `PercentFormatter.plain`, as the page's numbers).
    public static func ratePercent(_ rate: Fraction) -> String {
        PercentFormatter.plain(rate, decimals: 4, rounding: .halfUp)
    }

    /// 5555/10000 -> "55.55", 4/5 -> "80", 2/3 -> "66.6667".
    public static func targetPercent(_ target: Fraction) -> String {
        var scale: Int64 = 100
        for decimals in 0...4 {
            if target.multiplied(by: scale).denominator == 1 {
                return PercentFormatter.plain(target, decimals: decimals, rounding: .truncate)
            }
            scale *= 10
        }
        return PercentFormatter.plain(target, decimals: 4, rounding: .halfUp)
    }
}
