/// A date, a time of day or an elapsed time, as Excel shows a number under a date format.
///
/// Excel stores dates as serial day numbers; the number format decides whether one is shown
/// as a date. The calendar fields are those Excel displays, including its 1900 leap-year bug:
/// serial 60 is shown as 29 February 1900, a day that never existed (kept as Excel shows it).
///
///     ExcelDateTime(serial: 45000.5, date1904: false)!.iso   // "2023-03-15T12:00:00"
///     ExcelDateTime(serial: 0.25, date1904: false)!.iso      // "T06:00:00" (time of day)
///     ExcelDateTime(elapsedDays: 1.5).iso                    // "PT129600S" ([h]:mm formats)
public struct ExcelDateTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int
    /// A time of day without a date (a serial below 1).
    public var isTimeOnly: Bool
    /// For elapsed-time formats (`[h]:mm`, built-in 46): the duration in milliseconds
    /// (may be negative); the calendar fields are then zero.
    public var elapsedMilliseconds: Int64?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                millisecond: Int = 0, isTimeOnly: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
        self.isTimeOnly = isTimeOnly
        self.elapsedMilliseconds = nil
    }

    /// An elapsed time of `elapsedDays` days (Excel's serial, shown with `[h]:mm:ss`).
    public init(elapsedDays: Double) {
        self.init(year: 0, month: 0, day: 0)
        let ms = (elapsedDays * 86_400_000).rounded()
        elapsedMilliseconds = ms.isFinite && abs(ms) < 9e18 ? Int64(ms) : 0
    }

    /// The date Excel shows for `serial` in the workbook's date system, rounded to the
    /// millisecond; nil where Excel shows "#####" (negative or beyond 9999-12-31) or the
    /// value is not finite. A serial in [0, 1) is a time of day.
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = serial.rounded(.down)
        var ms = ((serial - days) * 86_400_000).rounded()
        if ms >= 86_400_000 {
            days += 1
            ms -= 86_400_000
        }
        let msOfDay = Int(ms)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let millisecond = msOfDay % 1000
        if days == 0 && serial < 1 {
            self.init(year: 0, month: 0, day: 0, hour: hour, minute: minute, second: second,
                      millisecond: millisecond, isTimeOnly: true)
            return
        }
        let d = Int(days)
        let civil: (year: Int, month: Int, day: Int)
        if date1904 {
            civil = ExcelDateTime.civil(fromDaysSince1970: d - 24_107)      // 1904-01-01
        } else if d == 60 {
            civil = (1900, 2, 29)                                            // Excel's phantom day
        } else if d < 60 {
            civil = ExcelDateTime.civil(fromDaysSince1970: d - 25_568)      // 1899-12-31 + d
        } else {
            civil = ExcelDateTime.civil(fromDaysSince1970: d - 25_569)      // 1899-12-30 + d
        }
        self.init(year: civil.year, month: civil.month, day: civil.day, hour: hour, minute: minute,
                  second: second, millisecond: millisecond)
    }

    /// Parses the ISO 8601 text of a `t="d"` cell ("2014-02-14", "2014-02-14T08:27:48.765Z",
    /// "08:27:48"), rounded to the millisecond like a serial date: Excel stores the cell as a
    /// serial, so "2014-01-16T15:59:59.99999979" is shown as 16:00:00 and read as
    /// "2014-01-16T16:00:00" (the carry goes into the minute, hour, day, month and year; a
    /// time of day that rounds up to 24:00 wraps to "T00:00:00", as a time format shows it).
    /// Fractional seconds may have any number of digits. A zone designator ("Z", "+07:00",
    /// "-0500", "+07") is dropped: Excel has no time zones and shows the local time written.
    public init?(iso text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.hasSuffix("Z") || s.hasSuffix("z") { s = s.dropLast() }  // "2014-02-14Z" too
        var datePart: Substring = ""
        var timePart: Substring = ""
        if let t = s.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
            datePart = s[..<t]
            timePart = s[s.index(after: t)...]
        } else if s.contains(":") {
            timePart = s
        } else {
            datePart = s
        }
        var result = ExcelDateTime(year: 0, month: 0, day: 0)
        if datePart.isEmpty {
            result.isTimeOnly = true
        } else {
            let f = datePart.split(separator: "-", omittingEmptySubsequences: false)
            guard f.count == 3, let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]),
                  (1...12).contains(m), (1...ExcelDateTime.daysIn(month: m, year: y)).contains(d)
                    || (y, m, d) == (1900, 2, 29) else { return nil }  // Excel's phantom day is a date there
            result.year = y
            result.month = m
            result.day = d
        }
        timePart = ExcelDateTime.droppingZone(timePart)
        guard !timePart.isEmpty else {
            // "2014-02-14" (a date alone) or "2014-02-14T" (nothing after the T).
            if result.isTimeOnly { return nil }
            self = result
            return
        }
        let f = timePart.split(separator: ":", omittingEmptySubsequences: false)
        guard f.count >= 2, f.count <= 3, f[0].count <= 2, f[1].count == 2, let h = Int(f[0]), let mi = Int(f[1]),
              (0...23).contains(h), (0...59).contains(mi) else { return nil }
        var ms = (h * 3600 + mi * 60) * 1000
        if f.count == 3 {
            // Digits and one point only: Double() would also take "nan", "1e1" or "0x1p3".
            let sec = f[2]
            guard !sec.isEmpty, sec.first != ".", sec.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  sec.filter({ $0 == "." }).count <= 1, let seconds = Double(sec), seconds < 61 else { return nil }
            ms += Int((seconds * 1000).rounded())
        }
        if ms >= 86_400_000 {
            ms -= 86_400_000
            if !result.isTimeOnly {
                let next = ExcelDateTime.civil(fromDaysSince1970: ExcelDateTime.daysSince1970(
                    year: result.year, month: result.month, day: result.day) + 1)
                result.year = next.year
                result.month = next.month
                result.day = next.day
            }
        }
        result.hour = ms / 3_600_000
        result.minute = ms / 60_000 % 60
        result.second = ms / 1000 % 60
        result.millisecond = ms % 1000
        self = result
    }

    /// `time` without its zone designator: "08:00:00Z", "08:00:00+07:00", "08:00:00-0500",
    /// "08:00+07" -> "08:00:00" / "08:00". The sign can only start a zone after the minutes.
    static func droppingZone(_ time: Substring) -> Substring {
        var t = time
        if t.hasSuffix("Z") || t.hasSuffix("z") { t = t.dropLast() }
        if let sign = t.lastIndex(where: { $0 == "+" || $0 == "-" }), t.distance(from: t.startIndex, to: sign) >= 4 {
            t = t[..<sign]
        }
        return t
    }

    /// The days of `month` (1-12) in `year`, proleptic Gregorian.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A proleptic Gregorian date to days since 1970-01-01 (Howard Hinnant's algorithm; the
    /// inverse of `civil(fromDaysSince1970:)`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func civil(fromDaysSince1970 z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// ISO text in the corpus format: "YYYY-MM-DDTHH:MM:SS[.fff]", "THH:MM:SS[.fff]" for a
    /// time of day, "PT<seconds>S" for an elapsed time.
    public var iso: String {
        var out: [UInt8] = []
        appendISO(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { iso }

    /// Appends `iso` to a byte buffer (JSON writers).
    public func appendISO(to out: inout [UInt8]) {
        func two(_ v: Int) {
            out.append(UInt8(48 + (v / 10) % 10))
            out.append(UInt8(48 + v % 10))
        }
        if let elapsed = elapsedMilliseconds {
            out.append(contentsOf: "PT".utf8)
            if elapsed < 0 { out.append(UInt8(ascii: "-")) }
            let magnitude = elapsed.magnitude
            appendDecimal(Int(magnitude / 1000), to: &out)
            var fraction = Int(magnitude % 1000)
            if fraction != 0 {
                out.append(UInt8(ascii: "."))
                var digits = 3
                while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                while divisor > 0 { out.append(UInt8(48 + fraction / divisor % 10)); divisor /= 10 }
            }
            out.append(UInt8(ascii: "S"))
            return
        }
        if !isTimeOnly {
            if year < 0 { out.append(UInt8(ascii: "-")) }
            let y = abs(year)
            two(y / 100)
            two(y % 100)
            out.append(UInt8(ascii: "-"))
            two(month)
            out.append(UInt8(ascii: "-"))
            two(day)
        }
        out.append(UInt8(ascii: "T"))
        two(hour)
        out.append(UInt8(ascii: ":"))
        two(minute)
        out.append(UInt8(ascii: ":"))
        two(second)
        if millisecond != 0 {
            out.append(UInt8(ascii: "."))
            out.append(UInt8(48 + millisecond / 100))
            two(millisecond % 100)
        }
    }
}

import Foundation
