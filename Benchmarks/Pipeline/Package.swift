// swift-tools-version: 6.1
// The benchmarks, release builds outside the product and its test suite:
//   PipelineBench   read, normalize, validate and store 10,000 commune rows, per stage (run.sh;
//                   scripts/bench-registry.sh runs its --registry-only form)
//   StoreBench      the SQLite store's import and load at national size (scripts/bench-store.sh)
//   AggregateBench  aggregation, trends and the report model of a national review
//                   (scripts/bench-aggregate.sh)
// A package of its own so that the product's Package.swift carries no benchmark target. Its
// Sources/ holds symlinks to the repository's module folders, whole (SwiftPM wants target
// folders inside the package): a benchmark builds against exactly the modules the product has,
// never a hand-picked list of files. The targets' dependencies mirror the product's
// Package.swift. See docs/performance.md.
import PackageDescription

let package = Package(
    name: "xhht-bench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
    ],
    targets: [
        .systemLibrary(name: "CZip", pkgConfig: "libzip"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .target(name: "OfficeXML", dependencies: ["CZip", "CLibXML2"]),
        .target(name: "XLSX", dependencies: ["OfficeXML"]),
        .target(name: "Core", dependencies: ["OfficeXML", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Units", dependencies: ["Core"]),
        .target(name: "Model", dependencies: ["Core"]),
        .target(name: "Config", dependencies: ["Core", "Units", "Model", .product(name: "Yams", package: "Yams")]),
        .target(name: "Intake", dependencies: ["Core", "Units", "Config", "XLSX", "OfficeXML", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Storage", dependencies: ["Core", "Intake", "CSQLite"]),
        .target(name: "Aggregate", dependencies: ["Core", "Units", "Config", "Model"]),
        .target(name: "Presentation", dependencies: ["Model", "Core"]),
        .target(name: "WordTemplate", dependencies: ["OfficeXML", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Render", dependencies: [
            "Model", "Core", "Presentation", "WordTemplate", .product(name: "Mustache", package: "swift-mustache"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "PipelineBench", dependencies: ["Core", "Units", "Config", "Intake", "Storage"]),
        .executableTarget(name: "StoreBench", dependencies: ["Core", "Storage"]),
        .executableTarget(name: "AggregateBench", dependencies: ["Core", "Units", "Config", "Model", "Aggregate", "Render"]),
    ],
    swiftLanguageModes: [.v6]
)
