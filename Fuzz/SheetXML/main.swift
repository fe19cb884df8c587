// libFuzzer target: the reader's XML parsers fed raw XML, without the zip in the way.
//
// Mutating a zip mostly breaks its checksums or its deflate stream; mutating the XML itself
// reaches far deeper into the parsers. The first byte of the input chooses the part the rest
// becomes (low 3 bits: 0-3 the worksheet, 4 the shared strings, 5 the styles, 6 workbook.xml,
// 7 the workbook's relationships: seeds start with an ASCII digit, "0<?xml ..."); the other
// parts are small valid ones. The parts are packed into a stored (uncompressed) zip built
// here, in memory, and read through `Workbook(bytes:name:limits:)`, streaming every sheet.
import OfficeXML
import XLSX

private let contentTypes = #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
private let rootRels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
private let workbookXML = #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId4" state="hidden"/></sheets></workbook>"#
private let workbookRels = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
private let sharedStringsXML = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>STT</t></si><si><r><t>Tên </t></r><r><t>đơn vị</t></r></si><si><t xml:space="preserve"> x_x000D_ </t></si></sst>"#
private let stylesXML = #"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"#
private let sheetXML = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let xml = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var parts: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array(contentTypes.utf8)),
        ("_rels/.rels", Array(rootRels.utf8)),
        ("xl/workbook.xml", Array(workbookXML.utf8)),
        ("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)),
        ("xl/sharedStrings.xml", Array(sharedStringsXML.utf8)),
        ("xl/styles.xml", Array(stylesXML.utf8)),
        ("xl/worksheets/sheet1.xml", Array(sheetXML.utf8)),
        ("xl/worksheets/sheet2.xml", Array(sheetXML.utf8)),
    ]
    switch data[0] & 7 {
    case 0, 1, 2, 3: parts[6].1 = xml
    case 4: parts[4].1 = xml
    case 5: parts[5].1 = xml
    case 6: parts[2].1 = xml
    default: parts[3].1 = xml
    }
    let archive = StoredZip.archive(parts)
    guard let book = try? Workbook(bytes: archive, name: "fuzz.xlsx", limits: .default) else { return 0 }
    var hasher = Hasher()
    for sheet in book.sheets {
        hasher.combine(sheet.name)
        let metadata = try? book.forEachCell(in: sheet) { cell in
            hasher.combine(cell.reference.a1)
            hasher.combine(cell.value)
            if case .date(let date) = cell.value { hasher.combine(date.iso) }  // the output formatting too
            hasher.combine(cell.hasFormula)
        }
        if let metadata {
            for range in metadata.mergedRanges { hasher.combine(range.description) }
        }
    }
    _ = hasher.finalize()
    return 0
}

/// A minimal zip writer for stored entries (no compression), fast enough to run per input.
enum StoredZip {
    static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    static func archive(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a.append(UInt8(v & 0xFF)); a.append(UInt8((v >> 8) & 0xFF)) }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { for i in 0..<4 { a.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
        for (name, data) in parts {
            let offset = UInt32(out.count)
            let crc = crc32(data)
            let nameBytes = Array(name.utf8)
            // Local file header.
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out)
            u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes
            out += data
            // Central directory entry.
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(UInt32(data.count), &central); u32(UInt32(data.count), &central)
            u16(nameBytes.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central)
            u32(0, &central); u32(offset, &central)
            central += nameBytes
        }
        let centralOffset = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(parts.count, &out); u16(parts.count, &out)
        u32(UInt32(central.count), &out); u32(centralOffset, &out); u16(0, &out)
        return out
    }
}
