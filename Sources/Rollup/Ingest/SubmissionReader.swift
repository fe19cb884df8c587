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
    public static func read(path: String, limits: ContainerLimits = .default) -> WorkbookRead {
        let file = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return failure(file: file, sha256: nil, byteCount: 0,
                           reason: "không mở được tệp (\(error.localizedDescription))")
        }
        let digest = SHA256.hex(bytes)
        return read(bytes: bytes, file: file, sha256: digest, limits: limits)
    }

    /// Reads a workbook already in memory (tests, or bytes received another way).
    public static func read(bytes: [UInt8], file: String, limits: ContainerLimits = .default) -> WorkbookRead {
        read(bytes: bytes, file: file, sha256: SHA256.hex(bytes), limits: limits)
    }

    private static func read(bytes: [UInt8], file: String, sha256: String, limits: ContainerLimits) -> WorkbookRead {
        let workbook: Workbook
        do {
            workbook = try Workbook(bytes: bytes, name: file, limits: limits)
        } catch {
            return failure(file: file, sha256: sha256, byteCount: bytes.count, reason: reason(error))
        }
        var sheets: [RawSheet] = []
        var issues: [Issue] = []
        for info in workbook.sheets where info.kind == .worksheet {
            var sheet = RawSheet.Builder(file: file, name: info.name, index: info.index, isHidden: info.visibility != .visible)
            do {
                let metadata = try workbook.forEachCell(in: info) { cell in
                    sheet.set(RawCell(rawValue(cell.value), hasFormula: cell.hasFormula),
                              at: CellPosition(row: cell.reference.row, column: cell.reference.column))
                }
                sheets.append(sheet.build(mergedRanges: metadata.mergedRanges.map {
                    CellRange(first: CellPosition(row: $0.first.row, column: $0.first.column),
                              last: CellPosition(row: $0.last.row, column: $0.last.column))
                }))
            } catch {
                // A sheet read half-way is not used: its rows could be silently incomplete.
                issues.append(RuleID.workbookUnreadable.issue(Provenance(file: file, sheet: info.name),
                    "Không đọc được trang tính \"\(info.name)\" của tệp \(file): \(reason(error)). Số liệu của trang này chưa được nhận; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx rồi gửi lại."))
            }
        }
        if sheets.isEmpty && issues.isEmpty {
            issues.append(RuleID.workbookUnreadable.issue(Provenance(file: file),
                "Tệp \(file) không có trang tính nào chứa bảng số liệu. Hãy gửi lại đúng mẫu biểu."))
        }
        return WorkbookRead(file: file, sha256: sha256, byteCount: bytes.count, sheets: sheets, issues: issues)
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

    private static func failure(file: String, sha256: String?, byteCount: Int, reason: String) -> WorkbookRead {
        WorkbookRead(file: file, sha256: sha256, byteCount: byteCount, sheets: [], issues: [
            RuleID.workbookUnreadable.issue(Provenance(file: file),
                "Không đọc được tệp \(file): \(reason). Các tệp khác vẫn được xử lý; hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dưới dạng .xlsx (Excel Workbook) rồi gửi lại."),
        ])
    }

    /// The reason in Vietnamese, with the reader's own sentence kept for the technician.
    static func reason(_ error: any Error) -> String {
        guard let e = error as? XLSXError else { return String(describing: error) }
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
        case .unsafeXML: vi = "tệp chứa nội dung XML không an toàn"
        case .unsupportedCompression: vi = "tệp dùng kiểu nén không được hỗ trợ"
        case .unreadableFile: vi = "không mở được tệp"
        }
        return "\(vi) [\(e.description)]"
    }
}
