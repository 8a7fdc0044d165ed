import Transport

/// Delivers PagerDuty events through libcurl: POSTs the stored event, with the routing key spliced
/// in at the attempt (read from `routing_key_file` each time), to the configured Events API URL.
/// PagerDuty's 202 is delivered; its 400 (an invalid event: retrying cannot fix it) dead-letters at
/// once with PagerDuty's message kept on the outbox entry; 429 and 5xx are retried.
public struct PagerDutySender: MessageSender {
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
            receiver.pagerdutyConfigs.indices.contains(message.index)
        else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = receiver.pagerdutyConfigs[message.index]
        guard let key = config.routingKey ?? config.routingKeyFile.flatMap(HTTPClientConfig.read), !key.isEmpty else {
            let file = config.routingKeyFile.map { " (routing_key_file \($0) cannot be read)" } ?? ""
            return .retry("no PagerDuty routing key\(file)", retryAfter: nil)
        }
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("User-Agent", userAgent), ("X-Vigil-Delivery", message.id),
        ]
        headers += config.http.authorizationHeaders()
        let request = HTTPRequest(
            method: "POST", url: config.url, headers: headers,
            body: PagerDutyEvent.withRoutingKey(message.body, key: key),
            timeout: .milliseconds(config.timeoutMilliseconds), tls: config.http.tls, proxyURL: config.http.proxyURL)
        do {
            let response = try await transport.perform(request)
            return WebhookSender.outcome(
                status: response.status, retryAfter: response.header("Retry-After"), now: now,
                body: response.bodyText)
        } catch {
            switch error {
            case .invalidURL, .invalidRequest: return .failed("\(error)")
            default: return .retry("\(error)", retryAfter: nil)
            }
        }
    }
}
