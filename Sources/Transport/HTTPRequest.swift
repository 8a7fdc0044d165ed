/// An outbound HTTP request, described as plain values so it can cross into the transfer thread.
///
/// Why a value type of its own: every outbound call in Vigil (webhooks, scraping, later SMTP-adjacent
/// calls) goes through `CurlTransport`, and callers should not have to know anything about libcurl to
/// describe what they want sent. Headers are kept as an ordered list because order and repetition are
/// meaningful on the wire.
public struct HTTPRequest: Sendable {
    /// The request method as sent on the wire ("GET", "POST", "PUT", "DELETE", "HEAD", ...).
    public var method: String
    /// An absolute `http://` or `https://` URL; any other scheme is refused.
    public var url: String
    /// Extra request headers, sent in this order. A header with an empty value is sent empty.
    public var headers: [(name: String, value: String)]
    /// The request body; `nil` sends none (a POST without a body sends `Content-Length: 0`).
    public var body: [UInt8]?
    /// How long establishing the connection (DNS, TCP, TLS) may take.
    public var connectTimeout: Duration
    /// How long the whole request may take, connection included.
    public var timeout: Duration
    /// Whether to follow 3xx redirects (at most 10, to http/https only).
    public var followRedirects: Bool
    /// How the server's certificate is checked (https only).
    public var tls: TLSOptions
    /// An HTTP proxy to go through (`proxy_url`), nil for a direct connection.
    public var proxyURL: String?

    public init(
        method: String = "GET",
        url: String,
        headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil,
        connectTimeout: Duration = .seconds(5),
        timeout: Duration = .seconds(30),
        followRedirects: Bool = false,
        tls: TLSOptions = TLSOptions(),
        proxyURL: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.followRedirects = followRedirects
        self.tls = tls
        self.proxyURL = proxyURL
    }
}
