import Foundation

/// The report as PDF (`Output/<year>/bao-cao.pdf`, `pdf` in pipeline.yml's `outputs`): the
/// DOCX converted by LibreOffice, the same document Word prints, never a second layout.
///
///     guard let office = OfficePDF.locate() else { /* warn once, go on */ }
///     let pdf = try office.convert(docx: bytes, date: "20241205")   // "%PDF-1.7 ..."
///
/// LibreOffice runs headless with a profile of its own in a temporary folder (a user's open
/// LibreOffice, its lock or a damaged profile cannot interfere), under a time limit. Its exit
/// status is 0 even when nothing was converted, so the PDF itself is the proof: it must exist
/// and start with `%PDF`. The result goes through `PDFIdentity`, so that the same DOCX gives
/// the same bytes with the same LibreOffice and fonts. Failures are `OfficePDF.Failure`s with a
/// Vietnamese message; the session warns and goes on (the DOCX is the official document).
public struct OfficePDF: Sendable {
    /// The `soffice` program.
    public var program: URL
    /// How long a conversion may take before it is stopped.
    public var timeout: Duration = .seconds(180)

    public struct Failure: Error, CustomStringConvertible {
        /// Vietnamese, for the user.
        public var message: String
        /// What LibreOffice printed, for `-v`.
        public var detail: String?
        public var description: String { message }
    }

    public init(program: URL) {
        self.program = program
    }

    /// `XHHT_SOFFICE` when it names an executable file, else the first `soffice` on `PATH`; nil
    /// when there is none (or `XHHT_SOFFICE` names nothing runnable: a wrong override is not
    /// silently replaced by another LibreOffice).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> OfficePDF? {
        let fm = FileManager.default
        if let override = environment["XHHT_SOFFICE"], !override.isEmpty {
            return fm.isExecutableFile(atPath: override) ? OfficePDF(program: URL(fileURLWithPath: override)) : nil
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let path = "\(dir)/soffice"
            if fm.isExecutableFile(atPath: path) { return OfficePDF(program: URL(fileURLWithPath: path)) }
        }
        return nil
    }

    /// The PDF of a DOCX; `date` (YYYYMMDD, the report's date) becomes its creation date.
    /// - Throws: `Failure` when LibreOffice cannot be started, runs past the time limit or
    ///   writes no PDF.
    public func convert(docx: [UInt8], date: String) throws -> [UInt8] {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("xhht-pdf-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        defer { try? fm.removeItem(at: work) }
        let input = work.appendingPathComponent("bao-cao.docx"), outDir = work.appendingPathComponent("pdf", isDirectory: true)
        let log = work.appendingPathComponent("soffice.log")
        do {
            try fm.createDirectory(at: outDir, withIntermediateDirectories: true)
            try Data(docx).write(to: input)
            _ = fm.createFile(atPath: log.path, contents: nil)
        } catch {
            throw Failure(message: "không tạo được thư mục tạm \(work.path) để chuyển sang PDF", detail: "\(error)")
        }

        let process = Process()
        process.executableURL = program
        process.arguments = ["-env:UserInstallation=\(work.appendingPathComponent("profile", isDirectory: true).absoluteString)",
                             "--headless", "--norestore", "--nologo", "--nolockcheck",
                             "--convert-to", "pdf", "--outdir", outDir.path, input.path]
        // Output to a file, not a pipe: a full pipe would stall LibreOffice.
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle ?? FileHandle.nullDevice
        process.standardError = handle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(message: "không chạy được LibreOffice (\(program.path))", detail: "\(error)")
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); finished.wait() }
            throw Failure(message: "LibreOffice chưa chuyển xong sau \(Int(seconds)) giây nên đã bị dừng", detail: Self.text(of: log))
        }
        try? handle?.close()
        let pdf = outDir.appendingPathComponent("bao-cao.pdf")
        guard let data = fm.contents(atPath: pdf.path), data.starts(with: Array("%PDF".utf8)) else {
            throw Failure(message: "LibreOffice không tạo được tệp PDF (mã thoát \(process.terminationStatus))", detail: Self.text(of: log))
        }
        return PDFIdentity.normalized(Array(data), date: date)
    }

    private static func text(of log: URL) -> String? {
        FileManager.default.contents(atPath: log.path).map { String(decoding: $0, as: UTF8.self) }
    }
}
