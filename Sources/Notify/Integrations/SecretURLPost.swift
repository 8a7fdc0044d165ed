import Foundation
import Transport

/// One attempt's POST to a URL that is itself a secret (a Slack or Teams webhook, an SMS gateway
/// with a key in its path): the request the integrations share, with the URL kept out of every
/// error message (it names `<url>` instead), so the outbox and the logs never show it.
struct SecretURLPost {
    var url: String
    var method = "POST"
    var body: [UInt8]
    var contentType = "application/json"
    var headers: [(name: String, value: String)] = []
    var http: HTTPClientConfig
    /// ms.
    var timeout: Int64

    /// The gateway's answer, or the outcome when there was none.
    func perform(_ transport: CurlTransport, message: OutboxMessage, userAgent: String) async -> Result<
        HTTPResponse, Failure
    > {
        var fields: [(name: String, value: String)] = [
            ("Content-Type", contentType), ("User-Agent", userAgent), ("X-Vigil-Delivery", message.id),
        ]
        fields += headers
        fields += http.authorizationHeaders()
        let request = HTTPRequest(
            method: method, url: url, headers: fields, body: body, timeout: .milliseconds(timeout), tls: http.tls,
            proxyURL: http.proxyURL)
        do {
            return .success(try await transport.perform(request))
        } catch {
            switch error {
            case .invalidURL, .invalidRequest: return .failure(Failure(outcome: .failed("the URL is not valid")))
            default:
                let text = "\(error)".replacingOccurrences(of: url, with: "<url>")
                return .failure(Failure(outcome: .retry(text, retryAfter: nil)))
            }
        }
    }

    /// What an attempt without an answer comes to.
    struct Failure: Error {
        let outcome: DeliveryOutcome
    }
}
