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
        var text = text
        return try text.withUTF8 { bytes in Result { () throws(UnterminatedQuote) in try parse(bytes) } }.get()
    }

    /// `parse` over the text's UTF-8: the separators are ASCII, so a byte scan finds them and
    /// every field between them is whole UTF-8.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(UnterminatedQuote) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, afterQuote = false, fieldStarted = false
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 // a byte order mark

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            let width = fields.count
            fields = []
            fields.reserveCapacity(width) // records are as wide as the one before, mostly
            fieldStarted = false
            afterQuote = false
        }

        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if inQuotes {
                if c == quote {
                    if i < bytes.count && bytes[i] == quote { field.append(quote); i += 1 } else { inQuotes = false; afterQuote = true }
                } else {
                    // The run up to the next quote, in one append.
                    let start = i - 1
                    while i < bytes.count && bytes[i] != quote { i += 1 }
                    line += bytes[start..<i].reduce(0) { $0 + ($1 == lf ? 1 : 0) }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                }
                continue
            }
            switch c {
            case quote where !fieldStarted:
                inQuotes = true; fieldStarted = true; quoteLine = line
            case comma:
                endField(); fieldStarted = false; afterQuote = false
            case cr:
                if i < bytes.count && bytes[i] == lf { i += 1 }
                endRecord(); line += 1; recordLine = line
            case lf:
                endRecord(); line += 1; recordLine = line
            default:
                if afterQuote { continue } // text after a closing quote: ignored, as spreadsheets do
                // The run up to the next byte that means something, in one append.
                let start = i - 1
                while i < bytes.count, case let next = bytes[i], next != comma && next != lf && next != cr && next != quote { i += 1 }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                fieldStarted = true
            }
        }
        if inQuotes { throw UnterminatedQuote(line: quoteLine) }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
