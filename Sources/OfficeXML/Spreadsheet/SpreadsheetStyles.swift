/// The cell formats a workbook uses, collected while its sheets are written: each distinct
/// (number format, bold) gets one `xf` in `styles.xml`, in the order first met, so the same
/// sheets give the same style indexes. Index 0 is the default (General, regular).
struct SpreadsheetStyles {
    private struct Key: Hashable {
        var format: SpreadsheetNumberFormat
        var bold: Bool
    }

    private var keys: [Key] = [Key(format: .general, bold: false)]
    private var index: [Key: Int] = [Key(format: .general, bold: false): 0]

    /// The `s` attribute of a cell with this format.
    mutating func style(for cell: SpreadsheetCell) -> Int {
        let key = Key(format: cell.format, bold: cell.bold)
        if let i = index[key] { return i }
        keys.append(key)
        index[key] = keys.count - 1
        return keys.count - 1
    }

    /// `xl/styles.xml`: the custom number formats (ids from 164), two fonts (regular, bold:
    /// Times New Roman as the report), the two fills and the border every workbook must have,
    /// and one `xf` per style.
    func part(mainNamespace: String) -> [UInt8] {
        var customIDs: [String: Int] = [:]
        var customs: [String] = []
        for key in keys where key.format.builtInID == nil && customIDs[key.format.code] == nil {
            customIDs[key.format.code] = 164 + customs.count
            customs.append(key.format.code)
        }
        var w = XMLWriter()
        w.declaration()
        w.start("styleSheet", attributes: [("xmlns", mainNamespace)])
        if !customs.isEmpty {
            w.start("numFmts", attributes: [("count", String(customs.count))])
            for code in customs {
                w.element("numFmt", attributes: [("numFmtId", String(customIDs[code]!)), ("formatCode", code)])
            }
            w.end("numFmts")
        }
        w.start("fonts", attributes: [("count", "2")])
        for bold in [false, true] {
            w.start("font")
            if bold { w.element("b") }
            w.element("sz", attributes: [("val", "11")])
            w.element("name", attributes: [("val", "Times New Roman")])
            w.element("family", attributes: [("val", "1")])
            w.end("font")
        }
        w.end("fonts")
        w.start("fills", attributes: [("count", "2")])
        for pattern in ["none", "gray125"] {
            w.start("fill")
            w.element("patternFill", attributes: [("patternType", pattern)])
            w.end("fill")
        }
        w.end("fills")
        w.start("borders", attributes: [("count", "1")])
        w.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { w.element(side) }
        w.end("border")
        w.end("borders")
        w.start("cellStyleXfs", attributes: [("count", "1")])
        w.element("xf", attributes: [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        w.end("cellStyleXfs")
        w.start("cellXfs", attributes: [("count", String(keys.count))])
        for key in keys {
            let id = key.format.builtInID ?? customIDs[key.format.code]!
            var attributes = [("numFmtId", String(id)), ("fontId", key.bold ? "1" : "0"), ("fillId", "0"), ("borderId", "0"), ("xfId", "0")]
            if id != 0 { attributes.append(("applyNumberFormat", "1")) }
            if key.bold { attributes.append(("applyFont", "1")) }
            w.element("xf", attributes: attributes)
        }
        w.end("cellXfs")
        w.start("cellStyles", attributes: [("count", "1")])
        w.element("cellStyle", attributes: [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        w.end("cellStyles")
        w.end("styleSheet")
        return w.bytes
    }
}
