import CZip
import Foundation

/// A zip archive opened for reading parts, over libzip, with the limits of `ContainerLimits`.
///
/// The file is sniffed before libzip sees it, so a renamed .xls, an encrypted workbook, a CSV
/// or an empty file is refused with a sentence saying what it is. Part lookup is
/// case-insensitive and tolerates backslashes; entries whose names climb out of the package
/// ("../x", "C:/x") are ignored (nothing is ever extracted to disk, they are simply not parts).
///
///     let zip = try ZipContainer(path: "Input/huyen-a.xlsx")
///     try zip.streamPart("xl/worksheets/sheet1.xml") { chunk in parser.feed(chunk) }
///
/// Ownership: a container and its libzip handle belong to one thread at a time; it is not
/// Sendable. Open one container per task to read files in parallel.
public final class ZipContainer {
    /// The file's name for messages (the path given, or the name given with the bytes).
    public let fileName: String
    public let limits: ContainerLimits
    /// The normalised names of the usable entries, in archive order.
    public private(set) var partNames: [String] = []
    /// Entries skipped because their names climb out of the package.
    public private(set) var ignoredEntryNames: [String] = []
    /// Parts read whose CRC-32 did not match their data although they inflated completely,
    /// in the order met, each once. Such a part is read as it inflated (what Excel and
    /// LibreOffice do after "repairing" the file); the reader says so as a repair.
    public private(set) var checksumMismatches: [String] = []

    private let archive: OpaquePointer
    private var entries: [String: Entry] = [:]   // lowercased normalised name -> entry
    private var inflatedTotal: Int64 = 0

    struct Entry {
        let index: UInt64
        let name: String
        let size: Int64?
        let compressedSize: Int64?
    }

    /// Opens the zip at `path` (after sniffing its first bytes). Only a regular file (or a
    /// symlink to one) is opened: a FIFO, a device or a folder is refused before any read
    /// (`RegularFile`), and libzip reads the very descriptor that was checked.
    public convenience init(path: String, limits: ContainerLimits = .default) throws {
        let display = path
        let fd = try RegularFile.open(path)
        var owned = true   // until libzip takes the descriptor
        defer { if owned { close(fd) } }
        func read(upTo count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(done)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            return Array(bytes.prefix(done))
        }
        let head = read(upTo: 4096)
        var kind = FileKind.sniff(head)
        if kind == .compoundFile || kind == .legacyExcel || kind == .encryptedOffice {
            // The directory naming the streams may be anywhere: look at up to 64 MiB.
            var st = stat()
            _ = fstat(fd, &st)
            kind = FileKind.sniff(read(upTo: Int(min(Int64(st.st_size), 64 << 20))))
        }
        if let refusal = kind.refusal(file: display) { throw refusal }
        var code: Int32 = 0
        guard let za = zip_fdopen(fd, ZIP_RDONLY, &code) else {
            throw Self.openError(code: code, file: display)
        }
        owned = false
        try self.init(archive: za, fileName: display, limits: limits)
    }

    /// Opens a zip held in memory (the fuzz target and uploads use this). The bytes are
    /// copied into a malloc'd buffer that libzip owns and frees: libzip reads its source
    /// lazily, so it must never point into a Swift array.
    public convenience init(bytes: [UInt8], name: String, limits: ContainerLimits = .default) throws {
        let kind = FileKind.sniff(bytes)
        if let refusal = kind.refusal(file: name) { throw refusal }
        guard let copy = malloc(max(bytes.count, 1)) else {
            throw ContainerError(.unreadableFile, file: name, reason: "there is not enough memory to open the file.")
        }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(copy, base, raw.count) }
        }
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(copy, UInt64(bytes.count), 1, &error) else {
            free(copy)
            throw ContainerError(.unreadableFile, file: name, reason: "the file cannot be read: \(String(cString: zip_error_strerror(&error))).")
        }
        guard let za = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)  // also frees `copy` (freep = 1)
            throw Self.openError(code: zip_error_code_zip(&error), file: name)
        }
        try self.init(archive: za, fileName: name, limits: limits)
    }

    private init(archive: OpaquePointer, fileName: String, limits: ContainerLimits) throws {
        self.archive = archive
        self.fileName = fileName
        self.limits = limits
        let count = zip_get_num_entries(archive, 0)
        if count < 0 || count > Int64(limits.maxEntries) {
            // Every stored property is set: deinit runs and discards the archive.
            throw ContainerError(.tooManyEntries, file: fileName,
                                 reason: "the archive lists \(count) entries, more than the \(limits.maxEntries) a workbook may have; it is not a workbook or it is built to exhaust the reader.")
        }
        for i in 0..<UInt64(count) {
            guard let cname = zip_get_name(archive, i, ZIP_FL_ENC_GUESS) else { continue }
            let raw = String(cString: cname)
            guard let name = PartName.normalize(raw) else {
                if !raw.hasSuffix("/") { ignoredEntryNames.append(raw) }
                continue
            }
            if raw.hasSuffix("/") { continue }  // a folder entry
            var st = zip_stat_t()
            zip_stat_init(&st)
            var size: Int64?
            var compressed: Int64?
            if zip_stat_index(archive, i, 0, &st) == 0 {
                if st.valid & UInt64(ZIP_STAT_SIZE) != 0 { size = Int64(clamping: st.size) }
                if st.valid & UInt64(ZIP_STAT_COMP_SIZE) != 0 { compressed = Int64(clamping: st.comp_size) }
            }
            let key = name.lowercased()
            // A name listed twice: the last entry wins, as in Python's zipfile (openpyxl) and
            // the zip crate (calamine), so the reader reads what the corpus' oracles read.
            if entries[key] == nil { partNames.append(name) }
            entries[key] = Entry(index: i, name: name, size: size, compressedSize: compressed)
        }
    }

    deinit { zip_discard(archive) }

    /// The actual name of `part` in the archive (case-insensitive, backslash-tolerant,
    /// %-escapes decoded as a fallback), or nil when absent.
    public func resolve(_ part: String) -> String? {
        entry(part)?.name
    }

    public func contains(_ part: String) -> Bool { entry(part) != nil }

    /// The declared uncompressed size of a part (from the central directory; it may lie).
    public func declaredSize(of part: String) -> Int64? { entry(part)?.size }

    private func entry(_ part: String) -> Entry? {
        if let key = PartName.key(part), let e = entries[key] { return e }
        if let decoded = PartName.percentDecoded(part), let key = PartName.key(decoded) { return entries[key] }
        return nil
    }

    /// Reads a whole part into memory (for small parts: rels, workbook.xml, styles).
    public func readPart(_ part: String) throws -> [UInt8] {
        var out: [UInt8] = []
        if let size = entry(part)?.size, size > 0, size < 64 << 20 { out.reserveCapacity(Int(size)) }
        try streamPart(part) { chunk in out.append(contentsOf: chunk) }
        return out
    }

    /// Inflates `part` in chunks of up to `chunkSize` bytes, counting the bytes produced
    /// against the limits (the declared size can lie), and calls `body` for each chunk.
    /// The chunk is only valid during the call.
    public func streamPart(_ part: String, chunkSize: Int = 64 << 10, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let e = entry(part) else {
            throw ContainerError(.missingPart, file: fileName, part: part, reason: "the part is missing from the package.")
        }
        try checkDeclared(e)
        guard let file = zip_fopen_index(archive, e.index, 0) else {
            var error = zip_get_error(archive)!.pointee
            throw entryError(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)), part: e.name)
        }
        defer { zip_fclose(file) }
        let size = max(4096, chunkSize)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var produced: Int64 = 0
        while true {
            let n = zip_fread(file, buffer, UInt64(size))
            if n < 0 {
                let err = zip_file_get_error(file)!
                // libzip checks the CRC once the whole entry has inflated and been handed
                // out: every byte is there, only the checksum disagrees.
                if zip_error_code_zip(err) == ZIP_ER_CRC {
                    noteChecksumMismatch(e.name)
                    break
                }
                throw entryError(code: zip_error_code_zip(err), message: String(cString: zip_error_strerror(err)), part: e.name)
            }
            if n == 0 { break }
            produced += n
            inflatedTotal += n
            try checkCounted(e, produced: produced)
            try body(UnsafeRawBufferPointer(start: buffer, count: Int(n)))
        }
    }

    /// Like `streamPart`, but inflates on a second thread while `body` runs on this one
    /// (see `InflatePipe`); the same limits are counted. Worth it for large parts only.
    public func streamPartConcurrently(_ part: String, chunkSize: Int = 64 << 10, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let e = entry(part) else {
            throw ContainerError(.missingPart, file: fileName, part: part, reason: "the part is missing from the package.")
        }
        try checkDeclared(e)
        guard let file = zip_fopen_index(archive, e.index, 0) else {
            var error = zip_get_error(archive)!.pointee
            throw entryError(code: zip_error_code_zip(&error), message: String(cString: zip_error_strerror(&error)), part: e.name)
        }
        defer { zip_fclose(file) }
        let pipe = InflatePipe(file: file, size: max(4096, chunkSize))
        pipe.start()
        defer { pipe.finish() }
        var produced: Int64 = 0
        while let chunk = pipe.nextChunk() {
            produced += Int64(chunk.count)
            inflatedTotal += Int64(chunk.count)
            try checkCounted(e, produced: produced)
            try body(chunk)
            pipe.release()
        }
        if let failure = pipe.failure {
            if failure.code == ZIP_ER_CRC {
                noteChecksumMismatch(e.name)  // as in streamPart: all the bytes were handed out
                return
            }
            throw entryError(code: failure.code, message: failure.message, part: e.name)
        }
    }

    private func noteChecksumMismatch(_ part: String) {
        if !checksumMismatches.contains(part) { checksumMismatches.append(part) }
    }

    private func checkDeclared(_ e: Entry) throws {
        guard let size = e.size else { return }
        if size > limits.maxEntrySize {
            throw ContainerError(.entryTooLarge, file: fileName, part: e.name,
                                 reason: "the part declares \(size) bytes uncompressed, more than the limit of \(limits.maxEntrySize); the file is not read (a zip bomb or a workbook far larger than a report).")
        }
        if inflatedTotal + size > limits.maxTotalSize {
            throw ContainerError(.totalTooLarge, file: fileName, part: e.name,
                                 reason: "the parts read so far and this one declare more than \(limits.maxTotalSize) bytes uncompressed; the file is not read further.")
        }
        if let comp = e.compressedSize, size > limits.ratioThreshold, size / max(comp, 1) > limits.maxCompressionRatio {
            throw ContainerError(.compressionRatio, file: fileName, part: e.name,
                                 reason: "the part would inflate from \(comp) to \(size) bytes (ratio \(size / max(comp, 1)):1, limit \(limits.maxCompressionRatio):1); this looks like a zip bomb and is not inflated.")
        }
    }

    private func checkCounted(_ e: Entry, produced: Int64) throws {
        if produced > limits.maxEntrySize {
            throw ContainerError(.entryTooLarge, file: fileName, part: e.name,
                                 reason: "the part inflates to more than \(limits.maxEntrySize) bytes (it declared \(e.size.map(String.init) ?? "no size")); reading stopped: the archive lies about its sizes or is a zip bomb.")
        }
        if inflatedTotal > limits.maxTotalSize {
            throw ContainerError(.totalTooLarge, file: fileName, part: e.name,
                                 reason: "the parts read inflate to more than \(limits.maxTotalSize) bytes together; reading stopped.")
        }
        if produced > limits.ratioThreshold, let comp = e.compressedSize, produced / max(comp, 1) > limits.maxCompressionRatio {
            throw ContainerError(.compressionRatio, file: fileName, part: e.name,
                                 reason: "the part inflated from \(comp) compressed bytes to more than \(produced) (ratio over \(limits.maxCompressionRatio):1, declared size \(e.size.map(String.init) ?? "none")); reading stopped: this looks like a zip bomb.")
        }
    }

    private func entryError(code: Int32, message: String, part: String) -> ContainerError {
        switch code {
        case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
            return ContainerError(.encryptedEntry, file: fileName, part: part, reason: "the part is encrypted inside the zip (password-protected archive); save the workbook again without a password.")
        case ZIP_ER_COMPNOTSUPP:
            return ContainerError(.unsupportedCompression, file: fileName, part: part, reason: "the part uses a compression method this reader does not support; open the workbook in Excel or LibreOffice and save it again as .xlsx.")
        case ZIP_ER_CRC:
            return ContainerError(.corrupt, file: fileName, part: part, reason: "the part is damaged (its checksum does not match its data); the file was corrupted in transfer: ask for it again.")
        default:
            return ContainerError(.corrupt, file: fileName, part: part, reason: "the part cannot be read (\(message)); the file is damaged or truncated: ask for it again.")
        }
    }

    private static func openError(code: Int32, file: String) -> ContainerError {
        switch code {
        case ZIP_ER_NOZIP, ZIP_ER_INCONS, ZIP_ER_EOF, ZIP_ER_READ, ZIP_ER_SEEK:
            return ContainerError(.corrupt, file: file, reason: "the zip archive is truncated or corrupt (its table of contents cannot be read); the file was probably cut off while copying or downloading: ask for it again.")
        case ZIP_ER_OPEN, ZIP_ER_NOENT:
            return ContainerError(.unreadableFile, file: file, reason: "the file cannot be opened.")
        case ZIP_ER_MEMORY:
            return ContainerError(.unreadableFile, file: file, reason: "there is not enough memory to open the file.")
        default:
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            return ContainerError(.corrupt, file: file, reason: "the zip archive cannot be opened (\(String(cString: zip_error_strerror(&error)))); the file is damaged: ask for it again.")
        }
    }
}
