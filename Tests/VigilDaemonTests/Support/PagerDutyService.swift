import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// PagerDuty's Events API v2 on 127.0.0.1, as far as Vigil uses it: `POST /v2/enqueue` checks an
/// event the way PagerDuty documents it (a `routing_key` of 32 characters, `event_action` one of
/// trigger, acknowledge, resolve, a `dedup_key` of at most 255 characters; a trigger's `payload`
/// with a `summary` of 1 to 1,024 characters, a `source` and a `severity` among critical, error,
/// warning, info) and answers as PagerDuty does: 202 `{"status":"success","message":"Event
/// processed","dedup_key":…}`, 400 `{"status":"invalid event","message":"Event object is invalid",
/// "errors":[…]}`, or a 429 the test asked for.
struct PagerDutyService: Sendable {
    /// One event as it arrived, and whether it was taken.
    struct Event: Sendable {
        let raw: String
        let status: Int

        var json: [String: Any] {
            ((try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any]) ?? [:]
        }
        var action: String? { json["event_action"] as? String }
        var dedupKey: String? { json["dedup_key"] as? String }
        var routingKey: String? { json["routing_key"] as? String }
        var payload: [String: Any]? { json["payload"] as? [String: Any] }
    }

    final class State: Sendable {
        let events = Mutex<[Event]>([])
        /// How many of the next events to answer 429.
        let throttle = Mutex(0)
    }

    let port: Int
    let state: State

    var url: String { "http://127.0.0.1:\(port)/v2/enqueue" }
    var events: [Event] { state.events.withLock { $0 } }
    var accepted: [Event] { events.filter { $0.status == 202 } }

    func throttleNext(_ count: Int) {
        state.throttle.withLock { $0 = count }
    }

    /// What PagerDuty would refuse in `event`, in its words.
    static func problems(_ event: [String: Any]) -> [String] {
        var problems: [String] = []
        if (event["routing_key"] as? String)?.count != 32 { problems.append("'routing_key' must be 32 characters") }
        let action = event["event_action"] as? String
        if !["trigger", "acknowledge", "resolve"].contains(action ?? "") {
            problems.append("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)")
        }
        if let key = event["dedup_key"] as? String, key.count > 255 { problems.append("'dedup_key' is too long") }
        if action == "trigger" {
            let payload = event["payload"] as? [String: Any]
            let summary = payload?["summary"] as? String ?? ""
            if summary.isEmpty || summary.count > 1024 { problems.append("'payload.summary' is missing or too long") }
            if (payload?["source"] as? String ?? "").isEmpty { problems.append("'payload.source' is missing") }
            if !["critical", "error", "warning", "info"].contains(payload?["severity"] as? String ?? "") {
                problems.append("'payload.severity' is invalid")
            }
        }
        return problems
    }

    static func run<T: Sendable>(_ body: @Sendable (PagerDutyService) async throws -> T) async throws -> T {
        let state = State()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "pagerduty-service")
        logger.logLevel = .critical
        let router = Router()
        router.post("/v2/enqueue") { request, _ -> Response in
            let bytes = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            let raw = String(decoding: bytes, as: UTF8.self)
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            let throttled = state.throttle.withLock { count in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
            let problems = object.map(Self.problems) ?? ["invalid JSON"]
            let status = throttled ? 429 : problems.isEmpty ? 202 : 400
            state.events.withLock { $0.append(Event(raw: raw, status: status)) }
            let answer: [String: Any]
            switch status {
            case 202:
                answer = ["status": "success", "message": "Event processed", "dedup_key": object?["dedup_key"] ?? ""]
            case 429:
                answer = ["status": "throttle event", "message": "Requests for this service are arriving too quickly."]
            default:
                answer = ["status": "invalid event", "message": "Event object is invalid", "errors": problems]
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            if status == 429 { headers[.retryAfter] = "1" }
            return Response(
                status: .init(code: status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: answer))))
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            try #require(port > 0, "the PagerDuty service did not report a bound port")
            return try await body(PagerDutyService(port: port, state: state))
        }
    }
}
