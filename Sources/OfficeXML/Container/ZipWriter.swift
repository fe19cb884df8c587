import CZip
import Foundation

/// Writes a zip archive (DOCX/XLSX outputs, test fixtures) over libzip, byte-identical for
/// the same entries: every entry gets the DOS time 1980-01-01 00:00 and deflate level 6, in
/// the order added.
///
///     let zip = ZipWriter()
///     zip.add("[Content_Types].xml", Array(types.utf8))
///     try zip.write(to: "Output/2025/summary.xlsx")
///
/// Entries are held in memory until `write`. Not Sendable: one writer per task.
public final class ZipWriter {
    public enum Compression: Sendable { case deflate, store }

    private var entries: [(name: String, bytes: [UInt8], compression: Compression)] = []

    public init() {}

    public func add(_ name: String, _ bytes: [UInt8], compression: Compression = .deflate) {
        entries.append((name, bytes, compression))
    }

    /// The archive's bytes.
    public func archiveBytes() throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("xhht-zip-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ContainerError(.unreadableFile, file: path, reason: "the zip just written cannot be read back.")
        }
        return [UInt8](data)
    }

    /// Writes the archive to `path` (replacing it) through a temporary file in the same folder.
    public func write(to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        var code: Int32 = 0
        guard let za = zip_open(temporary, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            throw ContainerError(.unreadableFile, file: path, reason: "the file cannot be created (libzip error \(code)); check the folder exists and is writable.")
        }
        for entry in entries {
            // libzip reads the source at zip_close: hand it a malloc'd copy it frees itself.
            let copy = malloc(max(entry.bytes.count, 1))!
            entry.bytes.withUnsafeBytes { raw in if let b = raw.baseAddress { memcpy(copy, b, raw.count) } }
            guard let source = zip_source_buffer(za, copy, UInt64(entry.bytes.count), 1) else {
                free(copy)
                zip_discard(za)
                throw ContainerError(.unreadableFile, file: path, reason: "libzip could not take the entry \(entry.name).")
            }
            let index = zip_file_add(za, entry.name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
            if index < 0 {
                zip_source_free(source)
                zip_discard(za)
                throw ContainerError(.unreadableFile, file: path, reason: "libzip could not add the entry \(entry.name).")
            }
            zip_file_set_dostime(za, UInt64(index), 0, 0x21, 0)
            switch entry.compression {
            case .deflate: zip_set_file_compression(za, UInt64(index), ZIP_CM_DEFLATE, 6)
            case .store: zip_set_file_compression(za, UInt64(index), ZIP_CM_STORE, 0)
            }
        }
        if zip_close(za) != 0 {
            let message = String(cString: zip_strerror(za))
            zip_discard(za)
            unlink(temporary)
            throw ContainerError(.unreadableFile, file: path, reason: "the zip could not be written (\(message)).")
        }
        if rename(temporary, path) != 0 {
            unlink(temporary)
            throw ContainerError(.unreadableFile, file: path, reason: "the finished file could not be moved into place.")
        }
    }
}
