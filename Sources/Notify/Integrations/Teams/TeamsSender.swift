import Transport
import VigilCore

/// Delivers Teams cards through libcurl to the incoming webhook (`webhook_url`, or the URL in
/// `webhook_url_file` read at each attempt). 2xx is delivered; 429 and 5xx retry; any other answer
/// dead-letters with Teams' words.
public struct TeamsSender: MessageSender {
    let directory: ReceiverDirectory
    let transport: CurlTransport
    let userAgent: String

    public init(directory: ReceiverDirectory, transport: CurlTransport, userAgent: String) {
        self.directory = directory
        self.transport = transport
        self.userAgent = userAgent
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        guard let receiver = directory.receiver(message.receiver),
            receiver.teamsConfigs.indices.contains(message.index)
        else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = receiver.teamsConfigs[message.index]
        guard let url = config.webhookURL ?? config.webhookURLFile.flatMap(HTTPClientConfig.read), !url.isEmpty else {
            let file = config.webhookURLFile.map { " (webhook_url_file \($0) cannot be read)" } ?? ""
            return .retry("no Teams webhook URL\(file)", retryAfter: nil)
        }
        let post = SecretURLPost(url: url, body: message.body, http: config.http, timeout: config.timeoutMilliseconds)
        switch await post.perform(transport, message: message, userAgent: userAgent) {
        case .failure(let failure): return failure.outcome
        case .success(let response):
            return WebhookSender.outcome(
                status: response.status, retryAfter: response.header("Retry-After"), now: now, body: response.bodyText)
        }
    }
}
