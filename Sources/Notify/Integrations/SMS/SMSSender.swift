import Transport

/// Delivers SMS requests through libcurl to the gateway (`url`, or the URL in `url_file` read at
/// each attempt), one request per phone number. 2xx is delivered; 408, 429 and 5xx retry; any other
/// answer dead-letters with the gateway's words.
public struct SMSSender: MessageSender {
    let directory: ReceiverDirectory
    let transport: CurlTransport
    let userAgent: String

    public init(directory: ReceiverDirectory, transport: CurlTransport, userAgent: String) {
        self.directory = directory
        self.transport = transport
        self.userAgent = userAgent
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        guard let target = directory.receiver(message.receiver)?.smsTarget(message.index) else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = target.config
        guard let url = config.url ?? config.urlFile.flatMap(HTTPClientConfig.read), !url.isEmpty else {
            let file = config.urlFile.map { " (url_file \($0) cannot be read)" } ?? ""
            return .retry("no SMS gateway URL\(file)", retryAfter: nil)
        }
        let post = SecretURLPost(
            url: url, method: config.method, body: message.body,
            contentType: config.format == .json ? "application/json" : "application/x-www-form-urlencoded",
            headers: config.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, http: config.http,
            timeout: config.timeoutMilliseconds)
        switch await post.perform(transport, message: message, userAgent: userAgent) {
        case .failure(let failure): return failure.outcome
        case .success(let response):
            return WebhookSender.outcome(
                status: response.status, retryAfter: response.header("Retry-After"), now: now, body: response.bodyText)
        }
    }
}
