// swift-tools-version: 6.1
// The pipeline benchmark: read, normalize, validate and store 10,000 commune rows, per stage.
// A package of its own so that the product's Package.swift carries no benchmark target; its
// Sources/ holds symlinks to the repository's own modules (SwiftPM wants target folders inside
// the package). See Benchmarks/Pipeline/README.md and docs/performance.md.
import PackageDescription

let package = Package(
    name: "xhht-bench-pipeline",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CZip", pkgConfig: "libzip"),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .target(name: "OfficeXML", dependencies: ["CZip", "CLibXML2"]),
        .target(name: "XLSX", dependencies: ["OfficeXML"]),
        .target(name: "Rollup", dependencies: [
            "XLSX", "OfficeXML", "CSQLite",
            .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "PipelineBench", dependencies: ["Rollup"]),
    ],
    swiftLanguageModes: [.v6]
)
