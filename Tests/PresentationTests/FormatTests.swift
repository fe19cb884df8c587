import Core
import Foundation
@testable import Presentation
import Model
import Testing

@Suite("vi-VN formatting")
struct FormatTests {
    @Test("integers group thousands with a dot", arguments: [
        (Int64(0), "0"), (7, "7"), (999, "999"), (1_000, "1.000"), (1_234, "1.234"),
        (12_345, "12.345"), (123_456, "123.456"), (12_345_678, "12.345.678"), (-1_234, "-1.234"),
        (Int64.max, "9.223.372.036.854.775.807"),
    ])
    func integers(value: Int64, expected: String) {
        #expect(VietnameseNumber.integer(value) == expected)
    }

    @Test("what an indicator rests on: n/N, the missing names bounded, a unit's own cell")
    func basisPhrases() {
        let codes = (1...8).map { "C\($0)" }
        let partial = IndicatorBasis(level: .commune, counted: 10_590, expected: 10_598, missing: codes)
        let name = { (code: String) in "Xã \(code.dropFirst())" }
        #expect(BasisPhrase.count(partial) == "10.590/10.598 xã, phường, thị trấn")
        #expect(BasisPhrase.sentence(partial, name: name)
            == "Tính trên 10.590/10.598 xã, phường, thị trấn; thiếu số liệu: Xã 1, Xã 2, Xã 3, Xã 4, Xã 5 và 3 đơn vị khác.")
        #expect(BasisPhrase.missingNames(partial, name: name, shown: 8) == "Xã 1, Xã 2, Xã 3, Xã 4, Xã 5, Xã 6, Xã 7, Xã 8")
        #expect(BasisPhrase.missingNames(partial, name: name, shown: 0) == "8 đơn vị khác")
        let complete = IndicatorBasis(level: .district, counted: 9, expected: 9, missing: [])
        #expect(BasisPhrase.sentence(complete, name: name) == "Tính trên đủ 9/9 quận, huyện.")
        #expect(BasisPhrase.missingNames(complete, name: name).isEmpty)
        #expect(BasisPhrase.cell(partial, ownLevel: .province) == "10.590/10.598")
        // A district on a district share is its own basis: said in a word.
        #expect(BasisPhrase.cell(IndicatorBasis(level: .district, counted: 1, expected: 1, missing: []), ownLevel: .district) == "có")
        #expect(BasisPhrase.cell(IndicatorBasis(level: .district, counted: 0, expected: 1, missing: ["925"]), ownLevel: .district) == "thiếu")
        #expect(BasisPhrase.sentence(IndicatorBasis(level: .commune, counted: 0, expected: 0, missing: []), name: name)
            == "Không có xã, phường, thị trấn nào trong danh mục để tính.")
    }

    @Test("5/9 is 55,56% rounded half-up and 55,55% truncated")
    func fiveNinths() {
        #expect(PercentFormatter(rounding: .halfUp, decimals: 2).percent(Fraction(5, 9)) == "55,56%")
        #expect(PercentFormatter(rounding: .truncate, decimals: 2).percent(Fraction(5, 9)) == "55,55%")
        // 6/9 = 66,666...% : the published "66%" is truncation with no decimals.
        #expect(PercentFormatter(rounding: .truncate, decimals: 0).percent(Fraction(6, 9)) == "66%")
        #expect(PercentFormatter(rounding: .halfUp, decimals: 0).percent(Fraction(6, 9)) == "67%")
        #expect(PercentFormatter(rounding: .halfUp, decimals: 1).percent(Fraction(9_735, 11_160)) == "87,2%")
    }

    @Test("half-up rounds an exact half up; truncation never does")
    func exactHalves() {
        // 1/800 = 0,125% exactly: a binary double of 0.125 is exact too, but 0,145% is not.
        let half = PercentFormatter(rounding: .halfUp, decimals: 2)
        let trunc = PercentFormatter(rounding: .truncate, decimals: 2)
        #expect(half.percent(Fraction(1, 800)) == "0,13%")
        #expect(trunc.percent(Fraction(1, 800)) == "0,12%")
        // 0,145% = 29/20000; 0.145 as a Double is 0.14499999..., which a float-based formatter rounds down.
        #expect(half.percent(Fraction(29, 20_000)) == "0,15%")
        #expect(half.percent(Fraction(1, 1)) == "100,00%")
        #expect(half.percent(Fraction(0, 1)) == "0,00%")
        #expect(half.percent(Fraction(123_456, 10)) == "1.234.560,00%")
        #expect(half.percent(Fraction(99_999, 100_000)) == "100,00%")
        #expect(trunc.percent(Fraction(99_999, 100_000)) == "99,99%")
    }

    @Test("n/N (x,xx%) and a zero denominator")
    func countAndRate() {
        let f = PercentFormatter(rounding: .halfUp, decimals: 2)
        #expect(f.countAndRate(9_735, 11_160) == "9.735/11.160 (87,23%)")
        #expect(f.countAndRate(5, 9) == "5/9 (55,56%)")
        #expect(f.countAndRate(0, 0) == "0/0 (-)")
    }

    @Test("percentage points: sign, magnitude, and gaps below the last decimal")
    func points() {
        let f = PercentFormatter(rounding: .halfUp, decimals: 2)
        #expect(f.points(Fraction(235, 10_000)) == "+2,35 điểm %")
        #expect(f.points(Fraction(-444, 10_000)) == "-4,44 điểm %")
        #expect(f.points(Fraction(0, 1)) == "0,00 điểm %")
        // Rounded on the magnitude: -4,445 shows as -4,45, like +4,445 shows as +4,45.
        #expect(f.points(Fraction(-4_445, 100_000)) == "-4,45 điểm %")
        #expect(f.points(Fraction(4_445, 100_000)) == "+4,45 điểm %")
        #expect(GapPhrase.short(Fraction(235, 10_000), f) == "vượt 2,35 điểm %")
        #expect(GapPhrase.short(Fraction(-444, 10_000), f) == "thiếu 4,44 điểm %")
        #expect(GapPhrase.short(Fraction(0, 1), f) == "đạt đúng chỉ tiêu")
        #expect(GapPhrase.sentence(Fraction(-444, 10_000), f) == "thấp hơn chỉ tiêu 4,44 điểm phần trăm")
        #expect(GapPhrase.sentence(Fraction(1, 10), f) == "vượt chỉ tiêu 10,00 điểm phần trăm")
        // 5/9 against 55,55%: the gap is 1/18000 of one, 0,00555... points.
        let gap = Fraction(5 * 10_000 - 5_555 * 9, 9 * 10_000)
        #expect(gap == Fraction(1, 18_000))
        #expect(GapPhrase.short(gap, f) == "vượt 0,01 điểm %")
        #expect(GapPhrase.short(gap, PercentFormatter(rounding: .truncate, decimals: 2)) == "vượt dưới 0,01 điểm %")
        let hair = Fraction(-1, 1_000_000)
        #expect(GapPhrase.short(hair, PercentFormatter(rounding: .truncate, decimals: 1)) == "thiếu dưới 0,1 điểm %")
    }

    @Test("sort keys are dot decimals with 4 places")
    func sortKeys() {
        #expect(PercentFormatter.sortKey(Fraction(5, 9)) == "55.5556")
        #expect(PercentFormatter.sortKey(Fraction(1, 1)) == "100.0000")
        #expect(PercentFormatter.sortKey(Fraction(-1, 3)) == "-33.3333")
    }

    @Test("dates in running text and in the ND30 place and date line")
    func dates() throws {
        let d = try #require(CalendarDate(iso: "2026-11-22"))
        #expect(VietnameseDate.long(d) == "ngày 22 tháng 11 năm 2026")
        #expect(VietnameseDate.official(d) == "ngày 22 tháng 11 năm 2026")
        let jan5 = try #require(CalendarDate(iso: "2025-01-05"))
        #expect(VietnameseDate.placeAndDate("Cần Thơ", jan5) == "Cần Thơ, ngày 05 tháng 01 năm 2025")
        #expect(VietnameseDate.long(jan5) == "ngày 5 tháng 1 năm 2025")
        // Leading zeros for months 1 and 2 only.
        #expect(VietnameseDate.official(try #require(CalendarDate(iso: "2025-02-28"))) == "ngày 28 tháng 02 năm 2025")
        #expect(VietnameseDate.official(try #require(CalendarDate(iso: "2025-03-09"))) == "ngày 09 tháng 3 năm 2025")
        #expect(VietnameseDate.official(try #require(CalendarDate(iso: "2025-12-10"))) == "ngày 10 tháng 12 năm 2025")
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-04-31") == nil)
        #expect(CalendarDate(iso: "25-1-5") == nil)
        #expect(jan5.iso == "2025-01-05")
    }

    @Test("document number: leading zero below 10, blank when not yet numbered")
    func documentNumber() {
        #expect(VietnameseDate.documentNumber(5, abbreviation: "SGDĐT") == "Số: 05/BC-SGDĐT")
        #expect(VietnameseDate.documentNumber(123, abbreviation: "SGDĐT") == "Số: 123/BC-SGDĐT")
        let blank = VietnameseDate.documentNumber(nil, abbreviation: "SGDĐT")
        #expect(blank.hasPrefix("Số: "))
        #expect(blank.hasSuffix("/BC-SGDĐT"))
        #expect(!blank.contains { $0.isNumber })
    }
}

@Suite("One rounding")
struct OneRoundingTests {
    @Test("the page and indicators.csv round every fraction the same way")
    func pageAndCSVRoundAlike() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let d = Int64.random(in: 1...200_000, using: &generator)
            let n = Int64.random(in: -d...(2 * d), using: &generator)
            for rounding in [Display.Rounding.halfUp, .truncate] {
                for decimals in 0...4 {
                    let page = PercentFormatter(rounding: rounding, decimals: decimals).number(Fraction(n, d))
                    let csv = PercentFormatter.plain(Fraction(n, d), decimals: decimals, rounding: rounding)  // what indicators.csv calls
                    #expect(page.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".") == csv, "\(n)/\(d)")
                }
            }
        }
    }
}
