import Foundation

/// Vigil's one way to make an outbound HTTP request, backed by libcurl.
///
/// Why libcurl and why this shape: libcurl gives Vigil mature TLS, proxies and (later) SMTP from the
/// same code path. Transfers run on the transport's own bounded set of threads (``CurlWorkerPool``),
/// never on Swift's cooperative pool, at most `maxConcurrentTransfers` at once and the rest queued in
/// order; each thread reuses its handle, so a receiver that keeps connections alive is not
/// reconnected for every message. The transport is a plain `Sendable` value: copies share the
/// threads, any number of tasks may use it at once. Cancelling the calling task aborts the transfer
/// (or, if it is still queued, fails it as soon as a thread takes it, without connecting).
public struct CurlTransport: Sendable {
    /// Responses with a larger body fail with `TransportError.responseTooLarge`.
    public let maxResponseBytes: Int
    /// Sent as `User-Agent` unless a request sets its own.
    public let userAgent: String
    /// How many transfers run at once through this transport (and its copies); more wait their turn.
    public var maxConcurrentTransfers: Int { pool.maxThreads }
    let pool: CurlWorkerPool

    public init(maxResponseBytes: Int = 16 << 20, userAgent: String = "vigil", maxConcurrentTransfers: Int = 16) {
        self.maxResponseBytes = max(0, maxResponseBytes)
        self.userAgent = userAgent
        self.pool = CurlWorkerPool(maxThreads: maxConcurrentTransfers)
    }

    /// Sends `request` and returns the final response, whatever its status code.
    ///
    /// Throws `TransportError` when no response arrived: timeout, refused connection, unknown host,
    /// a URL or request that is not allowed, cancellation, or a body over `maxResponseBytes`.
    public func perform(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let settings = CurlTransfer.Settings(maxResponseBytes: maxResponseBytes, userAgent: userAgent)
        let cancellation = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation {
                (continuation: CheckedContinuation<Result<HTTPResponse, TransportError>, Never>) in
                pool.submit { worker in
                    let result = CurlTransfer.run(
                        request, settings: settings, cancellation: cancellation, worker: worker)
                    continuation.resume(returning: result)
                }
            }
        } onCancel: {
            cancellation.raise()
        }
        return try result.get()
    }

    /// Hands `request` to its SMTP relay; returns once the relay accepted the message.
    ///
    /// Throws `TransportError` when it did not: connection refused, timeout, a refused sender,
    /// recipient or message (`.curl` with the relay's answer), a failed STARTTLS or AUTH.
    public func send(_ request: MailRequest) async throws(TransportError) {
        let cancellation = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, TransportError>, Never>) in
                pool.submit { worker in
                    continuation.resume(
                        returning: CurlMailTransfer.run(request, cancellation: cancellation, worker: worker)
                    )
                }
            }
        } onCancel: {
            cancellation.raise()
        }
        try result.get()
    }
}
