import Foundation
import Model

/// `Output/<year>/report.json`: the report model serialised, deterministically (keys sorted,
/// arrays in the model's stable order, no floating point: rates, targets and gaps are exact
/// fractions `{"denominator": 9, "numerator": 5}` of one), so the same inputs give the same
/// bytes and other tools can read every number a report shows.
///
///     let data = try ReportJSON.data(model)          // compact, one line, ends with "\n"
///     let back = try ReportJSON.decode(data)         // == model
///
/// Optional values that are absent (no rate, no rank, ...) are left out of their object, as
/// `JSONEncoder` does; `schemaVersion` tells readers which shape they hold.
public enum ReportJSON {
    public static let fileName = "report.json"

    /// - Parameter pretty: indented, for people; the default is compact (a national roll-up's
    ///   model is large).
    public static func data(_ model: ReportModel, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(model)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> ReportModel {
        try JSONDecoder().decode(ReportModel.self, from: data)
    }
}
