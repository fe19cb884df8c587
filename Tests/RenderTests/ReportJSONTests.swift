import Core
import Foundation
import Model
@testable import Render
import Testing

@Suite struct ReportJSONTests {
    static func object(_ model: ReportModel) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.bytes(model))) as? [String: Any])
    }

    @Test func deterministicWithSortedTopLevelKeysAndAVersion() throws {
        let a = try ReportJSON.bytes(try IndicatorsCSVTests.model())
        let b = try ReportJSON.bytes(try IndicatorsCSVTests.model())
        #expect(a == b)
        #expect(a.last == 0x0A)
        let text = String(decoding: a, as: UTF8.self)
        let keys = ["\"coverage\"", "\"files\"", "\"indicators\"", "\"metadata\"", "\"narrative\"", "\"quality\"", "\"root\"",
                    "\"schemaVersion\"", "\"units\""].map { text.range(of: $0)?.lowerBound }
        #expect(keys.allSatisfy { $0 != nil } && keys.map { $0! } == keys.map { $0! }.sorted())
        #expect(try Self.object(try IndicatorsCSVTests.model())["schemaVersion"] as? Int == 3)
        // One result a line: a reader can page through a national file.
        #expect(text.contains("\n[\"31117\",5,9,\"exceeded\","))
    }

    /// Everything a result of the model says is in its row or computed exactly from it.
    @Test func everyResultIsInItsRow() throws {
        let model = try IndicatorsCSVTests.model()
        let json = try Self.object(model)
        let files = try #require(json["files"] as? [String])
        #expect(files == ["31117.xlsx", "31120.xlsx"])
        let indicators = try #require(json["indicators"] as? [[String: Any]])
        #expect(indicators.count == model.indicators.count)
        for (indicator, written) in zip(model.indicators, indicators) {
            #expect(written["columns"] as? [String] == ReportJSON.columns)
            #expect(written["breakdown"] as? [String] == indicator.breakdown.map(\.unitCode))
            #expect(written["basisLevel"] as? String == indicator.total.basis.level.rawValue)
            let target = try #require(written["target"] as? [String: Int])
            #expect(Fraction(Int64(target["numerator"]!), Int64(target["denominator"]!)) == indicator.target)
            let rows = try #require(written["results"] as? [[Any]])
            #expect(rows.count == indicator.results.count)
            for (result, row) in zip(indicator.results, rows) {
                #expect(row[0] as? String == result.unitCode)
                let n = (row[1] as? Int).map(Int64.init), d = (row[2] as? Int).map(Int64.init)
                #expect(n == result.numerator && d == result.denominator)
                // The rate a reader computes is the model's, exactly.
                #expect((n != nil && d != nil && d != 0 ? Fraction(n!, d!) : nil) == result.rate)
                #expect(row[3] as? String == result.status.rawValue)
                #expect(row[4] as? Int == result.rank && row[5] as? Int == result.rankedSiblings)
                #expect(row[6] as? Int == result.unitsCounted && row[7] as? Int == result.unitsNotReported)
                let basis = try #require(row[8] as? [Any])
                #expect(basis[0] as? Int == result.basis.counted && basis[1] as? Int == result.basis.expected)
                #expect(basis[2] as? [String] == result.basis.missing)
                #expect((row[9] as? [String: Any])?["count"] as? Int == result.children?.count)
                #expect(row[10] as? Bool == result.reexpressed)
                // A commune's own cells by reference: the file's index, the sheet, the range.
                if result.sources.cells.isEmpty {
                    #expect(row[11] is NSNull)
                } else {
                    let sources = try #require(row[11] as? [[Any]])
                    #expect(sources.map { files[$0[0] as! Int] } == Array(Set(result.sources.cells.map(\.file))).sorted())
                    #expect(sources.first?[1] as? String == "Cấp xã" && sources.first?[2] as? String == "E7")
                }
            }
        }
        let units = try #require(json["units"] as? [[String: Any]])
        #expect(units.map { $0["code"] as? String } == model.units.map(\.code))
        #expect(units.map { ($0["files"] as? [Int] ?? []).map { files[$0] } } == model.units.map(\.files))
        #expect(json["root"] as? String == model.root.code)
    }

    @Test func cellsAsRanges() {
        #expect(CellRanges.text(["E8", "F8", "H8"]) == "E8:F8 H8")
        #expect(CellRanges.text(["F8", "E8", "E9", "E8"]) == "E8:F8 E9")
        #expect(CellRanges.text(["D12"]) == "D12")
        #expect(CellRanges.text(["AA3", "Z3", "", "x"]) == "Z3:AA3  x")
        #expect(CellRanges.text([]) == "")
    }

    @Test func stringsEscapedAsJSONRequires() throws {
        var json = JSONWriter()
        json.beginArray()
        json.string("a\"b\\c/d\n\u{01}Đ")
        json.newline()
        json.int(Int64(-3))
        json.null()
        json.int(0)
        json.int(Int64.max)
        json.int(Int64.min)
        json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[\"a\\\"b\\\\c/d\\n\\u0001Đ\",\n-3,null,0,9223372036854775807,-9223372036854775808]")
        #expect(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [Any] != nil)
    }
}
