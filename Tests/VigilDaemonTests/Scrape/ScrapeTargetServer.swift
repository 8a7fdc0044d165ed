import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// A real scrape target on 127.0.0.1: serves whatever page and status the test sets at `/metrics`.
final class ScrapeTargetServer: Sendable {
    private let page = Mutex<(status: Int, body: String)>((200, ""))

    func serve(_ body: String, status: Int = 200) {
        page.withLock { $0 = (status, body) }
    }

    private var current: (status: Int, body: String) { page.withLock { $0 } }

    /// Runs the server for the duration of `body`, handing it `host:port`.
    func run<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "scrape-target")
        logger.logLevel = .critical
        let router = Router()
        router.get("/metrics") { [self] _, _ -> Response in
            let (status, text) = current
            return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: text)))
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
            try #require(port > 0)
            return try await body("127.0.0.1:\(port)")
        }
    }
}
