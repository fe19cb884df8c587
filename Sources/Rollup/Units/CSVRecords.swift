/// A small RFC 4180 reader for the registry and alias CSV files: comma-separated, fields in
/// double quotes may hold commas, quotes ("" inside quotes) and line breaks; CRLF or LF; a UTF-8
/// byte order mark is skipped (Excel writes one).
///
///     try CSVRecords.parse("a,b\n\"x, y\",2\n")
///     // [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["x, y", "2"])]
///
/// Blank lines are skipped. A quote left open at the end of the file is an error naming the line
/// where the field started.
enum CSVRecords {
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
