import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Testing

/// A real Hummingbird HTTP server on 127.0.0.1 and an ephemeral port, for exercising `CurlTransport`
/// over actual sockets rather than mocks.
struct LoopbackServer {
    /// What a test gets to talk to the running server.
    struct Running: Sendable {
        let port: Int
        /// Yields once each time a `/slow` request reaches the server, so tests can act mid-request
        /// without sleeping.
        let slowRequestArrivals: AsyncStream<Void>

        func url(_ path: String) -> String {
            "http://127.0.0.1:\(port)\(path)"
        }
    }

    static let bigBodySize = 64 * 1024

    /// Starts the server, runs `body` against it, then shuts the server down.
    static func run<T: Sendable>(_ body: @Sendable (Running) async throws -> T) async throws -> T {
        let (arrivals, arrivalContinuation) = AsyncStream.makeStream(of: Void.self)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "transport-tests")
        logger.logLevel = .critical
        let app = Application(
            router: makeRouter(onSlowRequest: { arrivalContinuation.yield() }),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            defer { group.cancelAll() }
            var portIterator = ports.makeAsyncIterator()
            let port = await portIterator.next() ?? 0
            try #require(port > 0, "the test server did not report a bound port")
            return try await body(Running(port: port, slowRequestArrivals: arrivals))
        }
    }

    /// Hummingbird's basic context plus the client's port, so a test can tell a reused connection
    /// from a new one.
    struct PeerContext: RequestContext {
        var coreContext: CoreRequestContextStorage
        let peerPort: Int

        init(source: ApplicationRequestContextSource) {
            coreContext = .init(source: source)
            peerPort = source.channel.remoteAddress?.port ?? 0
        }
    }

    private static func makeRouter(onSlowRequest: @escaping @Sendable () -> Void) -> Router<PeerContext> {
        let router = Router(context: PeerContext.self)
        router.get("/peer") { _, context -> String in
            "\(context.peerPort)"
        }
        for method in [HTTPRequest.Method.get, .head, .post, .put, .delete, .patch] {
            router.on("/echo", method: method) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                var headers = HTTPFields()
                headers[HTTPField.Name("X-Method")!] = request.method.rawValue
                headers[HTTPField.Name("X-Echo-Header")!] = request.headers[HTTPField.Name("X-Test")!] ?? ""
                headers[HTTPField.Name("X-Custom")!] = "custom value"
                headers[HTTPField.Name("X-Saw-Expect")!] = request.headers[.expect] == nil ? "no" : "yes"
                return Response(status: .created, headers: headers, body: .init(byteBuffer: body))
            }
        }
        router.get("/status/{code}") { _, context -> Response in
            let code = try context.parameters.require("code", as: Int.self)
            return Response(
                status: .init(code: code),
                body: .init(byteBuffer: ByteBuffer(string: "status \(code)"))
            )
        }
        router.get("/redirect") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.location] = "/echo"
            headers[HTTPField.Name("X-Intermediate")!] = "yes"
            return Response(status: .found, headers: headers)
        }
        router.get("/redirect-to-file") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.location] = "file:///etc/passwd"
            return Response(status: .found, headers: headers)
        }
        router.get("/slow") { _, _ -> String in
            onSlowRequest()
            try await Task.sleep(for: .seconds(2))
            return "slow"
        }
        router.get("/big") { _, _ -> Response in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 0x61, count: bigBodySize)))
        }
        router.get("/big-chunked") { _, _ -> Response in
            // No Content-Length: the client only finds out the size while reading.
            Response(
                status: .ok,
                body: .init { writer in
                    for _ in 0..<16 {
                        try await writer.write(ByteBuffer(repeating: 0x62, count: bigBodySize / 16))
                    }
                    try await writer.finish(nil)
                }
            )
        }
        return router
    }
}
