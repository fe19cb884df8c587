import OfficeXML

/// The part of styles.xml the reader needs: for each cell format index (`s` on a cell),
/// whether its number format shows dates, times or elapsed times.
///
///     styles.kind(ofStyle: 3)   // .date when cellXfs[3] uses numFmtId 14 or "dd/mm/yyyy"
public struct StyleTable: Sendable, Hashable {
    /// One entry per `<xf>` of `<cellXfs>`, as `NumberFormat.Kind` raw values.
    public private(set) var kinds: [UInt8]
    /// The custom format codes by id (`<numFmts>`).
    public private(set) var customFormats: [Int: String]

    public init(kinds: [UInt8] = [], customFormats: [Int: String] = [:]) {
        self.kinds = kinds
        self.customFormats = customFormats
    }

    @inlinable public func kind(ofStyle index: Int) -> NumberFormat.Kind {
        index >= 0 && index < kinds.count ? NumberFormat.Kind(rawValue: kinds[index]) ?? .number : .number
    }

    /// Parses styles.xml.
    static func parse(_ bytes: [UInt8], file: String, part: String) throws -> StyleTable {
        let handler = StylesHandler()
        try XMLPushParser(handler: handler, file: file, part: part).parse(bytes)
        var custom: [Int: String] = [:]
        for (id, code) in handler.formats where custom[id] == nil { custom[id] = code }
        // Each format is classified once: a styles.xml of a million <xf> naming one long
        // custom code would otherwise scan that code a million times.
        var kindOfFormat: [Int: UInt8] = [:]
        let kinds = handler.xfFormatIds.map { id -> UInt8 in
            if let known = kindOfFormat[id] { return known }
            let kind = custom[id].map { NumberFormat.kind(code: $0).rawValue } ?? NumberFormat.kind(builtIn: id).rawValue
            kindOfFormat[id] = kind
            return kind
        }
        return StyleTable(kinds: kinds, customFormats: custom)
    }
}

/// Collects `<numFmt>` and the `numFmtId` of each `<xf>` inside `<cellXfs>` (not `<cellStyleXfs>`).
private final class StylesHandler: XMLStreamHandler {
    var formats: [(Int, String)] = []
    var xfFormatIds: [Int] = []
    var inCellXfs = false

    func startElement(_ e: XMLStartElement) {
        if e.name == "numFmt" {
            if let id = e.attributes.string("numFmtId").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
               let code = e.attributes.string("formatCode") {
                formats.append((id, code))
            }
        } else if e.name == "cellXfs" {
            inCellXfs = true
        } else if inCellXfs, e.name == "xf" {
            let id = e.attributes.string("numFmtId").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            xfFormatIds.append(id)
        }
    }

    func endElement(_ name: XMLName) {
        if name == "cellXfs" { inCellXfs = false }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

import Foundation
