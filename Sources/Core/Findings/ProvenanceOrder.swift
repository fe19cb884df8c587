/// The order of provenance in the model: file, sheet, then cell in sheet order (row, then
/// column: "B9" before "B10" before "C9").
public enum ProvenanceOrder {
    public static func less(_ a: Provenance, _ b: Provenance) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.sheet != b.sheet { return a.sheet < b.sheet }
        let ka = cellKey(a.cell), kb = cellKey(b.cell)
        if ka != kb { return ka < kb }
        return a.cell < b.cell
    }

    /// (row, column) of an A1 reference; (0, 0) when it is not one ("" sorts first).
    static func cellKey(_ cell: String) -> (Int, Int) {
        var column = 0, row = 0
        for ch in cell.unicodeScalars {
            switch ch.value {
            case 65...90: column = column * 26 + Int(ch.value - 64)
            case 97...122: column = column * 26 + Int(ch.value - 96)
            case 48...57: row = row * 10 + Int(ch.value - 48)
            case 36: continue  // "$A$1"
            default: return (0, 0)
            }
            if row > 10_000_000 || column > 100_000 { return (0, 0) }
        }
        return (row, column)
    }
}
