// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "vigil",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        .library(name: "VigilCore", targets: ["VigilCore"]),
        .library(name: "Transport", targets: ["Transport"]),
        .library(name: "Schedule", targets: ["Schedule"]),
        .library(name: "Resilience", targets: ["Resilience"]),
        .library(name: "TimeSeries", targets: ["TimeSeries"]),
        .library(name: "PromQL", targets: ["PromQL"]),
        .library(name: "Rules", targets: ["Rules"]),
        .library(name: "Alerting", targets: ["Alerting"]),
        .library(name: "Notify", targets: ["Notify"]),
        .library(name: "Incidents", targets: ["Incidents"]),
        .library(name: "Pages", targets: ["Pages"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "VigilDaemon", targets: ["VigilDaemon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // libcurl, with typed wrappers for its variadic setopt/getinfo.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // What `make dist` stamps into a release binary: revision, branch, build user and date.
        .target(name: "CBuildInfo"),
        // The clock every component asks for "now", Prometheus durations, YAML read with positions.
        .target(
            name: "VigilCore",
            dependencies: ["CBuildInfo", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // The program model (people, rotations, half-day assignments, absences) and schedule files.
        .target(name: "Schedule", swiftSettings: strict),
        // The resilience engine: schedule in, report and metric samples out; no I/O.
        .target(name: "Resilience", dependencies: ["Schedule"], swiftSettings: strict),
        // Labels, samples, the in-memory series store, the Prometheus text exposition format.
        .target(name: "TimeSeries", swiftSettings: strict),
        // PromQL: lexer, parser, AST and the evaluator over TimeSeries; no I/O.
        .target(name: "PromQL", dependencies: ["TimeSeries"], swiftSettings: strict),
        // Rule files, groups, recording and alerting rules, alert states, templates, promtool-format
        // unit tests; no I/O beyond reading the files it is asked to read.
        .target(name: "Rules", dependencies: ["VigilCore", "TimeSeries", "PromQL"], swiftSettings: strict),
        // Alertmanager's pipeline as a pure engine: matchers, the route tree and escalation files,
        // time intervals, inhibition, silences, aggregation groups and the notification log; state
        // behind protocols that Storage implements, "now" always an argument.
        .target(
            name: "Alerting",
            dependencies: [
                "VigilCore", "TimeSeries", "PromQL", "Rules", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Turning a group's notification into messages and delivering them: Alertmanager's webhook
        // payload, email, the local file, and the durable outbox with its retrying workers.
        .target(
            name: "Notify",
            dependencies: [
                "Alerting", "Transport", "VigilCore", "TimeSeries", "Rules",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Incidents through the method's phases (detect, observe, orient, decide, act, verify, resolve,
        // review) as a pure engine: policies, transitions, acknowledgements both ways, the timeline;
        // persistence behind a protocol Storage implements.
        .target(
            name: "Incidents",
            dependencies: ["Alerting", "Resilience", "Schedule", "TimeSeries", "VigilCore"],
            swiftSettings: strict
        ),
        // HTTP (and later SMTP) requests through libcurl.
        .target(
            name: "Transport",
            dependencies: ["CCurl"],
            swiftSettings: strict
        ),
        // SQLite through GRDB: migrations and one repository per durable record.
        .target(
            name: "Storage",
            dependencies: [
                "VigilCore", "Alerting", "Notify", "Incidents", "Rules", "TimeSeries",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The HTTP surface: health, readiness, reload, /metrics.
        .target(
            name: "Server",
            dependencies: [
                "VigilCore", "TimeSeries", "PromQL", "Rules", "Alerting", "Incidents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Configuration, secrets, services and their wiring.
        .target(
            name: "Pages",
            dependencies: ["Alerting", "Incidents", "Resilience", "Rules", "Schedule", "TimeSeries", "VigilCore"],
            swiftSettings: strict
        ),
        .target(
            name: "VigilDaemon",
            dependencies: [
                "VigilCore", "Transport", "Storage", "Server", "Schedule", "Resilience", "TimeSeries", "PromQL",
                "Rules", "Alerting", "Notify", "Incidents", "Pages",
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "VigilDaemon", "VigilCore", "Schedule", "Resilience", "Server", "Transport", "TimeSeries", "PromQL",
                "Rules", "Alerting", "Notify", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Helpers shared by the test targets (temporary directories, bounded waits).
        .target(
            name: "TestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        .testTarget(name: "VigilCoreTests", dependencies: ["VigilCore"], swiftSettings: strict),
        .testTarget(name: "TimeSeriesTests", dependencies: ["TimeSeries", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "TimeSeries", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "RulesTests",
            dependencies: ["Rules", "PromQL", "TimeSeries", "VigilCore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AlertingTests",
            dependencies: ["Alerting", "Rules", "TimeSeries", "VigilCore", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IncidentsTests",
            dependencies: [
                "Incidents", "Alerting", "Resilience", "Schedule", "TimeSeries", "VigilCore", "TestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NotifyTests",
            dependencies: [
                "Notify", "Alerting", "Transport", "Rules", "TimeSeries", "VigilCore", "TestSupport", "Storage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "ScheduleTests", dependencies: ["Schedule", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ResilienceTests",
            dependencies: [
                "Resilience", "Schedule", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TransportTests",
            dependencies: [
                "Transport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PagesTests",
            dependencies: ["Pages", "Alerting", "Rules", "TimeSeries", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Incidents", "Alerting", "Notify", "VigilCore", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Transport", "VigilCore", "TimeSeries", "PromQL", "Rules", "Alerting", "TestSupport",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "VigilDaemonTests",
            dependencies: [
                "VigilDaemon", "VigilCore", "Transport", "Storage", "Server", "Schedule", "Resilience", "TestSupport",
                "vigil", "TimeSeries", "PromQL", "Alerting", "Notify", "Rules",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
