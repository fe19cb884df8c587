import Core
import Foundation

/// A workbook found in the input folder.
public struct InputFile: Sendable, Hashable {
    /// The file name: what every provenance and message shows (a symbolic link's own name, not
    /// its target's).
    public var name: String
    public var path: String
    /// The file's modification time: when it was saved into the inbox, taken as the time the
    /// submission was received (the store keeps the first time it saw the same bytes). For a
    /// symbolic link, the time of the file it points at.
    public var modified: Date

    public init(name: String, path: String, modified: Date) {
        self.name = name
        self.path = path
        self.modified = modified
    }
}

/// Lists what the statistician dropped into the input folder, and accounts for every entry.
///
/// Every regular file is a submission except hidden files, editor lock files ("~$ninh-kieu.xlsx"
/// that Excel leaves while a workbook is open) and notes (.txt, .md, .pdf, ...): those are
/// skipped without a word, as the user expects. A file with another extension (.xls, .ods,
/// .csv) is still listed, so the reader can say what it is instead of the file vanishing from
/// the report. A symbolic link to a regular file is read like the file, under the link's name.
///
/// Any other entry is a finding, never opened (a FIFO would block the reader forever):
///
///     Input/huyen-a.xlsx -> /srv/nop/a.xlsx     read, shown as "huyen-a.xlsx"
///     Input/huyen-b.xlsx -> (nothing)           input-link-broken, error
///     Input/huyen-c.xlsx/  (a folder)           input-not-a-file, error
///     Input/huyen-d.xlsx   (a FIFO, a socket)   input-not-a-file, error
///     Input/cu/            (a folder)           input-subfolder, info: its files are not read
public enum InputFolder {
    static let ignoredExtensions: Set<String> = ["txt", "md", "pdf", "docx", "doc", "json", "yml", "yaml"]
    /// Extensions a folder may not carry without a finding: a folder named like a workbook is
    /// almost surely a workbook that was unpacked or saved wrongly.
    static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xltx", "xltm", "xls", "xlsb", "ods", "csv"]

    /// The workbooks to read and the findings about every other entry, both in byte order of
    /// the names.
    public static func list(in folder: String) throws -> InputListing {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InputFolderError(path: folder)
        }
        let url = URL(fileURLWithPath: folder)
        let names = try fm.contentsOfDirectory(atPath: folder)
            // Byte order of the names: the same on every machine and locale.
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var listing = InputListing(files: [], issues: [])
        for name in names {
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            let ext = (name as NSString).pathExtension.lowercased()
            if ignoredExtensions.contains(ext) { continue }
            let path = url.appendingPathComponent(name).path
            switch entry(at: path) {
            case .regular(let modified):
                listing.files.append(InputFile(name: name, path: path, modified: modified))
            case .brokenLink:
                let target = (try? fm.destinationOfSymbolicLink(atPath: path)) ?? "?"
                listing.issues.append(RuleID.inputLinkBroken.issue(Provenance(file: name),
                    "Mục \(name) trong thư mục đầu vào là một liên kết (symlink) tới \"\(target)\", nhưng nơi đó không có tệp nào đọc được; "
                    + "không có số liệu nào được đọc từ mục này. Hãy chép chính tệp báo cáo vào thư mục đầu vào thay cho liên kết, hoặc sửa liên kết."))
            case .directory where !workbookExtensions.contains(ext):
                listing.issues.append(RuleID.inputSubfolder.issue(Provenance(file: name),
                    "Thư mục con \(name) trong thư mục đầu vào không được đọc: chỉ các tệp nằm ngay trong thư mục đầu vào được tính. "
                    + "Nếu trong đó có báo cáo của năm này, hãy chuyển tệp ra thư mục đầu vào; nếu là bản lưu cũ thì không cần làm gì."))
            case .directory, .other:
                let what = kindText(path)
                listing.issues.append(RuleID.inputNotAFile.issue(Provenance(file: name),
                    "Mục \(name) trong thư mục đầu vào là \(what), không phải một tệp; không mở để đọc và không có số liệu nào được tính từ mục này. "
                    + "Hãy xóa hoặc đổi tên mục này và chép tệp báo cáo (.xlsx) của đơn vị vào thư mục đầu vào."))
            }
        }
        return listing
    }

    /// The workbooks alone (`list(in:)` without its findings).
    public static func files(in folder: String) throws -> [InputFile] {
        try list(in: folder).files
    }

    private enum Entry {
        case regular(modified: Date)
        case directory
        case brokenLink
        case other
    }

    /// What `path` is, following a symbolic link (`stat`), told apart from a link to nothing
    /// (`lstat` succeeds, `stat` does not: a dangling link or a loop of links).
    private static func entry(at path: String) -> Entry {
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            return lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK ? .brokenLink : .other
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let time = info.st_mtim
            return .regular(modified: Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9))
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// "một thư mục", "một ống dẫn (FIFO)", ... for the message.
    private static func kindText(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "một mục không đọc được" }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "một thư mục"
        case S_IFIFO: return "một ống dẫn (FIFO)"
        case S_IFSOCK: return "một socket"
        case S_IFCHR, S_IFBLK: return "một thiết bị"
        default: return "một mục đặc biệt"
        }
    }
}

/// The input folder is missing: a configuration problem, not an input error.
public struct InputFolderError: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "Không tìm thấy thư mục số liệu đầu vào \(path). Kiểm tra paths.input trong pipeline.yml hoặc tùy chọn --input."
    }
}
