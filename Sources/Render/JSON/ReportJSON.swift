import Core
import Foundation
import Model

/// `Output/<year>/report.json`: what the report shows, for other tools, in a size proportional to
/// it: every unit's result for every indicator as one row of a table, provenance by reference
/// (an index into `files` and cell ranges, not the file name copied into every fact), written in
/// one pass by `JSONWriter`. Deterministic: the same model gives the same bytes. No floating
/// point: counts are integers and a rate is its numerator over its denominator, exactly.
///
///     let bytes = try ReportJSON.bytes(model)        // ends with "\n"
///
/// The file (`schemaVersion` 3; docs/report-model.md has every key):
///
///     {"commendation": {...},                  (a review with pipeline.yml commendation only)
///     "coverage": [...],
///     "files": ["2024-916-quan-ninh-kieu.xlsx", ...],        sorted; sources name them by index
///     "indicators": [
///     {"basisLevel": "commune", "belowTarget": ["919"], "breakdown": ["916", "919", ...],
///      "columns": ["unit", "numerator", "denominator", "status", "rank", "rankedSiblings",
///                  "unitsCounted", "unitsNotReported", "basis", "children", "reexpressed", "sources"],
///      "id": "gia_dinh", "kind": "ratio", "level": "commune", "name": "...", "numeratorFields": [...],
///      "denominatorFields": [...], "target": {"denominator": 4, "numerator": 3},
///      "results": [
///     ["92", 40123, 51234, "exceeded", null, 0, 83, 0, [83, 83, []], {"count": 9, ...}, false, null],
///     ["31117", 5232, 6654, "exceeded", 3, 11, 1, 0, [1, 1, []], null, false, [[0, "Cấp xã", "E8:F8"]]],
///     ...]}, ...],
///     "metadata": {...}, "narrative": {...}, "quality": {...}, "root": "92", "schemaVersion": 3,
///     "trends": {...},                         (review years only)
///     "units": [
///     {"code": "92", "depth": 0, "files": [0, 1, ...], "level": "province", "name": "...", "reported": true},
///     ...]}
///
/// What is left out is what a reader computes exactly from what is there: a result's rate
/// (numerator / denominator), gap (rate − the indicator's target) and met (rate >= target); an
/// indicator's total (its first result) and breakdown (the root's children's rows, by the codes
/// in `breakdown`); a result's level and parent and name (its unit in `units`); an aggregate's
/// source files (the files of its unit in `units`). Sections that are small whatever the country
/// (metadata, coverage, narrative, quality, trends, commendation) keep the model's shape.
public enum ReportJSON {
    public static let fileName = "report.json"
    /// The shape of the file: 3 since the results became tables with sources by reference
    /// (2: the report model encoded whole, every source file named in every result).
    public static let schemaVersion = 3
    /// The columns of an indicator's `results` rows, in order.
    public static let columns = ["unit", "numerator", "denominator", "status", "rank", "rankedSiblings",
                                 "unitsCounted", "unitsNotReported", "basis", "children", "reexpressed", "sources"]

    public static func bytes(_ model: ReportModel) throws -> [UInt8] {
        let files = fileIndex(model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = JSONWriter(reservingCapacity: 1 << 20)
        json.beginObject()
        if let commendation = model.commendation {
            json.key("commendation"); json.raw(try encoder.encode(commendation))
        }
        json.newline(); json.key("coverage"); json.raw(try encoder.encode(model.coverage))
        json.newline(); json.key("files")
        json.beginArray()
        for name in files.names { json.string(name) }
        json.endArray()
        json.newline(); json.key("indicators")
        json.beginArray()
        for indicator in model.indicators {
            json.newline()
            write(indicator, files: files, encoder: encoder, into: &json)
        }
        json.endArray()
        json.newline(); json.key("metadata"); json.raw(try encoder.encode(model.metadata))
        json.newline(); json.key("narrative"); json.raw(try encoder.encode(model.narrative))
        json.newline(); json.key("quality"); json.raw(try encoder.encode(model.quality))
        json.newline(); json.key("root"); json.string(model.root.code)
        json.newline(); json.key("schemaVersion"); json.int(schemaVersion)
        if let trends = model.trends {
            json.newline(); json.key("trends"); json.raw(try encoder.encode(trends))
        }
        json.newline(); json.key("units")
        json.beginArray()
        for unit in model.units {
            json.newline()
            json.beginObject()
            json.key("code"); json.string(unit.code)
            json.key("depth"); json.int(unit.depth)
            json.key("files"); writeFiles(unit.files, files: files, into: &json)
            json.key("level"); json.string(unit.level.rawValue)
            json.key("name"); json.string(unit.name)
            if let parent = unit.parentCode { json.key("parentCode"); json.string(parent) }
            json.key("reported"); json.bool(unit.reported)
            json.endObject()
        }
        json.endArray()
        json.newline()
        json.endObject()
        var bytes = json.bytes
        bytes.append(0x0A)
        return bytes
    }

    private static func write(_ indicator: IndicatorReport, files: FileIndex, encoder: JSONEncoder, into json: inout JSONWriter) {
        json.beginObject()
        if let among = indicator.among { json.key("among"); json.string(among) }
        json.key("basisLevel"); json.string(indicator.total.basis.level.rawValue)
        json.key("belowTarget"); strings(indicator.belowTarget, into: &json)
        json.key("breakdown"); strings(indicator.breakdown.map(\.unitCode), into: &json)
        json.key("columns"); strings(columns, into: &json)
        if let condition = indicator.condition { json.key("condition"); json.string(condition) }
        json.key("denominatorFields"); strings(indicator.denominatorFields, into: &json)
        json.key("id"); json.string(indicator.id)
        json.key("kind"); json.string(indicator.kind.rawValue)
        json.key("level"); json.string(indicator.level.rawValue)
        json.key("name"); json.string(indicator.name)
        json.key("numeratorFields"); strings(indicator.numeratorFields, into: &json)
        json.key("results")
        json.beginArray()
        for result in indicator.results {
            json.newline()
            write(result, files: files, into: &json)
        }
        json.endArray()
        if let target = indicator.target { json.key("target"); fraction(target, into: &json) }
        json.endObject()
    }

    /// One row, in the order of `columns`.
    private static func write(_ result: IndicatorResult, files: FileIndex, into json: inout JSONWriter) {
        json.beginArray()
        json.string(result.unitCode)
        json.int(result.numerator)
        json.int(result.denominator)
        json.string(result.status.rawValue)
        json.int(result.rank)
        json.int(result.rankedSiblings)
        json.int(result.unitsCounted)
        json.int(result.unitsNotReported)
        json.beginArray()
        json.int(result.basis.counted)
        json.int(result.basis.expected)
        strings(result.basis.missing, into: &json)
        json.endArray()
        if let children = result.children {
            json.beginObject()
            json.key("count"); json.int(children.count)
            json.key("level"); json.string(children.level.rawValue)
            json.key("met"); json.int(children.met)
            json.key("notReported"); json.int(children.notReported)
            json.key("withRate"); json.int(children.withRate)
            json.endObject()
        } else {
            json.null()
        }
        json.bool(result.reexpressed)
        writeSources(result.sources.cells, files: files, into: &json)
        json.endArray()
    }

    /// A unit's own cells as `[[file index, sheet, "E8:F8 H8"], ...]` (one entry per file and
    /// sheet, the cells as the ranges of a spreadsheet's selection); null for an aggregate.
    private static func writeSources(_ cells: [Provenance], files: FileIndex, into json: inout JSONWriter) {
        guard !cells.isEmpty else { return json.null() }
        json.beginArray()
        var start = 0
        while start < cells.count {
            var end = start + 1
            while end < cells.count, cells[end].file == cells[start].file, cells[end].sheet == cells[start].sheet { end += 1 }
            json.beginArray()
            json.int(files.positions[cells[start].file] ?? -1)
            json.string(cells[start].sheet)
            json.string(CellRanges.text(cells[start..<end].map(\.cell)))
            json.endArray()
            start = end
        }
        json.endArray()
    }

    private static func writeFiles(_ names: [String], files: FileIndex, into json: inout JSONWriter) {
        json.beginArray()
        for name in names { json.int(files.positions[name] ?? -1) }
        json.endArray()
    }

    private static func strings(_ values: [String], into json: inout JSONWriter) {
        json.beginArray()
        for value in values { json.string(value) }
        json.endArray()
    }

    /// The model's shape of a fraction (`Fraction`'s Codable keys, sorted).
    private static func fraction(_ value: Fraction, into json: inout JSONWriter) {
        json.beginObject()
        json.key("denominator"); json.int(value.denominator)
        json.key("numerator"); json.int(value.numerator)
        json.endObject()
    }

    /// Every file a unit or a source names, sorted, and each one's position.
    private struct FileIndex {
        var names: [String]
        var positions: [String: Int]
    }

    private static func fileIndex(_ model: ReportModel) -> FileIndex {
        var all = Set<String>()
        for unit in model.units { all.formUnion(unit.files) }
        for indicator in model.indicators {
            for result in indicator.results { for cell in result.sources.cells { all.insert(cell.file) } }
        }
        let names = all.sorted()
        return FileIndex(names: names, positions: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }))
    }
}
