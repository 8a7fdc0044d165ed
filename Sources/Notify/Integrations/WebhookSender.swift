import Foundation
import Transport

/// Delivers webhook messages through libcurl: POSTs the stored body to the integration's URL with
/// Alertmanager's headers, the delivery id, a fresh timestamp and its signature. 2xx is delivered;
/// 408, 429 and 5xx and connection failures are retried (`Retry-After` honoured); any other answer
/// is refused for good.
public struct WebhookSender: MessageSender {
    let directory: ReceiverDirectory
    let transport: CurlTransport
    let secret: [UInt8]
    let userAgent: String

    public init(directory: ReceiverDirectory, transport: CurlTransport, secret: [UInt8], userAgent: String) {
        self.directory = directory
        self.transport = transport
        self.secret = secret
        self.userAgent = userAgent
    }

    public func send(_ message: OutboxMessage, now: Int64) async -> DeliveryOutcome {
        guard let receiver = directory.receiver(message.receiver),
            receiver.webhookConfigs.indices.contains(message.index)
        else {
            return .failed("receiver \"\(message.receiver)\" no longer has \(message.integration) in the configuration")
        }
        let config = receiver.webhookConfigs[message.index]
        let timestamp = String(now / 1000)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            ("User-Agent", userAgent),
            ("X-Vigil-Delivery", message.id),
            ("X-Vigil-Timestamp", timestamp),
            ("X-Vigil-Signature", WebhookSignature.header(secret: secret, timestamp: timestamp, body: message.body)),
        ]
        headers += config.http.authorizationHeaders()
        let request = HTTPRequest(
            method: "POST", url: config.url, headers: headers, body: message.body,
            timeout: .milliseconds(config.timeoutMilliseconds), tls: config.http.tls, proxyURL: config.http.proxyURL)
        do {
            let response = try await transport.perform(request)
            return Self.outcome(
                status: response.status, retryAfter: response.header("Retry-After"), now: now,
                body: response.bodyText)
        } catch {
            switch error {
            case .invalidURL, .invalidRequest: return .failed("\(error)")
            default: return .retry("\(error)", retryAfter: nil)
            }
        }
    }

    /// How an HTTP answer ends the attempt.
    static func outcome(status: Int, retryAfter: String?, now: Int64, body: String) -> DeliveryOutcome {
        if (200..<300).contains(status) { return .delivered }
        let excerpt = String(body.prefix(200)).trimmingCharacters(in: .whitespacesAndNewlines)
        let error = "HTTP \(status)" + (excerpt.isEmpty ? "" : ": \(excerpt)")
        if status == 408 || status == 429 || status >= 500 {
            return .retry(error, retryAfter: retryAfter.flatMap { RetryAfter.milliseconds($0, now: now) })
        }
        return .failed(error)
    }
}

/// The `Retry-After` header: delay-seconds or an HTTP date.
enum RetryAfter {
    static func milliseconds(_ text: String, now: Int64) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(trimmed) { return max(0, seconds) * 1000 }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, Int64(date.timeIntervalSince1970 * 1000) - now)
    }
}
