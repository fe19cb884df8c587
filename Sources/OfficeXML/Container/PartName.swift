/// Part names inside a package, normalised the way Office resolves them.
///
/// OPC part names are case-insensitive, some writers use backslashes or a leading slash,
/// and relationship targets are relative to the source part's folder:
///
///     PartName.normalize("\\xl\\Worksheets\\Sheet1.xml")      // "xl/Worksheets/Sheet1.xml"
///     PartName.resolve("../media/a.png", from: "xl/worksheets") // "xl/media/a.png"
///     PartName.key("XL/workbook.xml")                         // "xl/workbook.xml"
public enum PartName {
    /// Backslashes to slashes, no leading slash, no "." segments, empty segments removed.
    /// Returns nil for a name that climbs out of the package ("..") : such an entry is ignored.
    public static func normalize(_ name: String) -> String? {
        var segments: [Substring] = []
        for segment in name.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return nil }
            segments.append(segment)
        }
        if segments.isEmpty { return nil }
        if let first = segments.first, first.count == 2, first.last == ":" { return nil }  // "C:" drive
        return segments.joined(separator: "/")
    }

    /// The lookup key: normalised and lowercased (ASCII and Unicode).
    public static func key(_ name: String) -> String? {
        normalize(name)?.lowercased()
    }

    /// Resolves a relationship `target` against the folder of its source part
    /// (`base` is e.g. "xl" for xl/workbook.xml, "" for the package root).
    /// Absolute targets ("/xl/worksheets/sheet1.xml") start from the package root.
    /// Returns nil when the target leaves the package.
    public static func resolve(_ target: String, from base: String) -> String? {
        var raw = target.replacingOccurrences(of: "\\", with: "/")
        if let hash = raw.firstIndex(of: "#") { raw = String(raw[..<hash]) }
        var segments: [Substring] = []
        if !raw.hasPrefix("/") {
            segments = base.replacingOccurrences(of: "\\", with: "/").split(separator: "/", omittingEmptySubsequences: true)
        }
        for segment in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if segments.isEmpty { return nil }
                segments.removeLast()
                continue
            }
            segments.append(segment)
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    /// The folder of a part ("xl/workbook.xml" -> "xl", "workbook.xml" -> "").
    public static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// The relationships part of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels").
    public static func relationships(of part: String) -> String {
        let folder = folder(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? part
        return folder.isEmpty ? "_rels/\(file).rels" : "\(folder)/_rels/\(file).rels"
    }

    /// Decodes %XX escapes (targets are URIs); returns nil when there is nothing to decode.
    static func percentDecoded(_ s: String) -> String? {
        guard s.contains("%") else { return nil }
        return s.removingPercentEncoding
    }
}

import Foundation
