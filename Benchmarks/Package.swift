// swift-tools-version:6.1
// Vigil's benchmarks: a package of their own, so the main package (and `make test`) never
// builds ordo-one/benchmark. Run from the repository root with `make bench`, or:
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress
import PackageDescription

let package = Package(
    name: "VigilBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // A path dependency's identity is its directory name (whatever the clone is called), so
        // `name:` pins it to "vigil" for the `.product(..., package: "vigil")` lines below.
        .package(name: "vigil", path: ".."),
        // On Swift 6.3 the malloc statistics come from ordo-one/malloc-interposer (a package
        // dependency, no jemalloc or other system package). Naming the trait explicitly also
        // turns off the RuntimeInterposer default trait: its package (ordo-one/swift-runtime-interposer)
        // is not on the package mirror, and it only serves the ARC metrics (retain/release counts),
        // which these benchmarks do not measure.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .executableTarget(
            name: "FoundationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VigilCore", package: "vigil"),
                .product(name: "Transport", package: "vigil"),
                .product(name: "Storage", package: "vigil"),
                .product(name: "Server", package: "vigil"),
                .product(name: "VigilDaemon", package: "vigil"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Benchmarks/FoundationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ResilienceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Schedule", package: "vigil"),
                .product(name: "Resilience", package: "vigil"),
            ],
            path: "Benchmarks/ResilienceBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PagesBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Schedule", package: "vigil"),
                .product(name: "Resilience", package: "vigil"),
                .product(name: "Pages", package: "vigil"),
            ],
            path: "Benchmarks/PagesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SeriesBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TimeSeries", package: "vigil"),
            ],
            path: "Benchmarks/SeriesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PromQLBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PromQL", package: "vigil"),
                .product(name: "TimeSeries", package: "vigil"),
            ],
            path: "Benchmarks/PromQLBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RulesBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PromQL", package: "vigil"),
                .product(name: "Rules", package: "vigil"),
                .product(name: "Storage", package: "vigil"),
                .product(name: "TimeSeries", package: "vigil"),
                .product(name: "VigilCore", package: "vigil"),
                .product(name: "VigilDaemon", package: "vigil"),
            ],
            path: "Benchmarks/RulesBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AlertingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Alerting", package: "vigil"),
                .product(name: "TimeSeries", package: "vigil"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/AlertingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
