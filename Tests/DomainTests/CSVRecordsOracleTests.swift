import Foundation
import Testing
@testable import Units

/// `CSVRecords.parse` against the scalar-by-scalar reader it replaced (`ReferenceCSVRecords`,
/// below, kept verbatim): same records, same lines, same error, on the shared lists and on
/// random text made of the characters that matter to CSV.
@Suite struct CSVRecordsOracleTests {
    /// The records or the unterminated quote's line, from both readers.
    static func both(_ text: String) -> (new: String, reference: String) {
        let new: String, reference: String
        do { new = String(describing: try CSVRecords.parse(text).map { [String($0.line)] + $0.fields }) } catch { new = "error \(error.line)" }
        do { reference = String(describing: try ReferenceCSVRecords.parse(text).map { [String($0.line)] + $0.fields }) } catch {
            reference = "error \(error.line)"
        }
        return (new, reference)
    }

    @Test(.enabled(if: SharedData.root != nil, Comment(rawValue: SharedData.skipMessage))) func sharedLists() throws {
        let folder = try #require(SharedData.root).appendingPathComponent("domain/units")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let (new, reference) = CSVRecordsOracleTests.both(text)
            #expect(new == reference, "\(file)")
            // Each list parses (no unterminated quote) into one record per line of data at least.
            #expect(!new.hasPrefix("error"), "\(file)")
            #expect(try CSVRecords.parse(text).count >= text.split(whereSeparator: \.isNewline).count - 1, "\(file)")
        }
    }

    @Test func edgeCases() {
        for text in ["", "\u{FEFF}a,b\r\nc", "\u{FEFF}", "a,\"b\"\"c\",d\n", "\"a\"x,y", "\"open\nline\n", "a\r\rb\n\n\"\"",
                     "x,\"y\r\nz\"\r\n", "\"\"\"\"", "a,b,", ",\n,", "Phường \"Cái\" Khế,\"Cần, Thơ\"", "\"a\"\"", "\r", "\n\r\n"] {
            let (new, reference) = CSVRecordsOracleTests.both(text)
            #expect(new == reference, "\(text.debugDescription)")
        }
    }

    @Test func randomText() {
        let alphabet = ["a", "b", ",", "\"", "\r", "\n", "\r\n", " ", "ế", "\u{FEFF}", "Đ\u{0301}", "北"]
        var state: UInt64 = 0xC5F
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var differing: [String] = []
        for _ in 0..<3_000 {
            let text = (0..<(next() % 30)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let (new, reference) = CSVRecordsOracleTests.both(text)
            if new != reference { differing.append(text.debugDescription) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}

/// A small RFC 4180 reader for the registry and alias CSV files: comma-separated, fields in
/// double quotes may hold commas, quotes ("" inside quotes) and line breaks; CRLF or LF; a UTF-8
/// byte order mark is skipped (Excel writes one).
///
///     try CSVRecords.parse("a,b\n\"x, y\",2\n")
///     // [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["x, y", "2"])]
///
/// Blank lines are skipped. A quote left open at the end of the file is an error naming the line
/// where the field started.
/// `CSVRecords` before the byte scan, kept as an oracle for CSVOracleTests.
enum ReferenceCSVRecords {
    struct Record: Sendable, Hashable {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    struct UnterminatedQuote: Error {
        var line: Int
    }

    static func parse(_ text: String) throws(UnterminatedQuote) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, afterQuote = false, fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            fieldStarted = false
            afterQuote = false
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = next }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true; fieldStarted = true; quoteLine = line
            case ",":
                fields.append(String(field)); field = String.UnicodeScalarView(); fieldStarted = false; afterQuote = false
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord(); line += 1; recordLine = line
            case "\n":
                endRecord(); line += 1; recordLine = line
            default:
                if afterQuote { continue } // text after a closing quote: ignored, as spreadsheets do
                field.append(c); fieldStarted = true
            }
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine) }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
