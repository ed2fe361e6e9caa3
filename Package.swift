// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Liaison",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "liaison", targets: ["liaison"]),
        .library(name: "LiaisonKernel", targets: ["LiaisonKernel"]),
        .library(name: "LiaisonCore", targets: ["LiaisonCore"]),
        .library(name: "LiaisonStore", targets: ["LiaisonStore"]),
        .library(name: "LiaisonScheduling", targets: ["LiaisonScheduling"]),
        .library(name: "LiaisonFormats", targets: ["LiaisonFormats"]),
        // For the tests and the Benchmarks package only; never part of the tool.
        .library(name: "LiaisonTestSupport", targets: ["LiaisonTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The system BLAS behind Debian's libblas.so.3 alternative: reference BLAS or OpenBLAS.
        .systemLibrary(name: "CBLAS", providers: [.apt(["libblas-dev"])]),
        .target(name: "LiaisonKernel", dependencies: ["CBLAS"]),
        .target(name: "LiaisonCore", dependencies: ["LiaisonKernel"]),
        // Min-cost flow through LEMON's network simplex (Debian's liblemon-dev, header-only use).
        .target(name: "CFlow"),
        .target(name: "LiaisonScheduling", dependencies: ["LiaisonCore", "CFlow"]),
        // Every file format, pure: no database.
        .target(
            name: "LiaisonFormats",
            dependencies: [
                "LiaisonCore", "LiaisonScheduling",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.embedInCode("Resources/sectors.csv")]
        ),
        // SQLite, and the use cases every front end calls.
        .target(
            name: "LiaisonStore",
            dependencies: [
                "LiaisonKernel", "LiaisonCore", "LiaisonScheduling", "LiaisonFormats",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SHA-256 of participant and organizer tokens, which are stored only hashed.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "liaison",
            dependencies: [
                "LiaisonCore", "LiaisonStore", "LiaisonKernel", "LiaisonScheduling", "LiaisonFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets and the benchmarks, one copy each: the reference score
        // formula, seeded random events, the repository root, running the built `liaison`. No
        // SQLite, so the kernel, core and scheduling tests stay light.
        .target(name: "LiaisonTestSupport", dependencies: ["LiaisonCore", "LiaisonScheduling"], path: "Tests/LiaisonTestSupport"),
        .testTarget(name: "LiaisonKernelTests", dependencies: ["LiaisonKernel"]),
        .testTarget(name: "LiaisonCoreTests", dependencies: ["LiaisonCore", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonFormatsTests", dependencies: ["LiaisonFormats", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonStoreTests", dependencies: ["LiaisonStore", "LiaisonFormats", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonSchedulingTests", dependencies: ["LiaisonScheduling", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonCLITests", dependencies: ["LiaisonStore", "LiaisonScheduling", "LiaisonFormats", "LiaisonTestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)
