import Foundation
import Hummingbird
import Logging
import Prometheus
import Server
import ServiceLifecycle
import Testing
import Transport
import VigilCore

/// A stand-in for the daemon behind `ScheduleControl`: replies the test sets, and a record of
/// what reached it.
actor ScriptedScheduleControl: ScheduleControl {
    var reply: ScheduleControlReply = .ok(json: Array(#"{"ok":true}"#.utf8))
    private(set) var received: [(call: String, bytes: Int, actor: String)] = []

    func set(reply: ScheduleControlReply) { self.reply = reply }

    func pushSchedule(_ body: [UInt8], actor: String) -> ScheduleControlReply {
        received.append(("push", body.count, actor))
        return reply
    }

    func scheduleSummary() -> ScheduleControlReply {
        received.append(("summary", 0, ""))
        return reply
    }

    func resilienceState() -> ScheduleControlReply {
        received.append(("state", 0, ""))
        return reply
    }

    func setResilienceState(_ body: [UInt8], actor: String) -> ScheduleControlReply {
        received.append(("setState", body.count, actor))
        return reply
    }

    func resilienceReport() -> ScheduleControlReply {
        received.append(("report", 0, ""))
        return reply
    }

    func resilienceAdvice() -> ScheduleControlReply {
        received.append(("advice", 0, ""))
        return reply
    }
}

/// Runs the real HTTP server with `control` behind the schedule routes on a loopback port.
private func withScheduleServer(
    control: ScriptedScheduleControl, token: String, _ body: @Sendable (_ baseURL: String) async throws -> Void
) async throws {
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "schedule-routes-test")
    logger.logLevel = .warning
    let app = try HTTPServer.makeApplication(
        HTTPServerSettings(
            listen: ListenAddress(host: "127.0.0.1", port: 0), apiToken: BearerToken(token),
            registry: PrometheusCollectorRegistry(), clock: ManualClock(), control: ScriptedControl(),
            schedule: control, logger: logger, onListening: { portContinuation.yield($0) }))
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

/// The bodies of a 400 refusal.
private struct Refusal: Decodable, Equatable {
    struct Problem: Decodable, Equatable {
        let path: String
        let line: Int?
        let column: Int?
        let message: String
    }

    let status: String
    let errorType: String
    let error: String
    let errors: [Problem]
    let omitted: Int
}

@Suite("Schedule and resilience routes")
struct ScheduleRoutesTests {
    static let token = String(repeating: "s", count: 40)
    static let auth = (name: "Authorization", value: "Bearer \(token)")

    @Test func aScheduleOverOneMiBReachesTheDaemonWhileOtherBodiesKeepTheLimit() async throws {
        let control = ScriptedScheduleControl()
        try await withScheduleServer(control: control, token: Self.token) { base in
            let twoMiB = [UInt8](repeating: 0x20, count: 2 << 20)
            let pushed = try await send("PUT", base + "/api/v1/schedule", headers: [Self.auth], body: twoMiB)
            #expect(pushed.status == 200)
            #expect(pushed.bodyText == #"{"status":"success","data":{"ok":true}}"#)
            let chunked = try await send(
                "PUT", base + "/api/v1/schedule", headers: [Self.auth, ("Transfer-Encoding", "chunked")], body: twoMiB)
            #expect(chunked.status == 200)

            let state = try await send("PUT", base + "/api/v1/resilience/state", headers: [Self.auth], body: twoMiB)
            #expect(state.status == 413)
            let reload = try await send("POST", base + "/-/reload", headers: [Self.auth], body: twoMiB)
            #expect(reload.status == 413)
        }
        let received = await control.received
        #expect(received.map(\.call) == ["push", "push"])
        #expect(received.map(\.bytes) == [2 << 20, 2 << 20])
        #expect(received.map(\.actor) == ["api", "api"])
    }

    @Test func aDeclaredLengthOverTheScheduleLimitIsRefusedBeforeReading() async throws {
        let control = ScriptedScheduleControl()
        try await withScheduleServer(control: control, token: Self.token) { base in
            let response = try await send(
                "PUT", base + "/api/v1/schedule",
                headers: [Self.auth, ("Content-Length", String((64 << 20) + 1))], body: Array("{}".utf8))
            #expect(response.status == 413)
            let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body))
            #expect(envelope.error == "schedule larger than \(64 << 20) bytes")
        }
        #expect(await control.received.isEmpty)
    }

    @Test func writesWithoutTheTokenNeverReachTheDaemon() async throws {
        let control = ScriptedScheduleControl()
        try await withScheduleServer(control: control, token: Self.token) { base in
            let wrong = ("Authorization", "Bearer nope")
            for (path, headers) in [
                ("/api/v1/schedule", []), ("/api/v1/schedule", [wrong]), ("/api/v1/resilience/state", []),
            ] {
                let response = try await send("PUT", base + path, headers: headers, body: Array("{}".utf8))
                #expect(response.status == 401)
                #expect(response.header("WWW-Authenticate") == #"Bearer realm="vigil""#)
            }
            #expect(try await send("GET", base + "/api/v1/schedule/summary").status == 200, "reads need no token")
        }
        #expect(await control.received.map(\.call) == ["summary"])
    }

    @Test func aRefusalIsA400ListingEveryProblem() async throws {
        let control = ScriptedScheduleControl()
        let problems = [
            InputProblem(path: "assignments[3].person", line: 12, column: 17, message: "unknown person \"r9\""),
            InputProblem(path: "", message: "the document is not a schedule"),
        ]
        await control.set(reply: .rejected(problems: problems, omitted: 3))
        try await withScheduleServer(control: control, token: Self.token) { base in
            let response = try await send("PUT", base + "/api/v1/schedule", headers: [Self.auth], body: [0x7B])
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/json")
            let refusal = try JSONDecoder().decode(Refusal.self, from: Data(response.body))
            #expect(
                refusal
                    == Refusal(
                        status: "error", errorType: "bad_data",
                        error: "12:17: assignments[3].person: unknown person \"r9\"",
                        errors: [
                            .init(
                                path: "assignments[3].person", line: 12, column: 17, message: "unknown person \"r9\""),
                            .init(path: "", line: nil, column: nil, message: "the document is not a schedule"),
                        ], omitted: 3))
        }
    }

    @Test(arguments: [
        (ScheduleControlReply.unavailable(reason: "no schedule loaded yet"), 503, "unavailable"),
        (.failed(reason: "disk full"), 500, "internal"),
    ])
    func noAnswerYetAndFailuresUseTheErrorEnvelope(reply: ScheduleControlReply, status: Int, type: String)
        async throws
    {
        let control = ScriptedScheduleControl()
        await control.set(reply: reply)
        try await withScheduleServer(control: control, token: Self.token) { base in
            let paths = [
                "/api/v1/schedule/summary", "/api/v1/resilience/report", "/api/v1/resilience/advice",
                "/api/v1/resilience/state",
            ]
            for path in paths {
                let response = try await send("GET", base + path)
                #expect(response.status == status)
                #expect(try JSONDecoder().decode(ErrorEnvelope.self, from: Data(response.body)).errorType == type)
            }
        }
        #expect(await control.received.map(\.call) == ["summary", "report", "advice", "state"])
    }
}
