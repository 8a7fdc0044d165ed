import Foundation

/// Vigil's one way to make an outbound HTTP request, backed by libcurl.
///
/// Why libcurl and why this shape: libcurl gives Vigil mature TLS, proxies and (later) SMTP from the
/// same code path. Each `perform` uses its own easy handle on its own thread, so the transport is a
/// plain `Sendable` value that any number of tasks may use at once, and the blocking transfer never
/// occupies a thread of Swift's cooperative pool. Cancelling the calling task aborts the transfer.
public struct CurlTransport: Sendable {
    /// Responses with a larger body fail with `TransportError.responseTooLarge`.
    public let maxResponseBytes: Int
    /// Sent as `User-Agent` unless a request sets its own.
    public let userAgent: String

    public init(maxResponseBytes: Int = 16 << 20, userAgent: String = "vigil") {
        self.maxResponseBytes = max(0, maxResponseBytes)
        self.userAgent = userAgent
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
                let thread = Thread {
                    continuation.resume(
                        returning: CurlTransfer.run(request, settings: settings, cancellation: cancellation)
                    )
                }
                thread.name = "vigil-curl"
                thread.start()
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
                let thread = Thread {
                    continuation.resume(returning: CurlMailTransfer.run(request, cancellation: cancellation))
                }
                thread.name = "vigil-smtp"
                thread.start()
            }
        } onCancel: {
            cancellation.raise()
        }
        try result.get()
    }
}
