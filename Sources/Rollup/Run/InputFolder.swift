import Foundation

/// A workbook found in the input folder.
public struct InputFile: Sendable, Hashable {
    /// The file name: what every provenance and message shows.
    public var name: String
    public var path: String
    /// The file's modification time: when it was saved into the inbox, taken as the time the
    /// submission was received (the store keeps the first time it saw the same bytes).
    public var modified: Date

    public init(name: String, path: String, modified: Date) {
        self.name = name
        self.path = path
        self.modified = modified
    }
}

/// Lists what the statistician dropped into the input folder.
///
/// Every regular file is a submission except hidden files, editor lock files ("~$ninh-kieu.xlsx"
/// that Excel leaves while a workbook is open) and notes (.txt, .md, .pdf). A file with another
/// extension (.xls, .ods, .csv) is still listed, so the reader can say what it is instead of the
/// file vanishing from the report.
public enum InputFolder {
    static let ignoredExtensions: Set<String> = ["txt", "md", "pdf", "docx", "doc", "json", "yml", "yaml"]

    public static func files(in folder: String) throws -> [InputFile] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputFolderError(path: folder)
        }
        let url = URL(fileURLWithPath: folder)
        let names = try fm.contentsOfDirectory(atPath: folder)
        var out: [InputFile] = []
        for name in names {
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            if ignoredExtensions.contains(ext) { continue }
            let path = url.appendingPathComponent(name).path
            guard let attributes = try? fm.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            out.append(InputFile(name: name, path: path,
                                 modified: attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)))
        }
        // Byte order of the names: the same on every machine and locale.
        return out.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }
}

/// The input folder is missing: a configuration problem, not an input error.
public struct InputFolderError: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "Không tìm thấy thư mục số liệu đầu vào \(path). Kiểm tra paths.input trong pipeline.yml hoặc tùy chọn --input."
    }
}
