import Foundation
import Hummingbird
import Logging
import Prometheus
import Server
import ServiceLifecycle
import Synchronization
import Transport
import VigilCore

/// A stand-in for the daemon behind `DaemonControl`: readiness and reload outcomes the test sets,
/// and a record of who asked to reload.
actor ScriptedControl: DaemonControl {
    var ready = false
    var outcome: ReloadOutcome = .reloaded
    private(set) var reloadActors: [String] = []

    func isReady() -> Bool { ready }

    func reload(actor: String) -> ReloadOutcome {
        reloadActors.append(actor)
        return outcome
    }

    func set(ready: Bool) { self.ready = ready }
    func set(outcome: ReloadOutcome) { self.outcome = outcome }
}

/// Runs Vigil's real HTTP server on an ephemeral loopback port for the duration of `body`.
func withServer(
    token: String = String(repeating: "t", count: 40),
    control: ScriptedControl = ScriptedControl(),
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    clock: ManualClock = ManualClock(),
    query: QueryAPISettings? = nil,
    rules: RulesAPISettings? = nil,
    _ body: @Sendable (_ baseURL: String) async throws -> Void
) async throws {
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "server-test")
    logger.logLevel = .warning
    let app = try HTTPServer.makeApplication(
        HTTPServerSettings(
            listen: ListenAddress(host: "127.0.0.1", port: 0), apiToken: BearerToken(token), registry: registry,
            clock: clock, control: control, query: query, rules: rules, logger: logger,
            onListening: { port in portContinuation.yield(port) }))
    let services = ServiceGroup(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        do {
            try await body("http://127.0.0.1:\(port)")
        } catch {
            await services.triggerGracefulShutdown()
            throw error
        }
        await services.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}

/// One request through Vigil's own libcurl transport.
func send(
    _ method: String, _ url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil
) async throws -> Transport.HTTPResponse {
    try await CurlTransport().perform(Transport.HTTPRequest(method: method, url: url, headers: headers, body: body))
}

/// Decodes the Prometheus API error envelope.
struct ErrorEnvelope: Decodable, Equatable {
    let status: String
    let errorType: String
    let error: String
}
