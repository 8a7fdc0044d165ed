import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
import Testing

/// A service on 127.0.0.1 that records every request to `/<path>` and answers what `answer` says
/// for it (status, body): a stand-in for a chat or SMS gateway whose checks the test writes.
struct RecordingService: Sendable {
    struct Request: Sendable {
        let path: String
        let method: String
        let contentType: String
        let body: String
        let status: Int

        var json: [String: Any] {
            ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]) ?? [:]
        }

        /// The body as a form (`a=b&c=d`), decoded.
        var form: [String: String] {
            var fields: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                fields[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return fields
        }
    }

    let port: Int
    let box: Box

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }
    var recorded: [Request] { box.requests.withLock { $0 } }

    final class Box: Sendable {
        let requests = Mutex<[Request]>([])
    }

    static func run<T: Sendable>(
        answer: @escaping @Sendable (_ path: String, _ contentType: String, _ body: String) -> (Int, String),
        _ body: @Sendable (RecordingService) async throws -> T
    ) async throws -> T {
        let box = Box()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "recording-service")
        logger.logLevel = .critical
        let router = Router()
        let handler: @Sendable (Hummingbird.Request, BasicRequestContext) async throws -> Response = {
            request, context in
            let path = context.parameters.getCatchAll().joined(separator: "/")
            let text = String(decoding: try await request.body.collect(upTo: 1 << 20).readableBytesView, as: UTF8.self)
            let contentType = request.headers[.contentType] ?? ""
            let (status, reply) = answer(path, contentType, text)
            box.requests.withLock {
                $0.append(
                    Request(
                        path: path, method: request.method.rawValue, contentType: contentType, body: text,
                        status: status))
            }
            return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: reply)))
        }
        router.post("/**", use: handler)
        router.put("/**", use: handler)
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
            try #require(port > 0, "the recording service did not report a bound port")
            return try await body(RecordingService(port: port, box: box))
        }
    }
}
