// Micro- and round-trip benchmarks for Vigil's foundations: duration parsing, configuration
// loading, the SQLite audit log and the HTTP surface through Vigil's own libcurl transport.
//
// Run from the repository root with `make bench`, or
//   cd Benchmarks && swift package --disable-sandbox benchmark --no-progress

import Benchmark
import Foundation
import Logging
import Prometheus
import Server
import ServiceLifecycle
import Storage
import Synchronization
import Transport
import VigilCore
import VigilDaemon

let benchmarks: @Sendable () -> Void = {
    _ = startupStderr
    // Small budgets: the whole suite should finish in well under a minute once built.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 10_000
    )

    // 1. Prometheus duration syntax. One iteration parses 1000 strings from the mix, so the
    //    reported (scaled, `*`) figures are per parse.
    Benchmark(
        "PromDuration(parsing:)",
        configuration: .init(
            metrics: [.wallClock, .mallocCountTotal, .throughput], scalingFactor: .kilo,
            maxDuration: .seconds(2), maxIterations: 1_000)
    ) { benchmark in
        let inputs = durationInputs
        orCrash("PromDuration(parsing:)") {
            for index in benchmark.scaledIterations {
                blackHole(try PromDuration(parsing: inputs[index % inputs.count]))
            }
        }
    }

    // 2. Reading, parsing and checking the shipped etc/vigil.yml.
    Benchmark(
        "ConfigLoader.load(etc/vigil.yml)",
        configuration: .init(maxDuration: .seconds(2), maxIterations: 500)
    ) { _ in
        orCrash("ConfigLoader.load(\(shippedConfigPath))") {
            blackHole(try ConfigLoader.load(path: shippedConfigPath))
        }
    }

    // 3. One audit row appended (one SQLite write transaction) into a fresh database.
    Benchmark(
        "AuditLog.append",
        configuration: .init(maxDuration: .seconds(2), maxIterations: 2_000),
        closure: { _ in
            orCrash("AuditLog.append") {
                blackHole(
                    try auditFixture.log().append(
                        AuditEntry(at: Date(), actor: "bench", action: "bench.append", details: ["i": "1"])))
            }
        },
        setup: { orCrash("opening the audit database") { try auditFixture.open() } },
        teardown: { orCrash("closing the audit database") { try auditFixture.close() } }
    )

    // 4. Full HTTP round trips: CurlTransport → loopback → Hummingbird → Vigil's routes.
    //    Mallocs are process-wide, so they include the server's side of the exchange.
    Benchmark(
        "HTTP GET /-/healthy",
        configuration: .init(maxDuration: .seconds(2), maxIterations: 2_000),
        closure: { _ in await orCrash("GET /-/healthy") { try await roundTrip("/-/healthy") } },
        setup: { await orCrash("starting the HTTP server") { try await serverFixture.start() } },
        teardown: { await orCrash("stopping the HTTP server") { try await serverFixture.stop() } }
    )

    Benchmark(
        "HTTP GET /metrics",
        configuration: .init(maxDuration: .seconds(2), maxIterations: 2_000),
        closure: { _ in await orCrash("GET /metrics") { try await roundTrip("/metrics") } },
        setup: { await orCrash("starting the HTTP server") { try await serverFixture.start() } },
        teardown: { await orCrash("stopping the HTTP server") { try await serverFixture.stop() } }
    )
}

/// One GET through Vigil's libcurl transport to the running fixture server; anything but 200 fails.
func roundTrip(_ path: String) async throws {
    let response = try await CurlTransport().perform(Transport.HTTPRequest(url: try serverFixture.url(path)))
    guard response.status == 200 else { throw BenchmarkFailure.unexpectedStatus(response.status) }
    blackHole(response)
}

// MARK: - Inputs

let durationInputs = ["15s", "1h30m", "2w3d", "500ms", "5m", "1d12h", "1y", "0"]

/// `VIGIL_BENCH_CONFIG` if set, else the repository's `etc/vigil.yml` found from this file.
let shippedConfigPath: String = {
    if let path = ProcessInfo.processInfo.environment["VIGIL_BENCH_CONFIG"], !path.isEmpty {
        return path
    }
    // <repo>/Benchmarks/Benchmarks/FoundationBenchmarks/FoundationBenchmarks.swift → <repo>/etc/vigil.yml
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../etc/vigil.yml")
        .standardizedFileURL.path
}()

/// A plain `benchmark` run reports a thrown error as "Benchmark X failed with ..." yet still exits 0,
/// so `make bench` would pass with a broken benchmark. Failing here stops the suite with a non-zero
/// exit status instead ("One or more benchmark suites crashed during runtime.").
func orCrash(_ what: String, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        die("\(what) failed: \(error)")
    }
}

func orCrash(_ what: String, _ body: () async throws -> Void) async {
    do {
        try await body()
    } catch {
        die("\(what) failed: \(error)")
    }
}

/// stderr as it was when the suite started: during a measured run the plugin's default (quiet) mode
/// points fds 1 and 2 at /dev/null, which would swallow the reason a benchmark stopped.
/// Initialised from `benchmarks`, before any run.
let startupStderr = FileHandle(fileDescriptor: dup(FileHandle.standardError.fileDescriptor), closeOnDealloc: false)

func die(_ message: String) -> Never {
    startupStderr.write(Data("FoundationBenchmarks: \(message)\n".utf8))
    fatalError(message)
}

enum BenchmarkFailure: Error {
    case notSetUp
    case unexpectedStatus(Int)
}

// MARK: - Audit log fixture

/// A fresh database in a temporary directory for the duration of one benchmark.
final class AuditFixture: Sendable {
    private struct State {
        var directory: URL
        var database: VigilDatabase
        var log: AuditLog
    }

    private let state = Mutex<State?>(nil)

    func open() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try VigilDatabase(path: directory.appendingPathComponent("vigil.db").path)
        state.withLock { $0 = State(directory: directory, database: database, log: AuditLog(database: database)) }
    }

    func log() throws -> AuditLog {
        guard let log = state.withLock({ $0?.log }) else { throw BenchmarkFailure.notSetUp }
        return log
    }

    func close() throws {
        guard
            let current = state.withLock({ state -> State? in
                defer { state = nil }
                return state
            })
        else { return }
        try current.database.close()
        try? FileManager.default.removeItem(at: current.directory)
    }
}

let auditFixture = AuditFixture()

// MARK: - HTTP server fixture

/// The daemon's side of `/-/ready` and `/-/reload`, reduced to constants.
actor AlwaysReady: DaemonControl {
    func isReady() -> Bool { true }
    func reload(actor: String) -> ReloadOutcome { .reloaded }
}

/// Vigil's real HTTP server on an ephemeral loopback port, run in its own `ServiceGroup`.
final class ServerFixture: Sendable {
    private struct Running {
        var group: ServiceGroup
        var task: Task<Void, any Error>
        var baseURL: String
    }

    private let running = Mutex<Running?>(nil)

    func start() async throws {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = HTTPServer.makeApplication(
            HTTPServerSettings(
                listen: ListenAddress(host: "127.0.0.1", port: 0),
                apiToken: BearerToken(String(repeating: "t", count: 40)),
                registry: PrometheusCollectorRegistry(),
                clock: SystemClock(),
                control: AlwaysReady(),
                logger: logger,
                onListening: { port in portContinuation.yield(port) }))
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw BenchmarkFailure.notSetUp
        }
        running.withLock { $0 = Running(group: group, task: task, baseURL: "http://127.0.0.1:\(port)") }
    }

    func url(_ path: String) throws -> String {
        guard let base = running.withLock({ $0?.baseURL }) else { throw BenchmarkFailure.notSetUp }
        return base + path
    }

    func stop() async throws {
        guard
            let current = running.withLock({ state -> Running? in
                defer { state = nil }
                return state
            })
        else { return }
        await current.group.triggerGracefulShutdown()
        try await current.task.value
    }
}

let serverFixture = ServerFixture()
