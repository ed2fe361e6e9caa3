// swift-tools-version:6.0
import PackageDescription

/// The browser's templates and static assets, embedded in the code (`PackageResources.NAME_EXT`):
/// one entry per file, since a folder cannot be embedded.
let webResources: [Resource] = [
    "layout", "signin", "message", "organizer_home", "companies", "company", "import_result", "events", "event",
    "schedule", "links", "exports", "participant", "remove_participant",
].map { .embedInCode("Templates/\($0).mustache") } + [
    .embedInCode("Static/liaison.css"), .embedInCode("Static/liaison.js"), .embedInCode("Static/favicon.svg"),
]

let package = Package(
    name: "Liaison",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "liaison", targets: ["liaison"]),
        .library(name: "LiaisonKernel", targets: ["LiaisonKernel"]),
        .library(name: "LiaisonCore", targets: ["LiaisonCore"]),
        .library(name: "LiaisonStore", targets: ["LiaisonStore"]),
        .library(name: "LiaisonScheduling", targets: ["LiaisonScheduling"]),
        .library(name: "LiaisonFormats", targets: ["LiaisonFormats"]),
        .library(name: "LiaisonWeb", targets: ["LiaisonWeb"]),
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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Reads .xlsx workbooks (zip archives) in memory; on Linux it links the system zlib.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system BLAS behind Debian's libblas.so.3 alternative: reference BLAS or OpenBLAS.
        .systemLibrary(name: "CBLAS", providers: [.apt(["libblas-dev"])]),
        .target(name: "LiaisonKernel", dependencies: ["CBLAS"], swiftSettings: optimizedInDebug),
        .target(name: "LiaisonCore", dependencies: ["LiaisonKernel"], swiftSettings: optimizedInDebug),
        // Min-cost flow through LEMON's network simplex (Debian's liblemon-dev, header-only use).
        .target(name: "CFlow"),
        // The SAT solver CaDiCaL (Debian's libcadical-dev, a static library with a C interface),
        // for the exact search for fewer breaks.
        .systemLibrary(name: "CCaDiCaL", providers: [.apt(["libcadical-dev"])]),
        .target(name: "LiaisonScheduling", dependencies: ["LiaisonCore", "CFlow", "CCaDiCaL"], swiftSettings: optimizedInDebug),
        // Every file format, pure: no database.
        .target(
            name: "LiaisonFormats",
            dependencies: [
                "LiaisonCore", "LiaisonScheduling",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [
                .embedInCode("Resources/sectors.csv"),
                // Cities and single-zone countries with their IANA zones, for event time zones.
                .embedInCode("Resources/cities.csv"), .embedInCode("Resources/country-zones.csv"),
            ]
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
        // The browser front end: organizer console, participant pages and calendar feeds over the
        // store's use cases. Templates and static assets are embedded, so the binary is all it needs.
        .target(
            name: "LiaisonWeb",
            dependencies: [
                "LiaisonCore", "LiaisonScheduling", "LiaisonFormats", "LiaisonStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                // multipart/form-data of the company upload form (a plain HTML file input).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: webResources
        ),
        .executableTarget(
            name: "liaison",
            dependencies: [
                "LiaisonCore", "LiaisonStore", "LiaisonKernel", "LiaisonScheduling", "LiaisonFormats", "LiaisonWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets and the benchmarks, one copy each: the reference score
        // formula, seeded random events, the repository root, running the built `liaison`. No
        // SQLite, so the kernel, core and scheduling tests stay light.
        // ZIPFoundation writes the workbooks the tests import.
        .target(
            name: "LiaisonTestSupport",
            dependencies: ["LiaisonCore", "LiaisonScheduling", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/LiaisonTestSupport"
        ),
        .testTarget(name: "LiaisonKernelTests", dependencies: ["LiaisonKernel"]),
        .testTarget(name: "LiaisonCoreTests", dependencies: ["LiaisonCore", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonFormatsTests", dependencies: ["LiaisonFormats", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonStoreTests", dependencies: ["LiaisonStore", "LiaisonFormats", "LiaisonTestSupport"]),
        .testTarget(name: "LiaisonSchedulingTests", dependencies: ["LiaisonScheduling", "LiaisonTestSupport"]),
        .testTarget(
            name: "LiaisonWebTests",
            dependencies: [
                "LiaisonWeb", "LiaisonStore", "LiaisonScheduling", "LiaisonFormats", "LiaisonTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(name: "LiaisonCLITests", dependencies: ["LiaisonStore", "LiaisonScheduling", "LiaisonFormats", "LiaisonTestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)

/// The kernel, the core and the scheduler are optimized in debug builds too: the tests run their
/// searches (annealing, exact top-k, brute-force references) on hundreds of random events, about
/// ten times slower unoptimized, and `make test` is a debug build.
var optimizedInDebug: [SwiftSetting] { [.unsafeFlags(["-O"], .when(configuration: .debug))] }
