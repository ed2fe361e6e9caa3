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
        .executableTarget(
            name: "KernelPeerRun",
            dependencies: [.product(name: "LiaisonKernel", package: "Liaison")],
            path: "Sources/KernelPeerRun"
        ),
    ]
)
