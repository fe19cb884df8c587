@testable import Aggregate
@testable import Model
import Testing

/// What each result rests on: the registry's units of the indicator's level at and under the
/// unit, those counted and the codes of those missing; and the exactness that goes with it (a
/// unit left out is out of the numerator and the denominator both).
@Suite struct IndicatorBasisTests {
    typealias F = AggregationFixture

    /// D1: C1 complete, C2 has its numerator but a blank denominator, C3 sent nothing; D2 complete.
    @Test func aUnitMissingItsDenominatorIsOutOfBothSums() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 3), F.count("D1C1", "gia_dinh_tong", 10),
                     F.count("D1C2", "gia_dinh_dat", 500),  // gia_dinh_tong blank
                     F.count("D2C1", "gia_dinh_dat", 7), F.count("D2C1", "gia_dinh_tong", 20),
                     F.count("D2C2", "gia_dinh_dat", 1), F.count("D2C2", "gia_dinh_tong", 1),
                     F.count("D2C3", "gia_dinh_dat", 0), F.count("D2C3", "gia_dinh_tong", 4)]
        let r = try F.run(F.giaDinh(), facts, registry: F.registry(districts: 2, communesEach: 3))
        let d1 = try #require(r["D1"]), p = try #require(r["P"])
        // Exact: Σ numerators over Σ denominators of the same units; C2's 500 is nowhere.
        #expect(d1.numerator == 3 && d1.denominator == 10)
        #expect(p.numerator == 3 + 7 + 1 + 0 && p.denominator == 10 + 20 + 1 + 4)
        #expect(d1.basis == IndicatorBasis(level: .commune, counted: 1, expected: 3, missing: ["D1C2", "D1C3"]))
        #expect(r["D2"]?.basis == IndicatorBasis(level: .commune, counted: 3, expected: 3, missing: []))
        #expect(r["D2"]?.basis.isComplete == true)
        #expect(p.basis == IndicatorBasis(level: .commune, counted: 4, expected: 6, missing: ["D1C2", "D1C3"]))
        // A commune's own result rests on itself.
        #expect(r["D1C1"]?.basis == IndicatorBasis(level: .commune, counted: 1, expected: 1, missing: []))
        #expect(r["D1C2"]?.basis == IndicatorBasis(level: .commune, counted: 0, expected: 1, missing: ["D1C2"]))
        for result in r.values { #expect(result.basis.counted + result.basis.missing.count == result.basis.expected) }
    }

    /// A commune without a learning centre answered: it is counted (0/0); one with a centre and
    /// no answer on IT is missing; one that left "has a centre" blank is missing.
    @Test func aShareCountsUnitsOutsideAmongAsAnswered() throws {
        let facts = [F.fact("D1C1", "tthtcd_co", .yesNo(true)), F.fact("D1C1", "tthtcd_cntt", .yesNo(true)),
                     F.fact("D1C2", "tthtcd_co", .yesNo(false)),                         // no centre, no answer needed
                     F.fact("D1C3", "tthtcd_co", .yesNo(true)),                          // centre, IT blank
                     F.fact("D1C4", "tthtcd_cntt", .yesNo(false))]                       // centre blank
        let r = try F.run(F.tthtcdCNTT(), facts, registry: F.registry(districts: 1, communesEach: 4))
        let d = try #require(r["D1"])
        #expect(d.numerator == 1 && d.denominator == 1)
        #expect(d.basis == IndicatorBasis(level: .commune, counted: 2, expected: 4, missing: ["D1C3", "D1C4"]))
    }

    /// A district-level share rests on districts; dvht, read on commune and district rows, on
    /// communes (the level the indicator is computed at).
    @Test func theBasisLevelIsTheIndicatorsDeepestLevel() throws {
        let registry = F.registry(districts: 3, communesEach: 2)
        let pc = try F.run(F.pcTHCS3(target: "50"), [F.fact("D1", "pc_thcs", .level(3)), F.fact("D3", "pc_thcs", .level(1))],
                           registry: registry)
        #expect(pc["P"]?.basis == IndicatorBasis(level: .district, counted: 2, expected: 3, missing: ["D2"]))
        #expect(pc["D2"]?.basis == IndicatorBasis(level: .district, counted: 0, expected: 1, missing: ["D2"]))
        let facts = [F.count("D1", "dvht_huyen_dat", 1), F.count("D1", "dvht_huyen_tong", 2),
                     F.count("D1C1", "dvht_xa_dat", 1), F.count("D1C1", "dvht_xa_tong", 1),
                     F.count("D2C1", "dvht_xa_dat", 1), F.count("D2C1", "dvht_xa_tong", 3)]
        let dvht = try F.run(F.dvht(), facts, registry: registry)
        #expect(dvht["P"]?.basis.level == .commune)
        #expect(dvht["P"]?.basis.counted == 2 && dvht["P"]?.basis.expected == 6)
        #expect(dvht["P"]?.basis.missing == ["D1C2", "D2C2", "D3C1", "D3C2"])  // report order
        #expect(dvht["D1"]?.numerator == 2 && dvht["D1"]?.denominator == 3)      // its own row and C1's
    }

    /// The model carries the basis to every output: the root's total and every breakdown row.
    @Test func theModelCarriesTheBasis() throws {
        var config = TestForm.config()
        config.agency.unitCode = "P"
        config.indicators = [F.giaDinh()]
        let facts = [F.count("D1C1", "gia_dinh_dat", 3), F.count("D1C1", "gia_dinh_tong", 10)]
        let model = try ReportModelBuilder.build(config: config, registry: F.registry(districts: 2, communesEach: 2), facts: facts,
                                                 issues: [], documentDate: "2024-12-05", generatedBy: "test")
        let indicator = try #require(model.indicator(id: "gia_dinh"))
        #expect(indicator.total.basis == IndicatorBasis(level: .commune, counted: 1, expected: 4, missing: ["D1C2", "D2C1", "D2C2"]))
        #expect(indicator.breakdown.map(\.basis.counted) == [1, 0])
    }
}
