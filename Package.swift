// swift-tools-version: 6.1
import PackageDescription
import Foundation

// The fuzz targets link libFuzzer's main: they are only part of the package when asked for
// (XHHT_FUZZ=1 swift build -c release --sanitize fuzzer ... --product xhht-fuzz-sheet),
// so that a plain `swift build` never tries to link them.
let fuzzing = ProcessInfo.processInfo.environment["XHHT_FUZZ"] == "1"

var targets: [Target] = [
    // C system libraries: a module map and a header each, nothing else.
    .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

    // Zip container with limits, streaming XML reader, XML writing and escaping.
    .target(name: "OfficeXML", dependencies: ["CZip", "CLibXML2"]),
    // Workbooks: sheets, shared strings, styles and dates, streaming cells, merged ranges.
    .target(name: "XLSX", dependencies: ["OfficeXML"]),
    // The domain, one module per step, arrows one way (docs/architecture.md draws the graph).
    // Exact numbers, text folding, cell positions, findings and their rule ids, atomic files,
    // SHA-256, stage timing: the vocabulary every other module speaks.
    .target(name: "Core", dependencies: ["OfficeXML", .product(name: "Crypto", package: "swift-crypto")]),
    // The unit registry: names, codes, levels, lineage across reorganisations.
    .target(name: "Units", dependencies: ["Core"]),
    // The report model: plain values every output is written from, and the settings it carries.
    .target(name: "Model", dependencies: ["Core"]),
    // pipeline.yml: decoding with line and column, checks, overrides.
    .target(name: "Config", dependencies: ["Core", "Units", "Model", .product(name: "Yams", package: "Yams")]),
    // Workbooks in, records and findings out: ingest, normalize, validate.
    .target(name: "Intake", dependencies: ["Core", "Units", "Config", "XLSX", "OfficeXML", .product(name: "Crypto", package: "swift-crypto")]),
    // The SQLite store: runs, submissions, facts, issues; archive.
    .target(name: "Storage", dependencies: ["Core", "Units", "Intake", "CSQLite"]),
    // The catalogue compiled, totals up the hierarchy, ranks, trends, and the report model built.
    .target(name: "Aggregate", dependencies: ["Core", "Units", "Config", "Model"]),
    // Report model -> presented report: every sentence, word and vi-VN number, table cells and
    // chart specifications, format-neutral (no HTML): what every renderer prints.
    .target(name: "Presentation", dependencies: ["Model", "Core", "OfficeXML"]),
    // Presented report -> HTML (Mustache templates, SVG charts) and DOCX (Word templates);
    // report model -> CSV, JSON, manifest.
    .target(name: "Render", dependencies: [
        "Model", "Core", "Presentation", "WordTemplate", "OfficeXML", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
    ]),
    // Input and output folders, the lock, the typed stages and their orchestration, exit status.
    .target(name: "Run", dependencies: [
        "Core", "Units", "Config", "Model", "Intake", "Storage", "Aggregate", "Presentation", "Render", "WordTemplate", "OfficeXML",
        .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
    ]),
    // The command line, and nothing else: flags, the summary printed, the exit code. It names
    // the modules whose types it prints or catches (cells, archive, store errors).
    .executableTarget(name: "xhht", dependencies: [
        "XLSX", "Core", "Config", "Intake", "Storage", "Presentation", "Render", "Run",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
    ]),

    .testTarget(name: "OfficeXMLTests", dependencies: ["OfficeXML", "TestSupport"]),
    // Fixtures are read from their folder (#filePath), not from a bundle.
    .testTarget(name: "XLSXTests", dependencies: ["XLSX", "OfficeXML"], exclude: ["Fixtures"]),
    // One target for the domain's tests: many of them cross modules (a sheet read, normalized
    // and validated against a registry), and their shared helpers would otherwise be copied.
    .testTarget(name: "DomainTests", dependencies: [
        "Core", "Units", "Config", "Model", "Intake", "Storage", "Aggregate", "Run",
        .product(name: "Crypto", package: "swift-crypto"),
    ]),
    // Helpers shared by test targets (running a child process); no product links it.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "PresentationTests", dependencies: ["Presentation", "Model", "Core"]),
    .testTarget(name: "RenderTests", dependencies: ["Render", "WordTemplate", "OfficeXML", "Presentation", "Model", "Core", "Units", "Config", "Aggregate", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
    .testTarget(name: "EndToEndTests", dependencies: ["xhht", "TestSupport"]),
    // Word templates: a .docx with Mustache tags + a context -> a .docx (docs/word-templates.md).
    .target(name: "WordTemplate", dependencies: ["OfficeXML", .product(name: "Mustache", package: "swift-mustache")]),
    .testTarget(name: "WordTemplateTests", dependencies: ["WordTemplate", "OfficeXML", "TestSupport"]),
]

if fuzzing {
    targets.append(.executableTarget(name: "xhht-fuzz-sheet", dependencies: ["XLSX", "OfficeXML"], path: "Fuzz/Sheet"))
    // Raw XML for one part (worksheet, shared strings, styles, workbook, rels) inside a fixed package.
    targets.append(.executableTarget(name: "xhht-fuzz-sheetxml", dependencies: ["XLSX", "OfficeXML"], path: "Fuzz/SheetXML"))
}

let package = Package(
    name: "xhht",
    platforms: [.macOS(.v13)],
    products: [.executable(name: "xhht", targets: ["xhht"])],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        // SHA-256 fingerprints of inputs and outputs. 4.x, not 3.12: the current major line
        // (3.x only gets fixes), and its minimum toolchain is below ours (Swift 6.3).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
