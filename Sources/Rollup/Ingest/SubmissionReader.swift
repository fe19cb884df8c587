import Crypto
import Foundation
import OfficeXML
import XLSX

/// Reads one submitted .xlsx into raw sheets: the only stage of the three that touches a file.
///
///     let read = SubmissionReader.read(path: "Input/phong-dien.xlsx")
///     read.sha256            // "3f7a..." (the store recognises an unchanged file by it)
///     read.sheets.map(\.name) // ["Cấp xã", "Cấp huyện"]
///     read.issues            // one error when the file is not a readable workbook; the run goes on
///
/// The file is read once into memory: its bytes are hashed, then opened by the XLSX reader
/// (submissions are small; the reader's own limits still apply to what the zip declares).
public enum SubmissionReader {
    /// Most cells with content one workbook may bring into memory (about 40 bytes each as raw
    /// cells, so some 160 MB). The whole country's communes in one sheet are some 10,600 rows of
    /// 25 columns, 265,000 cells: fifteen times that is still far below. Past it the sheet being
    /// read is refused with one finding and its cells let go; the other sheets are read.
    public static let maxCells = 4_000_000

    private struct TooManyCells: Error {}

    /// Reads the file at `path`. Only a regular file (or a symlink to one) is read: a FIFO, a
    /// device or a folder is an unreadable workbook at once, never opened for reading (a FIFO
    /// would block the run forever), and a file above `limits.maxTotalSize` is not loaded.
    public static func read(path: String, limits: ContainerLimits = .default) -> WorkbookRead {
        let file = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.readAll(path, maxSize: limits.maxTotalSize)
        } catch {
            let why = reason(error)
            return failure(file: file, sha256: nil, byteCount: 0, reason: why.vietnamese, detail: why.detail)
        }
        let digest = SHA256.hex(bytes)
        return read(bytes: bytes, file: file, sha256: digest, limits: limits)
    }

    /// Reads a workbook already in memory (tests, or bytes received another way).
    /// `maxCells` lowers `SubmissionReader.maxCells` (tests).
    public static func read(bytes: [UInt8], file: String, limits: ContainerLimits = .default, maxCells: Int = maxCells) -> WorkbookRead {
        read(bytes: bytes, file: file, sha256: SHA256.hex(bytes), limits: limits, maxCells: maxCells)
    }

    private static func read(bytes: [UInt8], file: String, sha256: String, limits: ContainerLimits,
                             maxCells: Int = maxCells) -> WorkbookRead {
        let workbook: Workbook
        do {
            workbook = try Workbook(bytes: bytes, name: file, limits: limits)
        } catch {
            let why = reason(error)
            return failure(file: file, sha256: sha256, byteCount: bytes.count, reason: why.vietnamese, detail: why.detail)
        }
        var sheets: [RawSheet] = []
        var issues: [Issue] = []
        var details: [String] = []
        var repairs = workbook.repairs
        var cellCount = 0
        for info in workbook.sheets where info.kind == .worksheet {
            var sheet = RawSheet.Builder(file: file, name: info.name, index: info.index, isHidden: info.visibility != .visible)
            let keptBefore = cellCount
            do {
                let metadata = try workbook.forEachCell(in: info) { cell in
                    cellCount += 1
                    if cellCount > maxCells { throw TooManyCells() }
                    sheet.set(RawCell(rawValue(cell.value), hasFormula: cell.hasFormula),
                              at: CellPosition(row: cell.reference.row, column: cell.reference.column))
                }
                // A sheet skipped for its missing part is in `workbook.repairs`, not a sheet.
                if info.part == nil { continue }
                repairs += metadata.repairs
                sheets.append(sheet.build(mergedRanges: metadata.mergedRanges.map {
                    CellRange(first: CellPosition(row: $0.first.row, column: $0.first.column),
                              last: CellPosition(row: $0.last.row, column: $0.last.column))
                }))
            } catch is TooManyCells {
                // The refused sheet's cells are let go: the sheets after it may still be read.
                cellCount = keptBefore
                details.append("\(file) (sheet \(info.name)): more than \(maxCells) cells in the workbook; the sheet is not kept")
                issues.append(RuleID.workbookUnreadable.issue(Provenance(file: file, sheet: info.name),
                    "Không đọc được trang tính \"\(info.name)\" của tệp \(file): tệp có hơn \(Messages.number(Int64(maxCells))) ô có nội dung, vượt giới hạn an toàn của một báo cáo. Số liệu của trang này chưa được nhận; hãy xóa các dòng, cột thừa (hoặc các trang không thuộc mẫu biểu) rồi gửi lại."))
            } catch {
                // A sheet read half-way is not used: its rows could be silently incomplete.
                let why = reason(error)
                details.append(why.detail)
                issues.append(RuleID.workbookUnreadable.issue(Provenance(file: file, sheet: info.name),
                    "Không đọc được trang tính \"\(info.name)\" của tệp \(file): \(why.vietnamese). Số liệu của trang này chưa được nhận; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi gửi lại."))
            }
        }
        for repair in repairs {
            details.append(repair.description)
            issues.append(repairIssue(repair))
        }
        if sheets.isEmpty && !issues.contains(where: { $0.severity == .error }) {
            issues.append(RuleID.workbookUnreadable.issue(Provenance(file: file),
                "Tệp \(file) không có trang tính nào chứa bảng số liệu. Hãy gửi lại đúng mẫu biểu."))
        }
        return WorkbookRead(file: file, sha256: sha256, byteCount: bytes.count, sheets: sheets, issues: issues, details: details)
    }

    /// The `workbook-repaired` warning for one repair: file, sheet, what was repaired, that
    /// the values were read, and what to do.
    public static func repairIssue(_ repair: WorkbookRepair) -> Issue {
        let file = repair.file
        let place = repair.sheet.map { "Tệp \(file), trang tính \"\($0)\"" } ?? "Tệp \(file)"
        let remedy = "Hãy mở tệp bằng Excel (hoặc LibreOffice), lưu lại rồi gửi lại để tệp không còn lỗi."
        let message: String
        switch repair.kind {
        case .missingSheetPart:
            if let sheet = repair.sheet {
                message = "Tệp \(file): sổ tính có tên trang tính \"\(sheet)\" nhưng tệp không chứa nội dung trang này (tệp hỏng nhẹ, thường là trang macro còn sót). Đã bỏ qua trang này; số liệu của các trang khác vẫn được đọc. \(remedy)"
            } else {
                message = "Tệp \(file): thêm \(repair.count) trang tính được liệt kê nhưng không có nội dung trong tệp; đã bỏ qua các trang này, số liệu của các trang khác vẫn được đọc. \(remedy)"
            }
        case .checksumMismatch:
            message = "\(place): mã kiểm tra (CRC) của một phần dữ liệu không khớp, nhưng phần đó vẫn giải nén đầy đủ nên số liệu đã được đọc. Tệp có thể bị hỏng khi sao chép; hãy kiểm tra lại số liệu. \(remedy)"
        case .sharedStringOutOfRange:
            let first = repair.firstCell.map { " (ô đầu tiên: \($0))" } ?? ""
            message = "\(place): \(repair.count) ô\(first) trỏ tới chuỗi chữ không có trong tệp; các ô này được đọc là ô trống, như Excel hiển thị sau khi sửa tệp. Các ô khác vẫn được đọc. Hãy kiểm tra các ô đó. \(remedy)"
        case .packageRelationshipsMissing:
            message = "Tệp \(file): phần mục lục của tệp (\(repair.part ?? "_rels/.rels")) bị thiếu hoặc rỗng; đã tìm các trang tính ở vị trí thông thường và đọc được số liệu. \(remedy)"
        }
        return RuleID.workbookRepaired.issue(Provenance(file: file, sheet: repair.sheet ?? "", cell: repair.firstCell ?? ""), message)
    }

    static func rawValue(_ value: CellValue) -> RawValue {
        switch value {
        case .number(let d): .number(d)
        case .string(let s): .text(s)
        case .bool(let b): .bool(b)
        case .date(let d): .date(d.iso)
        case .error(let e): .error(e)
        case .empty: .empty
        }
    }

    private static func failure(file: String, sha256: String?, byteCount: Int, reason: String, detail: String) -> WorkbookRead {
        WorkbookRead(file: file, sha256: sha256, byteCount: byteCount, sheets: [], issues: [
            RuleID.workbookUnreadable.issue(Provenance(file: file),
                "Không đọc được tệp \(file): \(reason). Các tệp khác vẫn được xử lý; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx (Excel Workbook) rồi gửi lại."),
        ], details: [detail])
    }

    /// Why a file or sheet could not be read: a Vietnamese phrase for the statistician
    /// (issues.csv, the terminal) and the reader's English sentence for the technician
    /// (`WorkbookRead.details`, logged with `-v`). The two are never mixed in one message.
    public static func reason(_ error: any Error) -> (vietnamese: String, detail: String) {
        let e: XLSXError
        if let x = error as? XLSXError {
            e = x
        } else if let c = error as? ContainerError {
            e = XLSXError(c)
        } else {
            return ("không đọc được tệp (lỗi không xác định)", String(describing: error))
        }
        let vi: String
        switch e.kind {
        case .emptyFile: vi = "tệp rỗng (0 byte)"
        case .passwordProtected: vi = "tệp có đặt mật khẩu"
        case .legacyExcel: vi = "tệp là định dạng Excel cũ (.xls) đổi đuôi thành .xlsx"
        case .binaryWorkbook: vi = "tệp là định dạng .xlsb, không phải .xlsx"
        case .openDocument: vi = "tệp là định dạng OpenDocument (.ods), không phải .xlsx"
        case .textFile: vi = "tệp là văn bản (có thể là .csv) đổi đuôi thành .xlsx"
        case .xmlFile, .notAZip, .notAWorkbook, .otherCompoundFile: vi = "tệp không phải bảng tính .xlsx"
        case .corrupt, .missingPart, .malformedXML, .invalidCell: vi = "tệp bị hỏng hoặc không đầy đủ"
        case .tooLarge, .zipBomb: vi = "tệp quá lớn hoặc có cấu trúc bất thường (vượt giới hạn an toàn)"
        case .sheetTooLarge:
            vi = "các ô của trang tính chứa quá nhiều chữ, vượt giới hạn an toàn (thường do rất nhiều ô lặp lại một chuỗi chữ rất dài)"
        case .unsafeXML: vi = "tệp chứa nội dung XML không an toàn"
        case .unsupportedCompression: vi = "tệp dùng kiểu nén không được hỗ trợ"
        case .unreadableFile: vi = "không mở được tệp (tệp không tồn tại, liên kết hỏng hoặc không có quyền đọc)"
        case .notARegularFile:
            // RegularFile names what the path is in its reason: "a folder", "a named pipe (FIFO)"...
            let what = e.message.contains("a folder") ? "một thư mục"
                : e.message.contains("FIFO") ? "một ống dẫn có tên (FIFO)"
                : e.message.contains("a device") ? "một thiết bị"
                : e.message.contains("a socket") ? "một socket" : "không phải tệp thông thường"
            vi = "đây là \(what), không phải tệp bảng tính, nên không được mở (đọc nó có thể chờ mãi); hãy đặt chính tệp .xlsx vào đây"
        }
        return (vi, e.description)
    }
}
