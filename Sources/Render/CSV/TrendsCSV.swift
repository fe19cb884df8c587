import Presentation
import Core
import Model

/// `Output/<year>/trends.csv` of a review year (sơ kết, tổng kết): every unit of the review's
/// trend tables, every indicator, every year of the phase, in TODAY's units, the figures of
/// earlier years re-expressed through the lineage chain.
///
///     unit_code,unit_name,level,indicator,year,numerator,denominator,rate_percent,target_percent,met,reexpressed,flagged
///     92,Thành phố Cần Thơ,province,gia_dinh,2023,9735,11160,87.2312,75,1,1,0
///     31123,Phường Thới Bình,commune,gia_dinh,2023,,,,75,,0,1
///
/// The rules of indicators.csv (`IndicatorsCSV`), so that one reader reads both:
/// - UTF-8 with a byte order mark, comma-separated, CRLF, quoted where needed; a text starting
///   with =, +, -, @, a tab or a carriage return gets a leading apostrophe (`CSVText`).
/// - Rows: units in the model's order (hierarchy pre-order, siblings by code), for each unit the
///   indicators in catalogue order, for each the years ascending; a unit has rows only for the
///   indicators it has a result for.
/// - `numerator`, `denominator` exact, EMPTY when nothing was reported and for a flagged year
///   (never a guessed share of a split unit); `rate_percent` and `target_percent` through the
///   presentation layer's rounding (`IndicatorsCSV.ratePercent`, `targetPercent`); the target is
///   that YEAR's; `met` 1/0 against it, empty without a rate or a target.
/// - `reexpressed`: 1 when the year's numbers were summed from earlier units (a merger), else 0.
///   `flagged`: 1 when the year could not be re-expressed (the unit got part of a split unit),
///   else 0.
public enum TrendsCSV {
    public static let fileName = "trends.csv"
    public static let header = ["unit_code", "unit_name", "level", "indicator", "year", "numerator", "denominator",
                                "rate_percent", "target_percent", "met", "reexpressed", "flagged"]

    /// The file's bytes; nil for a model without trends (an annual report).
    public static func bytes(_ model: ReportModel) -> [UInt8]? {
        text(model).map { Array($0.utf8) }
    }

    /// The file as text, BOM included; nil without trends.
    public static func text(_ model: ReportModel) -> String? {
        guard model.trends != nil else { return nil }
        var out = "\u{FEFF}" + CSVText.row(header)
        // Text columns through CSVText (quoting, formula neutralisation, NFC); the numeric
        // columns are digits, dots and 0/1 and are written as they are.
        for row in rows(model) {
            out += row[0..<4].map(CSVText.field).joined(separator: ",")
            for value in row[4...] { out += ","; out += value }
            out += "\r\n"
        }
        return out
    }

    /// The data rows as fields, without quoting.
    public static func rows(_ model: ReportModel) -> [[String]] {
        guard let section = model.trends else { return [] }
        var byUnit: [String: [(indicator: String, row: TrendRow)]] = [:]
        for trend in section.indicators {
            for row in trend.rows { byUnit[row.unitCode, default: []].append((trend.indicatorID, row)) }
        }
        var out: [[String]] = []
        for unit in model.units {
            for (indicator, row) in byUnit[unit.code] ?? [] {
                for p in row.points { out.append(fields(row, indicator: indicator, point: p)) }
            }
        }
        return out
    }

    /// One unit's year of one indicator.
    public static func fields(_ row: TrendRow, indicator: String, point p: TrendPoint) -> [String] {
        [row.unitCode, row.unitName, row.level.rawValue, indicator, String(p.year),
         p.flagged ? "" : p.numerator.map(String.init) ?? "", p.flagged ? "" : p.denominator.map(String.init) ?? "",
         p.flagged ? "" : p.rate.map(IndicatorsCSV.ratePercent) ?? "", p.target.map(IndicatorsCSV.targetPercent) ?? "",
         p.flagged ? "" : p.met.map { $0 ? "1" : "0" } ?? "",
         p.reexpressed ? "1" : "0", p.flagged ? "1" : "0"]
    }
}
