// swift-tools-version: 6.0
import PackageDescription

// One module per pipeline stage; NianbaoModel is the document model every stage shares.
// C libraries are wrapped once each (CPoppler, CLibXML2, CPCRE2, COpenCC, CXlsxWriter) and never seen above their reader.
let withoutShippedRules = Context.environment["NIANBAO_WITHOUT_SHIPPED_RULES"] != nil

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoPipeline", targets: ["NianbaoPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "NianbaoModel"),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib",
                       providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8",
                       providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc",
                       providers: [.apt(["libopencc-dev", "libopencc-data"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        // The rule files' loader (line-pointing errors) and the words of document layout every stage reads.
        .target(name: "RuleFiles", dependencies: ["NianbaoModel", "ShippedRules", .product(name: "Yams", package: "Yams")]),
        .target(name: "Extraction", dependencies: ["NianbaoModel", "RuleFiles", "CPoppler", "CLibXML2"]),
        // OpenCC's dictionaries listed through its C++ API (the C API only converts): see ConversionTriggers.
        .target(name: "COpenCCKeys", dependencies: ["COpenCC"], linkerSettings: [.linkedLibrary("opencc")]),
        .target(name: "Cleaning", dependencies: ["NianbaoModel", "RuleFiles", "COpenCC", "COpenCCKeys"]),
        .target(name: "Segmentation", dependencies: ["NianbaoModel", "RuleFiles", "Cleaning"]),
        .target(name: "Numbers", dependencies: ["NianbaoModel"]),
        .target(name: "Indicators", dependencies: [
            "NianbaoModel", "RuleFiles", "Numbers", "Cleaning", "CPCRE2", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Checks", dependencies: [
            "NianbaoModel", "RuleFiles", "Indicators", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "Dataset", dependencies: [
            "NianbaoModel", "CXlsxWriter", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // rules/*.yaml embedded at build time, so the binary runs from anywhere (see Plugins/EmbedRules).
        .executableTarget(name: "embed-rules", path: "Sources/EmbedRulesTool"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["embed-rules"]),
        // The fuzz build (scripts/fuzz.sh) sets NIANBAO_WITHOUT_SHIPPED_RULES: its sanitizer flags reach every
        // executable, the plugin's tool included, which then cannot link; the fuzzed readers need no rules.
        withoutShippedRules
            ? .target(name: "ShippedRules", swiftSettings: [.define("WITHOUT_SHIPPED_RULES")])
            : .target(name: "ShippedRules", plugins: ["EmbedRules"]),
        .target(name: "Review", dependencies: ["NianbaoModel", "Dataset"]),
        .target(name: "NianbaoPipeline", dependencies: [
            "NianbaoModel", "RuleFiles", "Extraction", "Cleaning", "Segmentation", "Indicators", "Checks", "Dataset", "CZlib",
            "ShippedRules",
        ]),
        .executableTarget(name: "nianbao", dependencies: [
            "NianbaoPipeline", "Numbers", "Dataset", "Review",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "NianbaoTests", dependencies: [
            "NianbaoPipeline", "NianbaoModel", "RuleFiles", "Extraction", "Cleaning", "Segmentation",
            "Numbers", "Indicators", "Checks", "Dataset", "Review", "CLibXML2",
        ], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
