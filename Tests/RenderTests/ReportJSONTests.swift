import Foundation
import Model
@testable import Render
import Testing

@Suite struct ReportJSONTests {
    @Test func roundTripsAndIsDeterministic() throws {
        let model = try IndicatorsCSVTests.model()
        let a = try ReportJSON.data(model)
        let b = try ReportJSON.data(try IndicatorsCSVTests.model())
        #expect(a == b)
        #expect(a.last == 0x0A)
        #expect(try ReportJSON.decode(a) == model)
        let text = String(decoding: a, as: UTF8.self)
        // Keys sorted at every level: "indicators" before "metadata" before "narrative".
        let i = try #require(text.range(of: "\"indicators\""))
        let m = try #require(text.range(of: "\"metadata\""))
        let n = try #require(text.range(of: "\"narrative\""))
        #expect(i.lowerBound < m.lowerBound && m.lowerBound < n.lowerBound)
        // Exact fractions, never floating point.
        #expect(text.contains("\"rate\":{\"denominator\":9,\"numerator\":5}"))
        // What each result rests on: the province's 2 of 3 communes, the one missing by code.
        #expect(text.contains("\"basis\":{\"counted\":2,\"expected\":3,\"level\":\"commune\",\"missing\":[\"31150\"]}"))
        #expect(model.indicators[0].total.basis == IndicatorBasis(level: .commune, counted: 2, expected: 3, missing: ["31150"]))
        let pretty = try ReportJSON.data(model, pretty: true)
        #expect(try ReportJSON.decode(pretty) == model)
    }
}
