import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// Slack's incoming webhooks on 127.0.0.1: `POST /services/<token>` takes a message the way Slack
/// documents it (a JSON object with a non-empty `text`, `attachments` or `blocks`; each attachment
/// with a `fallback` or a `text`) and answers as Slack does: 200 `ok`, 400 `invalid_payload`, 403
/// `invalid_token` for a token it does not know, or a 429 `rate_limited` the test asked for.
struct SlackService: Sendable {
    struct Message: Sendable {
        let token: String
        let raw: String
        let status: Int
        /// When it arrived, on the test's monotonic clock.
        let at: ContinuousClock.Instant

        var json: [String: Any] {
            ((try? JSONSerialization.jsonObject(with: Data(raw.utf8))) as? [String: Any]) ?? [:]
        }
        var attachment: [String: Any]? { (json["attachments"] as? [[String: Any]])?.first }
    }

    final class State: Sendable {
        let messages = Mutex<[Message]>([])
        let throttle = Mutex(0)
    }

    /// The one token this workspace knows.
    static let token = "T000/B000/XXXXXXXX"
    let port: Int
    let state: State

    func url(token: String = Self.token) -> String { "http://127.0.0.1:\(port)/services/\(token)" }
    var messages: [Message] { state.messages.withLock { $0 } }
    var delivered: [Message] { messages.filter { $0.status == 200 } }

    func throttleNext(_ count: Int) {
        state.throttle.withLock { $0 = count }
    }

    static func isValid(_ object: [String: Any]?) -> Bool {
        guard let object else { return false }
        let text = object["text"] as? String ?? ""
        let attachments = object["attachments"] as? [[String: Any]] ?? []
        let blocks = object["blocks"] as? [Any] ?? []
        guard !text.isEmpty || !attachments.isEmpty || !blocks.isEmpty else { return false }
        return attachments.allSatisfy { !($0["fallback"] as? String ?? $0["text"] as? String ?? "").isEmpty }
    }

    static func run<T: Sendable>(_ body: @Sendable (SlackService) async throws -> T) async throws -> T {
        let state = State()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "slack-service")
        logger.logLevel = .critical
        let router = Router()
        router.post("/services/**") { request, context -> Response in
            let token = context.parameters.getCatchAll().joined(separator: "/")
            let bytes = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            let throttled = state.throttle.withLock { count in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
            let (status, answer) =
                token != Self.token
                ? (403, "invalid_token")
                : throttled ? (429, "rate_limited") : isValid(object) ? (200, "ok") : (400, "invalid_payload")
            state.messages.withLock {
                $0.append(
                    Message(token: token, raw: String(decoding: bytes, as: UTF8.self), status: status, at: .now))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain"
            if status == 429 { headers[.retryAfter] = "1" }
            return Response(
                status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer)))
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
            try #require(port > 0, "the Slack service did not report a bound port")
            return try await body(SlackService(port: port, state: state))
        }
    }
}
