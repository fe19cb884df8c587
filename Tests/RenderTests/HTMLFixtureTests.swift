import Testing
import Foundation
import Rollup
@testable import Render

/// Paths and hand-made models for the HTML tests (no other stage of the pipeline is used).
enum RenderFixtures {
    /// The repository's `Templates/html`, found from this file (symlinks resolved).
    static var templatesFolder: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates/html", isDirectory: true)
    }
}
