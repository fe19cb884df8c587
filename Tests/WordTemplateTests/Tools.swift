import Foundation
import TestSupport

/// The outside tools some tests use, found once: the OOXML schema kit (the repository's copy,
/// `tools/ooxml/validate.sh`, which needs unzip, xmllint and xsltproc) and python3 with
/// python-docx. A test that needs one is skipped
/// with a message saying what to install when it is missing.
enum Tools {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let validator = repository.appendingPathComponent("tools/ooxml/validate.sh").path
    /// The first python3 on PATH (pyenv's shim or the system's), as a shell would pick it.
    static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        .split(separator: ":").map { $0 + "/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let hasValidator: Bool = {
        guard FileManager.default.fileExists(atPath: validator) else { return false }
        return ["/usr/bin/unzip", "/usr/bin/xmllint", "/usr/bin/xsltproc"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let hasPythonDocx: Bool = {
        guard let python, let r = try? ChildProcess.run(URL(fileURLWithPath: python), ["-c", "import docx"], timeout: 60) else { return false }
        return r.status == 0
    }()

    /// Runs validate.sh on a file: its exit status and what it printed.
    static func validate(_ path: String) throws -> (ok: Bool, output: String) {
        let r = try ChildProcess.run(URL(fileURLWithPath: "/bin/bash"), [validator, path])
        return (r.status == 0, r.stdout + r.stderr)
    }

    /// Runs a Python script with arguments; throws with its stderr when it fails.
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let r = try ChildProcess.run(URL(fileURLWithPath: python!), ["-c", script] + arguments)
        guard r.status == 0 else { throw PythonFailure(message: r.stderr) }
        return r.stdout
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }
}
