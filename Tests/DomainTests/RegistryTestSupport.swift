import Foundation

/// Where the test data of ../shared lives, if anywhere: $XHHT_SHARED, then ../shared beside the
/// repository, then /work/shared. CI's fresh clone may have none of them: tests that need the big
/// national lists are skipped then, with a message saying so.
enum SharedData {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let root: URL? = {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["XHHT_SHARED"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        candidates.append(repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared"))
        candidates.append(URL(fileURLWithPath: "/work/shared"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("domain/units").path) }
    }()

    /// The path of a file of shared/domain/units, nil when shared/ is absent.
    static func units(_ name: String) -> String? {
        guard let path = root?.appendingPathComponent("domain/units/\(name)").path,
              FileManager.default.fileExists(atPath: path) else { return nil }
        return path
    }

    static let skipMessage = "shared/domain/units not found (set XHHT_SHARED to the shared folder): national-list tests skipped"
}
