@testable import Core
@testable import Intake
import Testing

@Suite struct ValueParserTests {
    func count(_ cell: RawCell) -> ParsedValue { ValueParser.parse(cell, as: .count) }
    func rule(_ p: ParsedValue) -> RuleID? {
        if case .rejected(let r, _) = p { return r }
        return nil
    }

    @Test(arguments: [
        ("1.234", 1234), ("1,234", 1234), (" 12 ", 12), ("1 234", 1234), ("1\u{00A0}234", 1234),
        ("12.345.678", 12_345_678), ("1,234,567", 1_234_567), ("1.234,00", 1234), ("1,234.0", 1234),
        ("12,0", 12), ("0", 0), ("-7", -7), ("007", 7),
    ] as [(String, Int64)])
    func countsFromText(_ text: String, _ expected: Int64) {
        #expect(count(.init(.text(text))) == .value(.count(expected)))
    }

    @Test func countsFromNumbersAndFormulas() {
        #expect(count(1234) == .value(.count(1234)))
        #expect(count(.formula(cached: 56)) == .value(.count(56)))
        #expect(count(.formula(cached: "1.234")) == .value(.count(1234)))
        #expect(count(-3) == .value(.count(-3)))  // validate rejects it, with the value
    }

    @Test(arguments: ["1,5", "1.5", "0,123", "1.234,5", "1234,567"])
    func decimalTextIsAFractionalCount(_ text: String) {
        #expect(rule(count(.init(.text(text)))) == .fractionalCount)
    }

    @Test func fractionalNumberIsRejectedNotRounded() {
        guard case .rejected(.fractionalCount, let reason) = count(12.5) else { Issue.record("not rejected"); return }
        #expect(reason.contains("12.5"))
    }

    @Test func percentagesAreRejectedInCounts() {
        guard case .rejected(.percentInCount, let reason) = count("55,55%") else { Issue.record("not rejected"); return }
        #expect(reason.contains("55,55%"))
    }

    @Test(arguments: ["12 hộ", "1.2.3", "12 34", "abc", "1..2"])
    func wordsAreNotNumbers(_ text: String) {
        #expect(rule(count(.init(.text(text)))) == .notANumber)
    }

    @Test(arguments: ["", "   ", "-", "–", "—", "x", "X"])
    func missingMarkersAreMissingNotZero(_ text: String) {
        #expect(count(.init(.text(text))) == .missing)
        #expect(ValueParser.parse(.init(.text(text)), as: .level) == .missing)
    }

    @Test func blankCellIsMissing() {
        #expect(count(nil) == .missing)
    }

    @Test func formulaWithoutCachedValueIsAnIssueNotZero() {
        for type in FieldType.allCases {
            #expect(rule(ValueParser.parse(.formula(cached: nil), as: type)) == .formulaWithoutValue)
        }
    }

    @Test func errorCellsAreIssues() {
        guard case .rejected(.cellError, let reason) = count(.init(.error("#DIV/0!"))) else { Issue.record("not rejected"); return }
        #expect(reason.contains("#DIV/0!"))
        #expect(rule(ValueParser.parse(.formula(cached: .error("#REF!")), as: .level)) == .cellError)
    }

    @Test func datesAndBooleansAreNotCounts() {
        #expect(rule(count(.init(.date("2024-11-30")))) == .notANumber)
        #expect(rule(count(true)) == .notANumber)
    }

    @Test(arguments: [
        ("Mức độ 2", 2), ("Mức 2", 2), ("MĐ2", 2), ("mđ 3", 3), ("II", 2), ("iii", 3), ("Mức độ II", 2), ("2", 2),
        ("Tốt", 2), ("Khá", 1), ("Chưa đạt", 0), ("Chưa", 0), ("0", 0), ("Đạt chuẩn mức độ 3", 3),
        ("Mu\u{0323}\u{0301}c đô\u{0323}\u{0302} 1", 1),  // NFD
    ] as [(String, Int)])
    func levels(_ text: String, _ expected: Int) {
        #expect(ValueParser.parse(.init(.text(text)), as: .level) == .value(.level(expected)))
    }

    @Test func levelNumbersAndRejections() {
        #expect(ValueParser.parse(3, as: .level) == .value(.level(3)))
        #expect(ValueParser.parse(5, as: .level) == .value(.level(5)))  // validate checks the range
        #expect(rule(ValueParser.parse(1.5, as: .level)) == .levelNotRecognised)
        #expect(rule(ValueParser.parse("Đạt", as: .level)) == .levelNotRecognised)  // which level?
        #expect(rule(ValueParser.parse("Mức 2 và 3", as: .level)) == .levelNotRecognised)
    }

    @Test(arguments: [
        ("Có", true), ("có", true), ("CÓ", true), ("Đạt", true), ("x", true), ("X", true), ("1", true),
        ("Không", false), ("Chưa đạt", false), ("Chưa", false), ("0", false), ("FALSE", false), ("true", true),
    ] as [(String, Bool)])
    func yesNoText(_ text: String, _ expected: Bool) {
        #expect(ValueParser.parse(.init(.text(text)), as: .yesNo) == .value(.yesNo(expected)))
    }

    @Test func yesNoOtherForms() {
        #expect(ValueParser.parse(1, as: .yesNo) == .value(.yesNo(true)))
        #expect(ValueParser.parse(0, as: .yesNo) == .value(.yesNo(false)))
        #expect(ValueParser.parse(true, as: .yesNo) == .value(.yesNo(true)))
        #expect(ValueParser.parse(false, as: .yesNo) == .value(.yesNo(false)))
        #expect(ValueParser.parse("-", as: .yesNo) == .missing)
        #expect(ValueParser.parse(nil, as: .yesNo) == .missing)
        #expect(rule(ValueParser.parse(2, as: .yesNo)) == .yesNoNotRecognised)
        #expect(rule(ValueParser.parse("Có lẽ", as: .yesNo)) == .yesNoNotRecognised)
    }

    @Test func textFields() {
        #expect(ValueParser.parse("  Ghi chú ", as: .text) == .value(.text("Ghi chú")))
        #expect(ValueParser.parse(31117, as: .text) == .value(.text("31117")))
    }

    @Test func numberTextDecisions() {
        #expect(NumberText.parse("1.234") == .integer(1234))
        #expect(NumberText.parse("1,5") == .decimal("1,5"))
        #expect(NumberText.parse("0.123") == .decimal("0.123"))
        #expect(NumberText.parse("+12") == .integer(12))
        #expect(NumberText.parse("1.234.5") == .invalid)
        #expect(NumberText.parse("") == .invalid)
    }

    /// The byte-level fast path for counts must read every string it accepts exactly as the
    /// general reader does: checked on every string of up to 7 characters over digits and both
    /// separators, and it must accept the common spellings (or it would never be taken).
    @Test func plainIntegerFastPathAgreesWithTheGeneralReader() {
        let alphabet: [Character] = ["0", "1", "9", ".", ","]
        var accepted = 0
        func visit(_ s: String) {
            if let n = NumberText.plainInteger(s) {
                accepted += 1
                #expect(NumberText.parse(s) == .integer(n), "\(s)")
            }
            guard s.count < 7 else { return }
            for ch in alphabet { visit(s + String(ch)) }
        }
        visit("")
        #expect(accepted > 1000)
        for (text, n) in [("3.003", 3003), ("12", 12), ("1,234,567", 1_234_567), ("999.999.999.999.999.999", 999_999_999_999_999_999)] as [(String, Int64)] {
            #expect(NumberText.plainInteger(text) == n)
        }
        for text in ["0.123", "1.5", "1,234.5", " 12", "1.2345", "-7", "1234567890123456789", ".123", "1.", "1.23,456"] {
            #expect(NumberText.plainInteger(text) == nil, "\(text)")
        }
    }

    @Test func ordinalsFastAndSlowPaths() {
        #expect(RowLabel.ordinal("12")! == (12, false))
        #expect(RowLabel.ordinal(" 12 ")! == (12, false))
        #expect(RowLabel.ordinal("3.")! == (3, false))
        #expect(RowLabel.ordinal("IV")! == (4, true))
        #expect(RowLabel.ordinal("123456789") == nil)
        #expect(RowLabel.ordinal("1a") == nil)
    }

    @Test func trimmingKeepsTextWithNoOuterSpaceAndTrimsTheRest() {
        #expect("Xã Tân Lộc".trimmingCharactersInSetWhitespace() == "Xã Tân Lộc")
        #expect(" Cái Khế\u{00A0}".trimmingCharactersInSetWhitespace() == "Cái Khế")
        #expect("\tĐơn vị\n".trimmingCharactersInSetWhitespace() == "Đơn vị")
        #expect("  ".trimmingCharactersInSetWhitespace() == "")
    }
}
