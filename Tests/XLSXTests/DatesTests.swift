import Testing
@testable import XLSX

@Suite("Excel dates and number formats")
struct DatesTests {
    static let serials1900: [(Double, String)] = [
        (1.0, "1900-01-01T00:00:00"), (59.0, "1900-02-28T00:00:00"), (60.0, "1900-02-29T00:00:00"),
        (61.0, "1900-03-01T00:00:00"), (45000.5, "2023-03-15T12:00:00"), (2_958_465.0, "9999-12-31T00:00:00"),
        (44197.42372685185, "2021-01-01T10:10:10"),
    ]

    @Test("1900 system, including Excel's phantom 29 February 1900", arguments: serials1900)
    func system1900(serial: Double, iso: String) throws {
        #expect(try #require(ExcelDateTime(serial: serial, date1904: false)).iso == iso)
    }

    static let serials1904: [(Double, String)] = [(0.0, "T00:00:00"), (1.0, "1904-01-02T00:00:00"), (42735.0, "2021-01-01T00:00:00")]

    @Test("1904 system", arguments: serials1904)
    func system1904(serial: Double, iso: String) throws {
        #expect(try #require(ExcelDateTime(serial: serial, date1904: true)).iso == iso)
    }

    @Test func timeOfDayAndMilliseconds() throws {
        let t = try #require(ExcelDateTime(serial: 0.5 + 0.123 / 86400, date1904: false))
        #expect(t.isTimeOnly)
        #expect(t.iso == "T12:00:00.123")
        // 23:59:59.9999 rounds up to the next day, never to 24:00:00; 23:59:59.999 stays.
        #expect(try #require(ExcelDateTime(serial: 44197.999999999, date1904: false)).iso == "2021-01-02T00:00:00")
        #expect(try #require(ExcelDateTime(serial: 44197.99999999, date1904: false)).iso == "2021-01-01T23:59:59.999")
    }

    @Test("Excel shows ##### for these: no date", arguments: [-1.0, 2_958_466.0, Double.nan, Double.infinity])
    func notADate(serial: Double) {
        #expect(ExcelDateTime(serial: serial, date1904: false) == nil)
    }

    @Test func elapsedTime() {
        #expect(ExcelDateTime(elapsedDays: 1.5).iso == "PT129600S")
        #expect(ExcelDateTime(elapsedDays: -1.2).iso == "PT-103680S")
        #expect(ExcelDateTime(elapsedDays: 36610.1 / 86400).iso == "PT36610.1S")
    }

    @Test func isoCellText() throws {
        #expect(try #require(ExcelDateTime(iso: "2014-02-14T08:27:48.765Z")).iso == "2014-02-14T08:27:48.765")
        #expect(try #require(ExcelDateTime(iso: "2014-02-14")).iso == "2014-02-14T00:00:00")
        #expect(try #require(ExcelDateTime(iso: "08:27:48")).iso == "T08:27:48")
        #expect(ExcelDateTime(iso: "14/02/2014") == nil)
    }

    /// `t="d"` text is rounded to the millisecond like a serial, with the carry going up to the
    /// year (a real file held 54,976 cells like "2014-01-16T15:59:59.99999979", which Excel
    /// shows as 16:00); any number of fractional digits; zones dropped; date-only, time-only.
    static let isoTexts: [(String, String?)] = [
        ("2014-01-16T15:59:59.99999979", "2014-01-16T16:00:00"),
        ("2014-01-16T15:59:59.9994", "2014-01-16T15:59:59.999"),
        ("2014-01-16T15:59:59.9995", "2014-01-16T16:00:00"),
        ("2014-01-16T15:59:59.1", "2014-01-16T15:59:59.100"),
        ("2014-01-16T15:59:59.123456789012345678901234567890", "2014-01-16T15:59:59.123"),
        ("2014-12-31T23:59:59.9999", "2015-01-01T00:00:00"),
        ("2016-02-28T23:59:59.9999", "2016-02-29T00:00:00"),
        ("2015-02-28T23:59:59.9999", "2015-03-01T00:00:00"),
        ("2014-01-16T15:59:59.99999979Z", "2014-01-16T16:00:00"),
        ("2014-01-16T15:59:59+07:00", "2014-01-16T15:59:59"),
        ("2014-01-16T15:59:59.5-05:00", "2014-01-16T15:59:59.500"),
        ("2014-01-16T15:59:59-0500", "2014-01-16T15:59:59"),
        ("2014-01-16T15:59+07", "2014-01-16T15:59:00"),
        ("2014-01-16", "2014-01-16T00:00:00"),
        ("2014-01-16Z", "2014-01-16T00:00:00"),
        ("1900-02-29", "1900-02-29T00:00:00"),
        ("23:59:59.99999", "T00:00:00"),
        ("08:27:48.765+07:00", "T08:27:48.765"),
        ("2014-02-30", nil), ("2014-01-16T24:00:00", nil), ("2014-01-16T15:59:nan", nil),
        ("2014-01-16T15:59:1e1", nil), ("T", nil), ("", nil),
    ]

    @Test("ISO text of t=\"d\" cells", arguments: isoTexts)
    func isoRounding(text: String, iso: String?) {
        #expect(ExcelDateTime(iso: text)?.iso == iso)
    }

    @Test func daysSince1970RoundTrips() {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let c = ExcelDateTime.civil(fromDaysSince1970: days)
            #expect(ExcelDateTime.daysSince1970(year: c.year, month: c.month, day: c.day) == days)
        }
    }

    static let builtIns: [(Int, NumberFormat.Kind)] = [
        (14, .date), (22, .date), (27, .date), (36, .date), (45, .date), (46, .elapsed), (47, .date), (50, .date),
        (58, .date), (0, .number), (2, .number), (9, .number), (23, .number), (49, .number), (59, .number),
    ]

    @Test("Built-in format ids", arguments: builtIns)
    func builtIn(id: Int, kind: NumberFormat.Kind) {
        #expect(NumberFormat.kind(builtIn: id) == kind)
    }

    static let codes: [(String, NumberFormat.Kind)] = [
        ("dd/mm/yyyy", .date), ("[$-42A]dd/mm/yyyy", .date), ("[Red]d-mmm", .date),
        ("h:mm AM/PM", .date), ("h:mm A/P", .date), ("\"ngày \"dd\" tháng \"mm", .date), ("yyyy;@", .date),
        ("[h]:mm:ss", .elapsed), ("[mm]:ss", .elapsed), ("[ss].000", .elapsed), ("[Blue][h]:mm", .elapsed),
        ("General", .number), ("0.00E+00", .number), ("#,##0\" đ\"", .number), ("\"Tổng: \"#,##0", .number),
        ("0.00_m", .number), ("#,##0\\ \"ha\"", .number), ("0;[Red]-0;\"dd\"", .number), ("#,##0*d", .number),
        ("[>=100][Magenta]General", .number), ("@", .number), ("0%", .number),
    ]

    @Test("Custom format codes", arguments: codes)
    func custom(code: String, kind: NumberFormat.Kind) {
        #expect(NumberFormat.kind(code: code) == kind)
    }

    @Test func datesThroughStylesIn1900And1904Workbooks() throws {
        var book = TestWorkbook()
        book.styles = TestWorkbook.styles(formats: [(164, "dd/mm/yyyy hh:mm"), (165, "[h]:mm"), (166, "0.00")], cellXfs: [0, 14, 164, 165, 166, 18])
        book.sheets = [("S", TestWorkbook.sheet(#"<row r="1"><c r="A1" s="1"><v>60</v></c><c r="B1" s="2"><v>45000.25</v></c><c r="C1" s="3"><v>1.5</v></c><c r="D1" s="4"><v>45000</v></c><c r="E1" s="5"><v>0.75</v></c><c r="F1" s="1"><v>-5</v></c></row>"#))]
        let cells = try readAll(book.open())["S"]!
        #expect(cells["A1"]?.value == .date(ExcelDateTime(year: 1900, month: 2, day: 29)))
        #expect(cells["B1"]?.value == .date(ExcelDateTime(year: 2023, month: 3, day: 15, hour: 6)))
        #expect(cells["C1"]?.value == .date(ExcelDateTime(elapsedDays: 1.5)))
        #expect(cells["D1"]?.value == .number(45000))
        #expect(cells["E1"]?.value == .date(ExcelDateTime(year: 0, month: 0, day: 0, hour: 18, isTimeOnly: true)))
        #expect(cells["F1"]?.value == .number(-5))  // a negative date: Excel shows #####, the number is kept

        book.workbookProperties = #"<workbookPr date1904="1"/>"#
        let mac = try readAll(book.open())["S"]!
        #expect(mac["A1"]?.value == .date(ExcelDateTime(year: 1904, month: 3, day: 1)))
    }
}
