/// The cell formats a workbook uses, collected while its sheets are written: each distinct
/// (number format, bold, fill, border, wrap, alignment) gets one `xf` in `styles.xml`, in the
/// order first met, so the same sheets give the same style indexes. Index 0 is the default
/// (General, regular). Fills, the thin border and the differential formats (`dxf`) of
/// conditional formatting are written only when a cell or rule uses them, so a workbook of
/// plain cells (a Word chart's) keeps the bytes it had before they existed.
struct SpreadsheetStyles {
    private struct Key: Hashable {
        var format: SpreadsheetNumberFormat
        var bold: Bool
        var fill: String?
        var bordered: Bool
        var wrapped: Bool
        var alignment: SpreadsheetCell.Alignment?
        var unlocked = false
    }

    private static let plain = Key(format: .general, bold: false, fill: nil, bordered: false, wrapped: false, alignment: nil)
    private var keys: [Key] = [Self.plain]
    private var index: [Key: Int] = [Self.plain: 0]
    private var fills: [String] = []
    private var highlights: [SpreadsheetConditionalFormat.Highlight] = []

    /// The `s` attribute of a cell with this format.
    mutating func style(for cell: SpreadsheetCell) -> Int {
        let key = Key(format: cell.format, bold: cell.bold, fill: cell.fill, bordered: cell.bordered,
                      wrapped: cell.wrapped, alignment: cell.alignment, unlocked: cell.unlocked)
        if let i = index[key] { return i }
        if let fill = key.fill, !fills.contains(fill) { fills.append(fill) }
        keys.append(key)
        index[key] = keys.count - 1
        return keys.count - 1
    }

    /// The `dxfId` of a conditional format's highlight.
    mutating func differentialFormat(for highlight: SpreadsheetConditionalFormat.Highlight) -> Int {
        if let i = highlights.firstIndex(of: highlight) { return i }
        highlights.append(highlight)
        return highlights.count - 1
    }

    /// `xl/styles.xml`: the custom number formats (ids from 164), two fonts (regular, bold:
    /// Times New Roman as the report), the two fills and the border every workbook must have
    /// (then the solid fills and the thin border cells use), one `xf` per style, and the
    /// conditional formats' `dxf`s.
    func part(mainNamespace: String) -> [UInt8] {
        var customIDs: [String: Int] = [:]
        var customs: [String] = []
        for key in keys where key.format.builtInID == nil && customIDs[key.format.code] == nil {
            customIDs[key.format.code] = 164 + customs.count
            customs.append(key.format.code)
        }
        let hasBorder = keys.contains(where: \.bordered)
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
        w.start("fills", attributes: [("count", String(2 + fills.count))])
        for pattern in ["none", "gray125"] {
            w.start("fill")
            w.element("patternFill", attributes: [("patternType", pattern)])
            w.end("fill")
        }
        for rgb in fills {
            w.start("fill")
            w.start("patternFill", attributes: [("patternType", "solid")])
            w.element("fgColor", attributes: [("rgb", rgb)])
            w.element("bgColor", attributes: [("indexed", "64")])
            w.end("patternFill")
            w.end("fill")
        }
        w.end("fills")
        w.start("borders", attributes: [("count", hasBorder ? "2" : "1")])
        w.start("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] { w.element(side) }
        w.end("border")
        if hasBorder {
            w.start("border")
            for side in ["left", "right", "top", "bottom"] {
                w.start(side, attributes: [("style", "thin")])
                w.element("color", attributes: [("auto", "1")])
                w.end(side)
            }
            w.element("diagonal")
            w.end("border")
        }
        w.end("borders")
        w.start("cellStyleXfs", attributes: [("count", "1")])
        w.element("xf", attributes: [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")])
        w.end("cellStyleXfs")
        w.start("cellXfs", attributes: [("count", String(keys.count))])
        for key in keys {
            let id = key.format.builtInID ?? customIDs[key.format.code]!
            let fillID = key.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
            var attributes = [("numFmtId", String(id)), ("fontId", key.bold ? "1" : "0"), ("fillId", String(fillID)),
                              ("borderId", key.bordered ? "1" : "0"), ("xfId", "0")]
            if id != 0 { attributes.append(("applyNumberFormat", "1")) }
            if key.bold { attributes.append(("applyFont", "1")) }
            if fillID != 0 { attributes.append(("applyFill", "1")) }
            if key.bordered { attributes.append(("applyBorder", "1")) }
            if key.unlocked { attributes.append(("applyProtection", "1")) }
            let aligned = key.wrapped || key.alignment != nil
            if aligned { attributes.append(("applyAlignment", "1")) }
            guard aligned || key.unlocked else {
                w.element("xf", attributes: attributes)
                continue
            }
            w.start("xf", attributes: attributes)
            if aligned {
                var alignment: [(String, String)] = []
                if let horizontal = key.alignment { alignment.append(("horizontal", horizontal.rawValue)) }
                alignment.append(("vertical", "center"))
                if key.wrapped { alignment.append(("wrapText", "1")) }
                w.element("alignment", attributes: alignment)
            }
            // CT_Xf: alignment, then protection.
            if key.unlocked { w.element("protection", attributes: [("locked", "0")]) }
            w.end("xf")
        }
        w.end("cellXfs")
        w.start("cellStyles", attributes: [("count", "1")])
        w.element("cellStyle", attributes: [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")])
        w.end("cellStyles")
        if !highlights.isEmpty {
            w.start("dxfs", attributes: [("count", String(highlights.count))])
            for highlight in highlights {
                w.start("dxf")
                w.start("font")
                w.element("color", attributes: [("rgb", highlight.font)])
                w.end("font")
                w.start("fill")
                w.start("patternFill")
                w.element("bgColor", attributes: [("rgb", highlight.fill)])
                w.end("patternFill")
                w.end("fill")
                w.end("dxf")
            }
            w.end("dxfs")
        }
        w.end("styleSheet")
        return w.bytes
    }
}
