import Foundation
import Hummingbird
import Logging
import NIOCore
import Notify
import Storage
import Synchronization
import TestSupport
import Testing
import Transport

/// The outbox as an operator relies on it: a notification decided is delivered even when the daemon
/// is killed with SIGKILL before or during its delivery, it is never sent under a second delivery id
/// (no double page after a restart), every attempt carries the same body and a valid signature, and
/// one dead gateway never holds up another receiver.
@Suite("durable notification delivery", .serialized)
struct DurableDeliveryTests {
    static func escalation(groupWait: String = "0s", extraRoutes: String = "") -> String {
        """
        route:
          receiver: pager
          group_by: [alertname, n]
          group_wait: \(groupWait)
          group_interval: 1s
        \(extraRoutes)
        """
    }

    /// The one receiver, `pager`, delivering to the gateway's `/hook/pager`.
    static func pager(_ gateway: WebhookGateway) -> String {
        "  - name: pager\n    webhook_configs: [{url: \"\(gateway.url("pager"))\"}]"
    }

    static func alerts(_ numbers: ClosedRange<Int>, _ extra: [String: String] = [:]) -> [[String: String]] {
        numbers.map { ["alertname": "ShiftUncovered", "n": "\($0)"].merging(extra) { _, new in new } }
    }

    @Test func notificationsQueuedWhenKilledArriveAfterTheRestartUnderTheirOriginalDeliveryIDs() async throws {
        try await WebhookGateway.run { gateway in
            gateway.set(.refuse, for: "pager")
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation(),
                receivers: Self.pager(gateway))
            let first = try await harness.start()
            try await first.postAlerts(Self.alerts(1...20))

            let queued = try await waitUntil("20 messages pending, each tried once") {
                let pending = try await first.notifications("pending")
                return pending.count == 20 && pending.allSatisfy { $0.attempts >= 1 } ? pending : nil
            }
            #expect(Set(queued.map(\.receiver)) == ["pager"])
            #expect(queued.allSatisfy { $0.lastError?.contains("503") == true }, "\(queued.map(\.lastError))")
            let backlog = try await waitUntil("vigil_outbox_pending to count them") {
                try await first.metric("vigil_outbox_pending").flatMap { $0 == 20 ? $0 : nil }
            }
            #expect(backlog == 20)
            try await first.crash()
            let refused = gateway.requests
            #expect(refused.count >= 20 && refused.allSatisfy { !$0.accepted })

            gateway.set(.accept, for: "pager")
            let second = try await harness.start()
            let delivered = try await waitUntil("all 20 alerts at the gateway") {
                let accepted = gateway.requests.filter(\.accepted)
                return Set(try accepted.flatMap { try $0.alertNumbers() }) == Set(1...20) ? accepted : nil
            }
            try await Self.expectNoSecondPage(second, gateway: gateway, messages: 20)

            let queuedIDs = Set(queued.map(\.id))
            #expect(Set(delivered.compactMap(\.deliveryID)) == queuedIDs, "deliveries under ids the outbox never had")
            #expect(Set(refused.compactMap(\.deliveryID)).isSubset(of: queuedIDs))
            try Self.expectOneDeliveryIDPerAlert(gateway.requests.filter(\.accepted))
            try Self.expectSameBodyUnderEachDeliveryID(gateway.requests)
            try await Self.expectSignaturesVerify(
                gateway.requests, secret: harness.webhookSecret, in: harness.directory)
            #expect(await second.stop() == 0)
        }
    }

    @Test func deliveriesInFlightWhenKilledAreSentAgainUnderTheSameDeliveryID() async throws {
        try await WebhookGateway.run { gateway in
            gateway.set(.paced(.milliseconds(100)), for: "pager")
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation(),
                receivers: Self.pager(gateway))
            let first = try await harness.start()
            try await first.postAlerts(Self.alerts(1...20))

            // Kill once a few deliveries are done and others are being answered (one answer per 100 ms).
            let inFlight = try await waitUntil("deliveries in flight after some completed", every: .milliseconds(5)) {
                () -> Set<String>? in
                let snapshot = gateway.snapshot
                return snapshot.answered >= 4 && !snapshot.inFlight.isEmpty ? snapshot.inFlight : nil
            }
            try await first.crash()
            // Those still unanswered after the kill were surely not recorded as delivered (one answered
            // between the snapshot and the kill may or may not have been: at-least-once allows both).
            let cutOff = inFlight.intersection(gateway.snapshot.inFlight)
            let beforeRestart = gateway.requests.count
            #expect(!cutOff.isEmpty, "every delivery was done before the kill; nothing was in flight")

            let second = try await harness.start()
            _ = try await waitUntil("all 20 alerts at the gateway") {
                Set(try gateway.requests.flatMap { try $0.alertNumbers() }) == Set(1...20) ? true : nil
            }
            try await Self.expectNoSecondPage(second, gateway: gateway, messages: 20)

            let requests = gateway.requests
            let resent = requests.dropFirst(beforeRestart).compactMap(\.deliveryID)
            for id in cutOff {
                #expect(resent.contains(id), "delivery \(id) was cut off by the kill but never sent again")
            }
            try Self.expectOneDeliveryIDPerAlert(requests)
            try Self.expectSameBodyUnderEachDeliveryID(requests)
            try await Self.expectSignaturesVerify(requests, secret: harness.webhookSecret, in: harness.directory)
            #expect(await second.stop() == 0)
        }
    }

    @Test func alertsAcceptedJustBeforeAKillAreNotifiedAfterTheRestart() async throws {
        try await WebhookGateway.run { gateway in
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation(groupWait: "2s"),
                receivers: Self.pager(gateway))
            let first = try await harness.start()
            try await first.postAlerts(Self.alerts(1...20))
            let decided = try await first.notifications()
            try await first.crash()
            #expect(decided.isEmpty, "a notification was decided before group_wait (2s) passed")
            #expect(gateway.requests.isEmpty)

            let second = try await harness.start()
            _ = try await waitUntil("all 20 alerts at the gateway") {
                Set(try gateway.requests.flatMap { try $0.alertNumbers() }) == Set(1...20) ? true : nil
            }
            try await Self.expectNoSecondPage(second, gateway: gateway, messages: 20)
            try Self.expectOneDeliveryIDPerAlert(gateway.requests)
            #expect(await second.stop() == 0)
        }
    }

    @Test func aDeadLetterRetriedThroughTheAPIIsDeliveredUnderItsDeliveryID() async throws {
        try await WebhookGateway.run { gateway in
            gateway.set(.reject, for: "pager")
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation(),
                receivers: Self.pager(gateway))
            let daemon = try await harness.start()
            try await daemon.postAlerts(Self.alerts(1...1))
            let dead = try await waitUntil("the refused message dead-lettered") {
                try await daemon.notifications("dead").first
            }
            #expect(dead.attempts == 1, "a 422 is refused for good, not retried")
            #expect(dead.lastError?.contains("422") == true, "\(dead)")
            let deadLetters = try await waitUntil("the dead letter counted") {
                try await daemon.metric("vigil_notifications_dead_letter_total").flatMap { $0 >= 1 ? $0 : nil }
            }
            #expect(deadLetters == 1)

            let anonymous = try await daemon.post("/api/v1/notifications/\(dead.id)/retry", authorized: false)
            #expect(anonymous.status == 401)
            #expect(try await daemon.notifications("dead").map(\.id) == [dead.id])
            let unknown = try await daemon.post("/api/v1/notifications/\(UUID().uuidString.lowercased())/retry")
            #expect(unknown.status == 404)

            gateway.set(.accept, for: "pager")
            let retried = try await daemon.post("/api/v1/notifications/\(dead.id)/retry")
            #expect(retried.status == 200, "\(retried.bodyText)")
            let delivered = try await waitUntil("the retried message delivered") {
                try await daemon.notifications("delivered").first { $0.id == dead.id }
            }
            #expect(delivered.attempts == 2)
            #expect(try await daemon.notifications("dead").isEmpty)
            let requests = gateway.requests
            #expect(requests.map(\.deliveryID) == [dead.id, dead.id])
            #expect(requests.map(\.accepted) == [false, true])
            try Self.expectSameBodyUnderEachDeliveryID(requests)
            try await Self.expectSignaturesVerify(requests, secret: harness.webhookSecret, in: harness.directory)
            #expect(await daemon.stop() == 0)
            // The dead letter and its re-send are in the audit log.
            let database = try VigilDatabase(path: harness.dataDirectory + "/vigil.db")
            let audit = AuditLog(database: database)
            let deadEntry = try #require(try audit.recent(action: "notification.dead_letter").first)
            #expect(deadEntry.details["id"] == dead.id && deadEntry.details["receiver"] == "pager")
            #expect(deadEntry.details["error"]?.contains("422") == true)
            #expect(try audit.recent(action: "notification.retry").first?.details["id"] == dead.id)
            try database.close()
        }
    }

    @Test func aDeadGatewayNeverDelaysAnotherReceiver() async throws {
        let closed = try ClosedPort()
        try await WebhookGateway.run { gateway in
            gateway.set(.hang, for: "hanging")
            let harness = try AlertingDaemonHarness(
                escalation: Self.escalation(
                    extraRoutes: """
                          routes:
                            - matchers: ['gateway="refusing"']
                              receiver: refusing
                            - matchers: ['gateway="hanging"']
                              receiver: hanging
                        """),
                receivers: """
                      - name: pager
                        webhook_configs: [{url: "\(gateway.url("pager"))"}]
                      - name: refusing
                        webhook_configs: [{url: "http://127.0.0.1:\(closed.port)/hook/refusing"}]
                      - name: hanging
                        webhook_configs: [{url: "\(gateway.url("hanging"))", timeout: 60s}]
                    """)
            let daemon = try await harness.start()
            try await daemon.postAlerts(Self.alerts(1...8, ["gateway": "refusing"]))
            try await daemon.postAlerts(Self.alerts(1...8, ["gateway": "hanging"]))
            let stuck = try await waitUntil("the dead gateways' messages tried and stuck") {
                () async throws -> [OutboxEntry]? in
                let pending = try await daemon.notifications("pending")
                let refusing = pending.filter { $0.receiver == "refusing" }
                let hanging = gateway.snapshot.inFlight.count
                return refusing.count == 8 && refusing.allSatisfy({ $0.attempts >= 1 }) && hanging >= 1 ? pending : nil
            }

            let posted = ContinuousClock.now
            try await daemon.postAlerts([["alertname": "CoverageGap", "n": "1"]])
            let arrived = try await waitUntil("the healthy receiver's notification", every: .milliseconds(10)) {
                gateway.requests.first { $0.hook == "pager" }
            }
            let latency = ContinuousClock.now - posted
            #expect(latency < .seconds(5), "the healthy receiver waited \(latency) behind the dead gateways")
            #expect(try arrived.alertNumbers() == [1])
            #expect(arrived.accepted)

            let pending = try await daemon.notifications("pending")
            let refusing = pending.filter { $0.receiver == "refusing" }
            #expect(refusing.count == 8)
            for entry in refusing {
                #expect(entry.lastError.map { !$0.isEmpty } == true, "pending without a lastError: \(entry)")
            }
            #expect(pending.filter { $0.receiver == "hanging" }.count == 8, "\(stuck.map(\.receiver))")
            // Outcomes are recorded in batches after the response, so the row may still read pending here.
            let delivered = try await waitUntil("the healthy message recorded as delivered") {
                try await daemon.notifications("delivered").first { $0.receiver == "pager" }
            }
            #expect(delivered.attempts == 1)
            #expect(try await !daemon.notifications("pending").contains { $0.receiver == "pager" })
            #expect(gateway.requests.allSatisfy { $0.hook != "refusing" })
            #expect(await daemon.stop() == 0, "vigil must stop promptly even with deliveries hanging")
        }
    }

    // MARK: - Checks shared by the scenarios

    /// Posts one more alert and waits until it is delivered: by then the restarted daemon has flushed
    /// every restored group at least once, so a second page for an already queued alert would be in
    /// the outbox. There must be exactly `messages` + 1 messages, all delivered.
    static func expectNoSecondPage(_ daemon: RunningDaemon, gateway: WebhookGateway, messages: Int) async throws {
        try await daemon.postAlerts([["alertname": "ShiftUncovered", "n": "sentinel"]])
        _ = try await waitUntil("the sentinel alert's notification") {
            try gateway.requests.contains { request in
                try request.accepted && request.alertLabels("n").contains("sentinel")
            } ? true : nil
        }
        let outbox = try await waitUntil("the outbox to have nothing pending") { () async throws -> [OutboxEntry]? in
            let all = try await daemon.notifications()
            return all.contains { $0.state == "pending" } ? nil : all
        }
        #expect(outbox.count == messages + 1, "the outbox holds \(outbox.count) messages for \(messages + 1) alerts")
        #expect(outbox.allSatisfy { $0.state == "delivered" && $0.alerts == 1 })
    }

    /// No alert reached the gateway under two different delivery ids.
    static func expectOneDeliveryIDPerAlert(_ requests: [WebhookGateway.Request]) throws {
        var idsByAlert: [String: Set<String>] = [:]
        for request in requests {
            let id = try #require(request.deliveryID, "a webhook request without X-Vigil-Delivery")
            for n in try request.alertLabels("n") { idsByAlert[n, default: []].insert(id) }
        }
        for (n, ids) in idsByAlert.sorted(by: { $0.key < $1.key }) {
            #expect(ids.count == 1, "alert n=\(n) was delivered under \(ids.count) delivery ids: \(ids.sorted())")
        }
    }

    /// Every attempt under one delivery id carried the same bytes, and the id in the body is the header's.
    static func expectSameBodyUnderEachDeliveryID(_ requests: [WebhookGateway.Request]) throws {
        let byID = Dictionary(grouping: requests) { $0.deliveryID ?? "" }
        for (id, attempts) in byID {
            #expect(Set(attempts.map(\.body)).count == 1, "delivery \(id) was sent with different bodies")
            for attempt in attempts {
                #expect(try attempt.bodyDeliveryID() == id, "vigil.deliveryId differs from X-Vigil-Delivery \(id)")
            }
        }
    }

    /// `X-Vigil-Signature` is `sha256=` HMAC-SHA256 of `"<X-Vigil-Timestamp>.<body>"` keyed with the
    /// secret given in `VIGIL_WEBHOOK_SECRET`, computed here by openssl when it is installed (an
    /// implementation independent of Vigil's), else by `Notify.WebhookSignature`.
    static func expectSignaturesVerify(
        _ requests: [WebhookGateway.Request], secret: String, in directory: TestDirectory
    ) async throws {
        let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        var unverified: [String] = []
        for request in requests {
            let timestamp = try #require(request.timestamp, "a webhook request without X-Vigil-Timestamp")
            let signature = try #require(request.signature, "a webhook request without X-Vigil-Signature")
            let age = Date().timeIntervalSince1970 - (Double(timestamp) ?? 0)
            #expect(age >= -5 && age < 300, "X-Vigil-Timestamp \(timestamp) is not the time of sending")
            let signed = Array(timestamp.utf8) + [UInt8(ascii: ".")] + request.body
            let valid: Bool
            if let openssl {
                let digest = try await ExternalTool.run(
                    openssl, ["dgst", "-sha256", "-hmac", secret], input: signed, environment: [:], in: directory)
                try #require(digest.status == 0, "\(digest)")
                let hex = digest.stdout.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines)
                valid = signature == "sha256=" + (hex ?? "")
            } else {
                valid = WebhookSignature.verify(
                    header: signature, secret: Array(secret.utf8), timestamp: timestamp, body: request.body)
            }
            if !valid { unverified.append("\(request.deliveryID ?? "?") at \(timestamp): \(signature)") }
        }
        #expect(!requests.isEmpty)
        #expect(
            unverified.isEmpty,
            "signatures that do not verify with VIGIL_WEBHOOK_SECRET:\n\(unverified.joined(separator: "\n"))")
    }
}

/// A webhook gateway on 127.0.0.1 for the daemon to deliver to: records every request to
/// `/hook/<name>` (headers that matter, raw body) and answers as the test set that hook's mode.
struct WebhookGateway: Sendable {
    enum Mode: Sendable {
        case accept
        /// 503 Service Unavailable: down for maintenance, try again later.
        case refuse
        /// 422 Unprocessable Content: refused for good.
        case reject
        /// Accepts, answering after `delay`.
        case slow(Duration)
        /// Accepts, answering one request per `interval` in arrival order (a gateway working through
        /// a queue): whatever the sender's concurrency, most requests are in flight for a while.
        case paced(Duration)
        /// Never answers while the test runs.
        case hang
    }

    /// One request as it reached the gateway.
    struct Request: Sendable {
        let hook: String
        let deliveryID: String?
        let timestamp: String?
        let signature: String?
        let body: [UInt8]
        /// Whether the gateway took it (answered, or was to answer, 2xx).
        let accepted: Bool

        private func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], "not a JSON object")
        }

        /// The values of label `name` over the payload's alerts.
        func alertLabels(_ name: String) throws -> [String] {
            let alerts = try #require(try json()["alerts"] as? [[String: Any]], "no alerts array")
            return alerts.compactMap { ($0["labels"] as? [String: String])?[name] }
        }

        /// The numbers in label `n`.
        func alertNumbers() throws -> [Int] {
            try alertLabels("n").compactMap { Int($0) }
        }

        /// `vigil.deliveryId` in the body.
        func bodyDeliveryID() throws -> String? {
            (try json()["vigil"] as? [String: Any])?["deliveryId"] as? String
        }
    }

    struct Snapshot: Sendable {
        var modes: [String: Mode] = [:]
        var requests: [Request] = []
        /// Delivery ids being answered right now.
        var inFlight: Set<String> = []
        /// Requests answered 2xx so far.
        var answered = 0
        var stopped = false
        /// When the last `.paced` answer is due.
        var lastPacedAnswer: ContinuousClock.Instant?
    }

    final class State: Sendable {
        let snapshot = Mutex(Snapshot())
    }

    let port: Int
    let state: State

    func url(_ hook: String) -> String {
        "http://127.0.0.1:\(port)/hook/\(hook)"
    }

    func set(_ mode: Mode, for hook: String) {
        state.snapshot.withLock { $0.modes[hook] = mode }
    }

    var snapshot: Snapshot { state.snapshot.withLock { $0 } }
    var requests: [Request] { snapshot.requests }

    /// Starts a gateway, runs `body` against it, then lets hanging requests go and shuts it down.
    static func run<T: Sendable>(_ body: @Sendable (WebhookGateway) async throws -> T) async throws -> T {
        let state = State()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "webhook-gateway")
        logger.logLevel = .critical
        let router = Router()
        router.post("/hook/{name}") { request, context -> Response in
            let hook = context.parameters.get("name") ?? ""
            let bytes = try await request.body.collect(upTo: 8 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.rawName.lowercased()] = field.value }
            let id = headers["x-vigil-delivery"]
            let mode = state.snapshot.withLock { snapshot -> Mode in
                let mode = snapshot.modes[hook] ?? .accept
                let accepted: Bool
                switch mode {
                case .refuse, .reject, .hang: accepted = false
                case .accept, .slow, .paced: accepted = true
                }
                snapshot.requests.append(
                    Request(
                        hook: hook, deliveryID: id, timestamp: headers["x-vigil-timestamp"],
                        signature: headers["x-vigil-signature"], body: Array(bytes.readableBytesView),
                        accepted: accepted))
                if let id { snapshot.inFlight.insert(id) }
                return mode
            }
            defer {
                if let id { _ = state.snapshot.withLock { $0.inFlight.remove(id) } }
            }
            switch mode {
            case .accept:
                state.snapshot.withLock { $0.answered += 1 }
                return Response(status: .ok)
            case .refuse:
                return Response(status: .serviceUnavailable)
            case .reject:
                return Response(status: .unprocessableContent)
            case .slow(let delay):
                try await Task.sleep(for: delay)
                state.snapshot.withLock { $0.answered += 1 }
                return Response(status: .ok)
            case .paced(let interval):
                let due = state.snapshot.withLock { snapshot in
                    let due = max(ContinuousClock.now, snapshot.lastPacedAnswer ?? ContinuousClock.now) + interval
                    snapshot.lastPacedAnswer = due
                    return due
                }
                try await Task.sleep(until: due, clock: .continuous)
                state.snapshot.withLock { $0.answered += 1 }
                return Response(status: .ok)
            case .hang:
                while !state.snapshot.withLock({ $0.stopped }) { try await Task.sleep(for: .milliseconds(20)) }
                return Response(status: .serviceUnavailable)
            }
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer {
                state.snapshot.withLock { $0.stopped = true }
                group.cancelAll()
            }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            try #require(port > 0, "the webhook gateway did not report a bound port")
            return try await body(WebhookGateway(port: port, state: state))
        }
    }
}

/// A TCP port on 127.0.0.1 that refuses every connection: bound (so nothing else can take it) but
/// never listening, for as long as this value lives.
final class ClosedPort: Sendable {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "socket() failed")
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        try #require(bound && port > 0, "cannot bind a socket on 127.0.0.1")
    }

    deinit {
        close(descriptor)
    }
}
