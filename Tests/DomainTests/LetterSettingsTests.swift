import Aggregate
@testable import Config
import Model
import Testing

/// pipeline.yml `letters`: when a unit is asked to send its workbook again. Seven days after the
/// document date unless the file says otherwise; a wrong value is a Vietnamese error at its line.
@Suite struct LetterSettingsTests {
    func load(_ tail: String) throws -> PipelineConfig {
        try PipelineConfigLoader.parse(yaml: ConfigErrorTests.valid + "\n" + tail, file: "pipeline.yml", baseDirectory: "/srv/xhht")
    }

    func diagnostics(_ tail: String) -> [ConfigDiagnostic] {
        ConfigErrorTests().diagnostics(ConfigErrorTests.valid + "\n" + tail)
    }

    @Test func withoutTheKeyADocumentDatePlusSevenDays() throws {
        #expect(try load("").resend == .withinDays(7))
        #expect(try load("letters:\n").resend == .withinDays(7))
        #expect(LetterBuilder.resendDate(try load("").resend, documentDate: "2024-12-05") == "2024-12-12")
    }

    @Test func aNumberOfDaysOrADateAsWritten() throws {
        #expect(try load("letters:\n  resendWithinDays: 10\n").resend == .withinDays(10))
        #expect(try load("letters:\n  resendBy: 2024-12-20\n").resend == .on("2024-12-20"))
        // Across a month and a year; a date is itself whatever the document date.
        #expect(LetterBuilder.resendDate(.withinDays(10), documentDate: "2024-12-28") == "2025-01-07")
        #expect(LetterBuilder.resendDate(.withinDays(1), documentDate: "2024-02-28") == "2024-02-29")
        #expect(LetterBuilder.resendDate(.on("2024-12-20"), documentDate: "2025-03-01") == "2024-12-20")
        // No document date: nothing to count from (the letters leave the day blank).
        #expect(LetterBuilder.resendDate(.withinDays(7), documentDate: "") == "")
    }

    @Test(arguments: [
        ("letters:\n  resendWithinDays: 0\n", "letters.resendWithinDays", "từ 1 đến 90"),
        ("letters:\n  resendWithinDays: bảy\n", "letters.resendWithinDays", "số nguyên"),
        ("letters:\n  resendBy: 2024-02-30\n", "letters.resendBy", "không phải một ngày có thật"),
        ("letters:\n  resendBy: 12/12/2024\n", "letters.resendBy", "ví dụ 2024-12-12"),
        ("letters:\n  resendWithinDays: 7\n  resendBy: 2024-12-12\n", "letters.resendBy", "chỉ ghi một trong hai"),
        ("letters:\n  resendWithin: 7\n", "letters.resendWithin", "resendWithinDays"),
    ])
    func aWrongValueIsAVietnameseErrorAtItsLine(tail: String, path: String, words: String) {
        let found = diagnostics(tail)
        #expect(found.map(\.path) == [path], "\(found)")
        #expect(found.first?.message.contains(words) == true, "\(found.first?.message ?? "")")
        #expect((found.first?.line ?? 0) > 38, "the line of the mistake, after the valid file's 37")
    }

    @Test func lettersIsAnOutputKind() throws {
        #expect(try load("outputs: [html, letters]\n").outputs == ["html", "letters"])
    }
}
