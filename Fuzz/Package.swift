// swift-tools-version: 6.0
import PackageDescription

// Coverage-guided fuzz targets (libFuzzer) for the readers and the number parser. Not part of the main
// build or of `swift test`: built and run by `scripts/fuzz.sh`, which passes `-sanitize=fuzzer,address`
// (libFuzzer supplies `main`, so the targets are built with `-parse-as-library`).
let package = Package(
    name: "nianbao-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "nianbao", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzDriver", .product(name: "NianbaoPipeline", package: "nianbao")]),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzDriver", .product(name: "NianbaoPipeline", package: "nianbao")]),
        .executableTarget(name: "FuzzPDF", dependencies: ["FuzzDriver", .product(name: "NianbaoPipeline", package: "nianbao")]),
        .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzDriver", .product(name: "NianbaoPipeline", package: "nianbao")]),
    ],
    swiftLanguageModes: [.v6]
)
