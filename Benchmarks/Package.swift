// swift-tools-version:6.1
import PackageDescription

// The benchmark harness is its own package, so building Liaison never builds it.
let package = Package(
    name: "LiaisonBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Liaison", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // package-benchmark suites (`make bench`).
        .executableTarget(
            name: "ImportThroughput",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LiaisonCore", package: "Liaison"),
                .product(name: "LiaisonStore", package: "Liaison"),
                .product(name: "LiaisonFormats", package: "Liaison"),
            ],
            path: "Benchmarks/ImportThroughput",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "TopKKernel",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LiaisonKernel", package: "Liaison"),
            ],
            path: "Benchmarks/TopKKernel",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Runners for side-by-side comparisons and tuning (`make bench-peers`, `make bench-tune`).
        .executableTarget(
            name: "KernelPeerRun",
            dependencies: [.product(name: "LiaisonKernel", package: "Liaison")],
            path: "Sources/KernelPeerRun"
        ),
        .executableTarget(
            name: "ScheduleBench",
            dependencies: [
                .product(name: "LiaisonScheduling", package: "Liaison"),
                .product(name: "LiaisonTestSupport", package: "Liaison"),
            ],
            path: "Sources/ScheduleBench"
        ),
        // The B2B forums of Bofill et al. as Liaison events (`make bench-b2b`), and their reader.
        .target(
            name: "B2BForums",
            dependencies: [.product(name: "LiaisonScheduling", package: "Liaison")],
            path: "Sources/B2BForums"
        ),
        .executableTarget(
            name: "B2BBench",
            dependencies: ["B2BForums", .product(name: "LiaisonScheduling", package: "Liaison")],
            path: "Sources/B2BBench"
        ),
        .testTarget(
            name: "B2BForumsTests",
            dependencies: ["B2BForums", .product(name: "LiaisonScheduling", package: "Liaison")],
            path: "Tests/B2BForumsTests"
        ),
        .executableTarget(
            name: "TradeShowBench",
            dependencies: [.product(name: "LiaisonScheduling", package: "Liaison"), .product(name: "LiaisonCore", package: "Liaison")],
            path: "Sources/TradeShowBench"
        ),
        .executableTarget(
            name: "KernelTuning",
            dependencies: [.product(name: "LiaisonKernel", package: "Liaison")],
            path: "Sources/KernelTuning"
        ),
    ]
)
