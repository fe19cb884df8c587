@testable import Core
import Testing

@Suite struct FractionTests {
    @Test func fiveOfNineMeetsFiftyFiveFiftyFive() throws {
        let target = try #require(Fraction(percent: "55,55"))
        #expect(target == Fraction(5555, 10000))
        #expect(Fraction(5, 9) >= target)
        #expect(Fraction(4, 9) < target)
    }

    @Test func sixOfNineMeetsSixtySix() throws {
        #expect(Fraction(6, 9) >= Fraction(percent: "66")!)
        #expect(Fraction(6, 9) < Fraction(percent: "66,67")!)
    }

    @Test func parsesBothDecimalMarksAndRejectsJunk() {
        #expect(Fraction(percent: "55.55%") == Fraction(5555, 10000))
        #expect(Fraction(percent: "100") == Fraction(1, 1))
        #expect(Fraction(percent: "1.234,5") == nil)
        #expect(Fraction(percent: "abc") == nil)
        #expect(Fraction(percent: "") == nil)
        #expect(Fraction(percent: "55,") == nil)
    }
}
