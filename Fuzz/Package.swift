// swift-tools-version: 6.1
// libFuzzer harnesses for Vigil's parsers, a package of their own so the main build never sees
// them: `make fuzz` builds them with -sanitize=fuzzer,address and runs each (FUZZ_SECONDS, 600 by
// default; CI runs 30 s each). Seed corpora come from the project's tests, rules and conformance files.
import PackageDescription

// The sanitizers come from the command line (`-Xswiftc -sanitize=fuzzer,address`, see the Makefile), so
// Vigil's own targets are instrumented too and the fuzzer sees their coverage.
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name, dependencies: ["FuzzDriver"] + dependencies, path: "Sources/\(name)",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])])
}

let package = Package(
    name: "vigil-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "vigil", path: "..")],
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver"),
        harness("FuzzPromQL", [.product(name: "PromQL", package: "vigil")]),
        harness("FuzzExposition", [.product(name: "TimeSeries", package: "vigil")]),
        harness("FuzzRuleFile", [.product(name: "Rules", package: "vigil")]),
        harness("FuzzConfig", [.product(name: "VigilDaemon", package: "vigil")]),
        harness("FuzzSchedule", [.product(name: "Schedule", package: "vigil")]),
        harness(
            "FuzzTemplate",
            [
                .product(name: "Rules", package: "vigil"), .product(name: "PromQL", package: "vigil"),
                .product(name: "TimeSeries", package: "vigil"),
            ]),
    ]
)
