import Foundation
import OfficeXML

/// Writes files so that a killed run never leaves a half-written report, and a re-run on the
/// same inputs rewrites nothing: the bytes go to a temporary file in the same folder, are
/// flushed to disk and renamed over the target, and the folder is flushed (OfficeXML's
/// `AtomicWrite`, the one primitive, said here in Vietnamese); when the target already holds exactly these
/// bytes, nothing is touched (its modification time stays, so `make`-like tools and people see
/// that nothing changed).
///
///     let changed = try AtomicFile.write(Array(html.utf8), to: URL(fileURLWithPath: "Output/2024/bao-cao.html"))
public enum AtomicFile {
    /// - Returns: true when the file was created or changed, false when it already held these bytes.
    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL) throws -> Bool {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            return try AtomicWrite.replacing(url.path, with: bytes)
        } catch let failure as AtomicWrite.Failure {
            let operation = switch failure.step {
            case .create: "tạo tệp tạm"
            case .write: "ghi"
            case .sync: "ghi xuống đĩa"
            case .rename: "đổi tên tệp tạm thành"
            }
            // The report's name, not the temporary file's: that is the file the reader knows.
            throw AtomicFileError(path: url.path, operation: operation, code: failure.code)
        }
    }

    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Bool {
        try write(Array(text.utf8), to: url)
    }
}

/// A file could not be written; the message names the file and the system's reason.
public struct AtomicFileError: Error, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public var description: String {
        "Không \(operation) được tệp \(path): \(String(cString: strerror(code)))"
    }
}
