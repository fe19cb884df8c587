import OfficeXML
import Foundation

/// The mutable state of one sheet being streamed. It lives behind an `UnsafeMutablePointer`
/// owned by `SheetHandler`: mutating a class's stored properties costs a dynamic exclusivity
/// check per access, a pointer's pointee does not, and this runs several times per cell.
struct SheetState {
    var text = TextBuffer()
    var collecting = false
    var inInline = false
    var phoneticDepth = 0
    var runStart = 0
    var preserve = false

    var row = 0             // current row number (1-based; 0 before the first row)
    var column = 0          // last column used in the current row
    var reference = CellReference(row: 0, column: 0)
    var type: CellType = .number
    var style = 0
    var hasFormula = false
    var hasValue = false
    var inCell = false

    var merged: [MergedRange] = []
    var dimension: String?
    var cellCount = 0
    /// Bytes of text the delivered cells carry so far (checked against `maxText`).
    var textBytes: Int64 = 0
    /// `t="s"` cells naming a string past the table (read as empty), and the first of them.
    var badSharedStrings = 0
    var firstBadSharedString: String?
    /// The first error: a damaged cell, or whatever the caller's closure threw. Once set,
    /// the remaining events are ignored and `Workbook.forEachCell` rethrows it.
    var failure: (any Error)?
}

/// The `t` attribute of a cell.
enum CellType: UInt8 {
    case number, shared, formulaString, inline, bool, error, isoDate
}

/// Streams one worksheet part: turns SAX events into `Cell`s, without building the sheet.
///
/// Handles cells and rows without `r` (they follow the previous one), rows in any order,
/// namespace prefixes (libxml2 gives local names) and Strict files (same local names).
///
/// Each finished cell goes straight to the caller's closure from inside the SAX callback
/// (no buffering and no copies); an error it throws is kept and stops the reading.
final class SheetHandler: XMLStreamHandler {
    let state: UnsafeMutablePointer<SheetState>
    let body: (Cell) throws -> Void
    let sharedStrings: [String]
    let styleKinds: [UInt8]
    let date1904: Bool
    let file: String
    let sheetName: String
    let maxText: Int64

    init(sharedStrings: [String], styles: StyleTable, date1904: Bool, file: String, sheetName: String,
         maxText: Int64 = ContainerLimits.default.maxSheetText, body: @escaping (Cell) throws -> Void) {
        state = .allocate(capacity: 1)
        state.initialize(to: SheetState())
        self.body = body
        self.sharedStrings = sharedStrings
        self.styleKinds = styles.kinds
        self.date1904 = date1904
        self.file = file
        self.sheetName = sheetName
        self.maxText = maxText
    }

    deinit {
        state.pointee.text.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    func startElement(_ e: XMLStartElement) {
        let s = state
        if s.pointee.failure != nil { return }
        switch e.name.first {
        case UInt8(ascii: "c"):
            if e.name == "c" { startCell(e.attributes) }
        case UInt8(ascii: "v"):
            if e.name == "v", s.pointee.inCell {
                s.pointee.collecting = true
                s.pointee.text.removeAll()
            }
        case UInt8(ascii: "f"):
            if e.name == "f", s.pointee.inCell { s.pointee.hasFormula = true }
        case UInt8(ascii: "r"):
            if e.name == "row" {
                startRow(e.attributes)
            } else if e.name == "rPh" {
                s.pointee.phoneticDepth += 1
            }
        case UInt8(ascii: "i"):
            if e.name == "is", s.pointee.inCell {
                s.pointee.inInline = true
                s.pointee.text.removeAll()
            }
        case UInt8(ascii: "t"):
            if e.name == "t", s.pointee.inInline, s.pointee.phoneticDepth == 0 {
                s.pointee.collecting = true
                s.pointee.runStart = s.pointee.text.count
                s.pointee.preserve = XMLWhitespace.preserves(e.attributes)
            }
        case UInt8(ascii: "m"):
            if e.name == "mergeCell", let ref = e.attributes.string("ref"), let range = MergedRange(ref) {
                s.pointee.merged.append(range)
            }
        case UInt8(ascii: "d"):
            if e.name == "dimension" { s.pointee.dimension = e.attributes.string("ref") }
        default:
            break
        }
    }

    func endElement(_ name: XMLName) {
        let s = state
        if s.pointee.failure != nil { return }
        switch name.first {
        case UInt8(ascii: "c"):
            if name == "c", s.pointee.inCell { finishCell() }
        case UInt8(ascii: "v"):
            if name == "v", s.pointee.collecting {
                s.pointee.collecting = false
                s.pointee.hasValue = true
            }
        case UInt8(ascii: "t"):
            if name == "t", s.pointee.inInline, s.pointee.collecting {
                s.pointee.collecting = false
                if !s.pointee.preserve { s.pointee.text.trimRun(from: s.pointee.runStart) }
            }
        case UInt8(ascii: "i"):
            if name == "is", s.pointee.inInline {
                s.pointee.inInline = false
                s.pointee.collecting = false
                s.pointee.hasValue = true
            }
        case UInt8(ascii: "r"):
            if name == "rPh" { s.pointee.phoneticDepth = max(0, s.pointee.phoneticDepth - 1) }
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if state.pointee.collecting { state.pointee.text.append(bytes) }
    }

    private func startRow(_ attributes: XMLAttributes) {
        let s = state
        var number = 0
        if let r = attributes.value("r") {
            number = parseInt(r) ?? 0
        }
        s.pointee.row = number > 0 ? number : s.pointee.row + 1
        s.pointee.column = 0
    }

    private func startCell(_ attributes: XMLAttributes) {
        let s = state
        var reference: CellReference?
        var type = CellType.number
        var style = 0
        attributes.forEach { name, value in
            switch name.first {
            case UInt8(ascii: "r"):
                if name == "r" { reference = CellReference.parse(value) }
            case UInt8(ascii: "t"):
                if name == "t" { type = SheetHandler.cellType(value) }
            case UInt8(ascii: "s"):
                if name == "s" { style = parseInt(value) ?? 0 }
            default:
                break
            }
        }
        if s.pointee.row == 0 { s.pointee.row = 1 }  // a cell outside any <row>
        var ref = reference ?? CellReference(row: 0, column: 0)
        if ref.row == 0 { ref.row = s.pointee.row }
        if ref.column == 0 { ref.column = s.pointee.column + 1 }
        s.pointee.column = ref.column
        s.pointee.reference = ref
        s.pointee.type = type
        s.pointee.style = style
        s.pointee.hasFormula = false
        s.pointee.hasValue = false
        s.pointee.inCell = true
        s.pointee.inInline = false
        s.pointee.collecting = false
        s.pointee.text.removeAll()
    }

    @inline(__always) static func cellType(_ v: UnsafeBufferPointer<UInt8>) -> CellType {
        guard let first = v.first else { return .number }
        switch first {
        case UInt8(ascii: "s"): return v.count == 1 ? .shared : .formulaString   // "s", "str"
        case UInt8(ascii: "i"): return .inline                                     // "inlineStr"
        case UInt8(ascii: "b"): return .bool
        case UInt8(ascii: "e"): return .error
        case UInt8(ascii: "d"): return .isoDate
        default: return .number
        }
    }

    private func finishCell() {
        let s = state
        s.pointee.inCell = false
        s.pointee.collecting = false
        let ref = s.pointee.reference
        let formula = s.pointee.hasFormula
        guard s.pointee.hasValue else {
            if formula { emit(Cell(reference: ref, value: .empty, hasFormula: true, styleIndex: s.pointee.style)) }
            return
        }
        let text = s.pointee.text.bytes
        let value: CellValue? = {
            switch s.pointee.type {
            case .number:
                return number(text)
            case .shared:
                guard let index = parseInt(trimmed(text)) else {
                    return text.allSatisfy(isSpace) ? nil : .string(EscapedText.string(text))
                }
                guard index >= 0, index < sharedStrings.count else {
                    // What Excel and LibreOffice show after repairing the file: an empty cell.
                    s.pointee.badSharedStrings += 1
                    if s.pointee.firstBadSharedString == nil { s.pointee.firstBadSharedString = ref.a1 }
                    return nil
                }
                return .string(sharedStrings[index])
            case .formulaString, .inline:
                return .string(EscapedText.string(text))
            case .bool:
                let t = trimmed(text)
                if t.count == 1 { return t[0] == UInt8(ascii: "0") ? .bool(false) : .bool(true) }
                let word = String(decoding: t, as: UTF8.self).lowercased()
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                return t.isEmpty ? nil : .string(String(decoding: t, as: UTF8.self))
            case .error:
                let t = trimmed(text)
                return t.isEmpty ? nil : .error(String(decoding: t, as: UTF8.self))
            case .isoDate:
                let t = String(decoding: trimmed(text), as: UTF8.self)
                if t.isEmpty { return nil }
                if let date = ExcelDateTime(iso: t) { return .date(date) }
                return .string(t)
            }
        }()
        if case .string(let text)? = value {
            // Shared strings let a small sheet expand without bound: count what is handed out.
            s.pointee.textBytes += Int64(text.utf8.count)
            if s.pointee.textBytes > maxText {
                s.pointee.failure = XLSXError(.sheetTooLarge, file: file, part: "sheet \(sheetName), cell \(ref.a1)",
                    message: "the sheet's cells expand to more than \(maxText >> 20) MiB of text (\(s.pointee.cellCount) cells so far; cells repeating a long shared string); reading stopped: the file is built to exhaust the reader or is far larger than a report.")
                return
            }
        }
        if let value {
            emit(Cell(reference: ref, value: value, hasFormula: formula, styleIndex: s.pointee.style))
        } else if formula {
            emit(Cell(reference: ref, value: .empty, hasFormula: true, styleIndex: s.pointee.style))
        }
    }

    @inline(__always) private func emit(_ cell: Cell) {
        state.pointee.cellCount += 1
        do {
            try body(cell)
        } catch {
            state.pointee.failure = error
        }
    }

    /// A `<v>` number, shown as a date when its style's number format is a date format.
    private func number(_ text: UnsafeBufferPointer<UInt8>) -> CellValue? {
        guard let n = parseDouble(text) else {
            let t = trimmed(text)
            return t.isEmpty ? nil : .string(String(decoding: t, as: UTF8.self))
        }
        let style = state.pointee.style
        if style >= 0, style < styleKinds.count {
            switch styleKinds[style] {
            case NumberFormat.Kind.date.rawValue:
                if let date = ExcelDateTime(serial: n, date1904: date1904) { return .date(date) }
            case NumberFormat.Kind.elapsed.rawValue:
                if n.isFinite { return .date(ExcelDateTime(elapsedDays: n)) }
            default:
                break
            }
        }
        return .number(n)
    }
}

@inline(__always) func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
}

@inline(__always) func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = text.count
    while start < end && isSpace(text[start]) { start += 1 }
    while end > start && isSpace(text[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: text[start..<end])
}

/// A decimal integer (optional sign, surrounding spaces); nil otherwise or on overflow.
@inline(__always) func parseInt(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
    let text = trimmed(raw)
    guard !text.isEmpty, text.count <= 18 else { return nil }
    var i = 0
    var negative = false
    if text[0] == UInt8(ascii: "-") { negative = true; i = 1 } else if text[0] == UInt8(ascii: "+") { i = 1 }
    guard i < text.count else { return nil }
    var v = 0
    while i < text.count {
        let d = text[i] &- UInt8(ascii: "0")
        guard d < 10 else { return nil }
        v = v * 10 + Int(d)
        i += 1
    }
    return negative ? -v : v
}

/// A number as Excel writes it in `<v>`: integers fast, anything else through strtod
/// (C locale: the decimal separator is always "."). Hex, "inf" and "nan" are refused.
@inline(__always) func parseDouble(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
    let text = trimmed(raw)
    if text.isEmpty { return nil }
    if text.count <= 15, let i = parseInt(text) { return Double(i) }
    if let v = parseSimpleDecimal(text) { return v }
    guard text.count < 400 else { return nil }
    for b in text {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "e"), UInt8(ascii: "E"):
            continue
        default:
            return nil
        }
    }
    // strtod needs a NUL-terminated buffer: copy onto the stack.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buf -> Double? in
        for i in 0..<text.count { buf[i] = CChar(bitPattern: text[i]) }
        buf[text.count] = 0
        var end: UnsafeMutablePointer<CChar>?
        let v = strtod(buf.baseAddress!, &end)
        guard let end, end - buf.baseAddress! == text.count else { return nil }
        return v
    }
}

/// Powers of ten exactly representable as Doubles.
private let exactPowersOfTen: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                          1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

/// "-123.4567" without an exponent, up to 15 significant digits: the digits as an exact
/// integer divided by an exact power of ten, which IEEE division rounds correctly (the
/// result equals strtod's). Anything else: nil, and strtod decides.
@inline(__always) func parseSimpleDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    var i = 0
    let n = text.count
    var negative = false
    if n > 0 && text[0] == UInt8(ascii: "-") { negative = true; i = 1 }
    var mantissa: UInt64 = 0
    var digits = 0
    var fraction = 0
    var seenPoint = false
    var any = false
    while i < n {
        let b = text[i]
        let d = b &- UInt8(ascii: "0")
        if d < 10 {
            any = true
            if mantissa != 0 || d != 0 { digits += 1 }
            if digits > 15 { return nil }
            mantissa = mantissa * 10 + UInt64(d)
            if seenPoint { fraction += 1 }
        } else if b == UInt8(ascii: "."), !seenPoint {
            seenPoint = true
        } else {
            return nil
        }
        i += 1
    }
    guard any, fraction < exactPowersOfTen.count else { return nil }
    let v = Double(mantissa) / exactPowersOfTen[fraction]
    return negative ? -v : v
}
