/// The final response to an `HTTPRequest`, fully buffered.
///
/// Why buffered and not streamed: Vigil's callers (webhook delivery, scraping) want the status, a few
/// headers and a bounded body, and `CurlTransport` caps the body size, so a plain value is the simplest
/// thing to hand back across the thread boundary. Any status code, 4xx and 5xx included, is a response
/// here, not an error: deciding what a status means is the caller's job.
public struct HTTPResponse: Sendable {
    /// The HTTP status code of the final response (after redirects, if they were followed).
    public var status: Int
    /// The final response's headers in the order received; intermediate (1xx, redirect) responses'
    /// headers are not included.
    public var headers: [(name: String, value: String)]
    /// The response body, at most the transport's `maxResponseBytes` long.
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header called `name`, compared case-insensitively (as HTTP requires).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body decoded as UTF-8, with invalid bytes replaced.
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
