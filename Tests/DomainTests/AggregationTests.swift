@testable import Aggregate
@testable import Core
@testable import Model
import Testing

@Suite struct AggregationTests {
    typealias F = AggregationFixture

    /// 5 of 9 districts at level 3, against 55,55%: 55,5555…% meets it, by 1/18000 of one.
    @Test func fiveOfNineMeetsFiftyFiveFiftyFive() throws {
        let facts = (1...9).map { F.fact("D\($0)", "pc_thcs", .level($0 <= 5 ? 3 : 2)) }
        let r = try F.run(F.pcTHCS3(target: "55,55"), facts, registry: F.registry(districts: 9))
        let p = try #require(r["P"])
        #expect(p.numerator == 5)
        #expect(p.denominator == 9)
        #expect(p.rate == Fraction(5, 9))
        #expect(p.met == true)
        #expect(p.status == .exceeded)
        // 5/9 − 5555/10000 = (50000 − 49995)/90000 = 1/18000
        #expect(p.gap == Fraction(1, 18000))
        #expect(p.children == ChildrenSummary(level: .district, count: 9, withRate: 9, met: 5, notReported: 0))
        // A district is one unit: 1/1 or 0/1.
        #expect(r["D1"]?.rate == Fraction(1, 1))
        #expect(r["D9"]?.met == false)
    }

    @Test func sixOfNineAgainstSixtySixAndSixtySixSixtySeven() throws {
        let facts = (1...9).map { F.fact("D\($0)", "pc_thcs", .level($0 <= 6 ? 3 : 1)) }
        let registry = F.registry(districts: 9)
        let at66 = try #require(try F.run(F.pcTHCS3(target: "66"), facts, registry: registry)["P"])
        #expect(at66.met == true)
        #expect(at66.gap == Fraction(2, 3).subtracting(Fraction(66, 100)))
        #expect(at66.gap! > Fraction(0, 1))
        let at6667 = try #require(try F.run(F.pcTHCS3(target: "66,67"), facts, registry: registry)["P"])
        #expect(at6667.met == false)
        #expect(at6667.status == .missed)
        // 2/3 − 6667/10000 = (20000 − 20001)/30000
        #expect(at6667.gap == Fraction(-1, 30000))
    }

    /// Two communes at 1/2 and 99/100: the district is 100/102 (98,04%), not the 74,5% an
    /// average of percentages would give.
    @Test func sumsNotAverages() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 1), F.count("D1C1", "gia_dinh_tong", 2),
                     F.count("D1C2", "gia_dinh_dat", 99), F.count("D1C2", "gia_dinh_tong", 100)]
        let r = try F.run(F.giaDinh(), facts, registry: F.registry(districts: 1, communesEach: 2))
        let d = try #require(r["D1"])
        #expect(d.numerator == 100 && d.denominator == 102)
        #expect(d.rate == Fraction(50, 51))
        #expect(d.rate != Fraction(745, 1000))
        #expect(r["P"]?.rate == Fraction(100, 102))
        #expect(d.unitsCounted == 2)
    }

    /// A zero is a value; a blank is not: the commune with a missing numerator is left out and
    /// counted as not reported, never summed as 0 of its households.
    @Test func missingIsNotZero() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 0), F.count("D1C1", "gia_dinh_tong", 10),
                     F.count("D1C2", "gia_dinh_tong", 30),  // gia_dinh_dat left blank
                     F.count("D1C3", "gia_dinh_dat", 5), F.count("D1C3", "gia_dinh_tong", 10)]
        let r = try F.run(F.giaDinh(), facts, registry: F.registry(districts: 1, communesEach: 4))
        let d = try #require(r["D1"])
        #expect(d.numerator == 5 && d.denominator == 20)
        #expect(d.unitsCounted == 2)
        #expect(d.unitsNotReported == 2)  // D1C2 blank, D1C4 sent nothing
        #expect(d.children == ChildrenSummary(level: .commune, count: 4, withRate: 2, met: 0, notReported: 2))
        #expect(r["D1C1"]?.rate == Fraction(0, 1))
        #expect(r["D1C1"]?.status == .missed)
        #expect(r["D1C2"]?.status == .notReported)
        #expect(r["D1C2"]?.numerator == nil)
        #expect(r["D1C4"]?.status == .notReported)
        #expect(r["P"]?.unitsNotReported == 2)
    }

    @Test func zeroDenominatorHasNoRate() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 0), F.count("D1C1", "gia_dinh_tong", 0)]
        let r = try F.run(F.giaDinh(), facts, registry: F.registry(districts: 1, communesEach: 1))
        #expect(r["D1C1"]?.status == .noRate)
        #expect(r["D1C1"]?.rate == nil)
        #expect(r["D1C1"]?.met == nil)
        #expect(r["D1C1"]?.denominator == 0)
    }

    /// Learning centres using IT among the communes that have one: C1 yes, C2 no, C3 has no
    /// centre (not counted), C4's "has a centre" is blank (not reported).
    @Test func shareAmongCondition() throws {
        let facts = [F.fact("D1C1", "tthtcd_co", .yesNo(true)), F.fact("D1C1", "tthtcd_cntt", .yesNo(true)),
                     F.fact("D1C2", "tthtcd_co", .yesNo(true)), F.fact("D1C2", "tthtcd_cntt", .yesNo(false)),
                     F.fact("D1C3", "tthtcd_co", .yesNo(false)), F.fact("D1C3", "tthtcd_cntt", .yesNo(false)),
                     F.fact("D1C4", "tthtcd_cntt", .yesNo(true))]
        let r = try F.run(F.tthtcdCNTT(), facts, registry: F.registry(districts: 1, communesEach: 4))
        let d = try #require(r["D1"])
        #expect(d.numerator == 1 && d.denominator == 2)
        #expect(d.unitsCounted == 2)
        #expect(d.unitsNotReported == 1)
        #expect(r["D1C3"]?.status == .noRate)
        #expect(r["D1C4"]?.status == .notReported)
    }

    /// Rates 1/2, 3/4, 2/4 and none: 3/4 first, the two halves share rank 2, nothing is 3rd.
    @Test func ranksWithTies() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 1), F.count("D1C1", "gia_dinh_tong", 2),
                     F.count("D2C1", "gia_dinh_dat", 3), F.count("D2C1", "gia_dinh_tong", 4),
                     F.count("D3C1", "gia_dinh_dat", 2), F.count("D3C1", "gia_dinh_tong", 4)]
        let r = try F.run(F.giaDinh(), facts, registry: F.registry(districts: 4, communesEach: 1))
        #expect(r["D2"]?.rank == 1)
        #expect(r["D1"]?.rank == 2)
        #expect(r["D3"]?.rank == 2)
        #expect(r["D4"]?.rank == nil)
        #expect(r["D1"]?.rankedSiblings == 3)
        #expect(r["P"]?.rank == nil)
        let order = SiblingRanking.order([("b", Fraction(1, 2)), ("a", Fraction(1, 2)), ("c", nil), ("d", Fraction(1, 1))])
        #expect(order.map(\.code) == ["d", "a", "b", "c"])
        #expect(order.map(\.rank) == [1, 2, 2, nil])
    }

    /// dvht sums commune rows (dvht_xa_*) and the district's own row (dvht_huyen_*).
    @Test func listOfFieldsSumsCommuneAndDistrictRows() throws {
        let facts = [F.count("D1C1", "dvht_xa_dat", 2), F.count("D1C1", "dvht_xa_tong", 4),
                     F.count("D1C2", "dvht_xa_dat", 1), F.count("D1C2", "dvht_xa_tong", 4),
                     F.count("D1", "dvht_huyen_dat", 7), F.count("D1", "dvht_huyen_tong", 10)]
        let r = try F.run(F.dvht(), facts, registry: F.registry(districts: 1, communesEach: 2))
        let d = try #require(r["D1"])
        #expect(d.numerator == 10 && d.denominator == 18)
        #expect(d.unitsCounted == 3)
        #expect(r["D1C1"]?.rate == Fraction(1, 2))
        // The district's own cells are traced; its files include the communes'.
        #expect(d.sources.cells.count == 2)
        #expect(d.sources.files == ["D1.xlsx"])
    }

    @Test func unitsBelowTheIndicatorLevelHaveNoResult() throws {
        let facts = [F.fact("D1", "pc_thcs", .level(3))]
        let r = try F.run(F.pcTHCS3(target: "66"), facts, registry: F.registry(districts: 2, communesEach: 2))
        #expect(r["D1C1"] == nil)
        #expect(r["D1"]?.met == true)
        #expect(r["D2"]?.status == .notReported)
        #expect(r["P"]?.children?.notReported == 1)
        #expect(r["P"]?.rate == Fraction(1, 1))
    }

    @Test func exactlyOnTargetIsMet() throws {
        let facts = [F.count("D1C1", "gia_dinh_dat", 3), F.count("D1C1", "gia_dinh_tong", 4)]
        let r = try F.run(F.giaDinh(target: "75"), facts, registry: F.registry(districts: 1, communesEach: 1))
        #expect(r["D1C1"]?.status == .met)
        #expect(r["D1C1"]?.gap == Fraction(0, 1))
        #expect(r["D1C1"]?.met == true)
    }

    @Test func unknownRootThrows() {
        #expect(throws: AggregationError.unknownRoot("X")) {
            try ReportHierarchy(registry: F.registry(districts: 1), rootCode: "X")
        }
    }
}
