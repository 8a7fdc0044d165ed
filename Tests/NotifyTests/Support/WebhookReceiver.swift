import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// A real webhook receiver: a Hummingbird server on 127.0.0.1 and an ephemeral port that records
/// every request to `/hook/<name>` and answers as the test scripted it (by delivery id first, then
/// by hook name; 200 when nothing was scripted).
struct WebhookReceiver: Sendable {
    /// How the receiver answers one request.
    enum Reply: Sendable {
        case status(Int, headers: [(name: String, value: String)] = [])
        /// Holds the request open until ``WebhookReceiver/release()``, then answers `status`.
        case hang(thenStatus: Int = 200)
    }

    /// One request as it reached the server.
    struct Request: Sendable {
        /// The `<name>` of `/hook/<name>`.
        let hook: String
        let headers: [(name: String, value: String)]
        let body: [UInt8]

        /// The values of header `name`, compared case-insensitively.
        func values(of name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }

        /// The first value of header `name`.
        func header(_ name: String) -> String? {
            values(of: name).first
        }

        var deliveryID: String? { header("X-Vigil-Delivery") }
    }

    /// What happened at the receiver, in order.
    enum Event: Sendable {
        case arrived(Request)
        /// The test released the hanging requests.
        case released

        var request: Request? {
            if case .arrived(let request) = self { request } else { nil }
        }
    }

    /// The scripted answers and the event log, shared with the request handler.
    final class Recorder: Sendable {
        let events = EventLog<Event>()
        private let scripts = Mutex<[String: [Reply]]>([:])

        func script(_ key: String, _ replies: [Reply]) {
            scripts.withLock { $0[key, default: []] += replies }
        }

        /// Records `request` and takes its scripted answer.
        func arrive(_ request: Request) -> Reply {
            events.append(.arrived(request))
            return scripts.withLock { scripts in
                for key in [request.deliveryID, request.hook].compactMap({ $0 }) {
                    if var queue = scripts[key], !queue.isEmpty {
                        let reply = queue.removeFirst()
                        scripts[key] = queue
                        return reply
                    }
                }
                return .status(200)
            }
        }

        var isReleased: Bool {
            events.all.contains { if case .released = $0 { true } else { false } }
        }
    }

    let port: Int
    let recorder: Recorder

    /// `http://127.0.0.1:<port>/hook/<name>`.
    func url(_ hook: String) -> String {
        "http://127.0.0.1:\(port)/hook/\(hook)"
    }

    /// Answers the next requests to hook `name` (or carrying delivery id `name`) with `replies`, in
    /// order.
    func reply(to name: String, _ replies: Reply...) {
        recorder.script(name, replies)
    }

    /// The requests received so far, oldest first.
    var requests: [Request] { recorder.events.all.compactMap(\.request) }

    /// Lets every hanging request (and every later `.hang`) answer.
    func release() {
        if !recorder.isReleased { recorder.events.append(.released) }
    }

    /// The requests once `count` have arrived (nil when they did not within `timeout`).
    func waitForRequests(_ count: Int, within timeout: Duration = .seconds(20)) async -> [Request]? {
        await recorder.events.wait(within: timeout) { $0.compactMap(\.request).count >= count }
            .map { $0.compactMap(\.request) }
    }

    /// Starts a receiver, runs `body` against it, releases what hangs and shuts the server down.
    static func run<T: Sendable>(_ body: @Sendable (WebhookReceiver) async throws -> T) async throws -> T {
        let recorder = Recorder()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let router = Router()
        router.post("/hook/{name}") { request, context -> Response in
            let body = try await request.body.collect(upTo: 8 << 20)
            let received = Request(
                hook: context.parameters.get("name") ?? "",
                headers: request.headers.map { (name: $0.name.rawName, value: $0.value) },
                body: Array(body.readableBytesView))
            switch recorder.arrive(received) {
            case .status(let code, let extra):
                var headers = HTTPFields()
                for header in extra {
                    if let name = HTTPField.Name(header.name) { headers[name] = header.value }
                }
                return Response(
                    status: .init(code: code), headers: headers,
                    body: .init(byteBuffer: ByteBuffer(string: "answered \(code)")))
            case .hang(let code):
                _ = await recorder.events.wait(within: .seconds(60)) { events in
                    events.contains { if case .released = $0 { true } else { false } }
                }
                return Response(status: .init(code: code))
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
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            try #require(port > 0, "the webhook receiver did not report a bound port")
            let receiver = WebhookReceiver(port: port, recorder: recorder)
            defer { receiver.release() }
            return try await body(receiver)
        }
    }
}
