import Core

/// Says where a number came from, for a `title` tooltip: the workbook(s), sheet(s) and cell(s).
///
///     SourceText.describe(files: ["ninh-kieu.xlsx"],
///                         cells: [Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "E7"),
///                                 Provenance(file: "ninh-kieu.xlsx", sheet: "Cấp xã", cell: "D7")])
///     // "Nguồn: ninh-kieu.xlsx, Cấp xã!E7, Cấp xã!D7"
///     SourceText.describe(files: ["a.xlsx", "b.xlsx"], cells: [])
///     // "Nguồn: tổng hợp từ 2 tệp: a.xlsx, b.xlsx"
///
/// Long lists are cut after `limit` files ("... và 54 tệp khác"): a tooltip is not a register;
/// indicators.csv and issues.csv have everything.
public enum SourceText {
    public static func describe(files: [String], cells: [Provenance], limit: Int = 8) -> String {
        if !cells.isEmpty {
            var order: [String] = []
            var byFile: [String: [String]] = [:]
            for c in cells {
                if byFile[c.file] == nil { order.append(c.file) }
                let place = c.sheet.isEmpty ? c.cell : (c.cell.isEmpty ? c.sheet : "\(c.sheet)!\(c.cell)")
                byFile[c.file, default: []].append(place)
            }
            let parts = order.prefix(limit).map { file in
                ([file] + byFile[file]!.filter { !$0.isEmpty }).joined(separator: ", ")
            }
            return "Nguồn: " + parts.joined(separator: "; ") + more(order.count, limit)
        }
        switch files.count {
        case 0: return "Không có số liệu nguồn"
        case 1: return "Nguồn: tổng hợp từ tệp \(files[0])"
        default: return "Nguồn: tổng hợp từ \(VietnameseNumber.integer(files.count)) tệp: "
            + files.prefix(limit).joined(separator: ", ") + more(files.count, limit)
        }
    }

    private static func more(_ count: Int, _ limit: Int) -> String {
        count > limit ? " và \(VietnameseNumber.integer(count - limit)) tệp khác" : ""
    }
}
