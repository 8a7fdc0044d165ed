/// Why an outbound request produced no response.
///
/// Why these cases: an operator reading a log line or an alert wants to tell "the other side is down"
/// (refused, unresolvable, timed out) from "our configuration is wrong" (invalid URL or request) from
/// "we gave up on purpose" (cancelled, too large), without knowing libcurl's error numbers. Anything
/// rarer keeps curl's own code and text. Descriptions hide any `user:password@` part of a URL.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The connect timeout or the total timeout ran out.
    case timedOut(url: String)
    /// Nothing listens at the URL's host and port.
    case connectionRefused(url: String)
    /// The URL's host name did not resolve.
    case couldNotResolveHost(url: String)
    /// The URL is malformed or its scheme is not `http`/`https`.
    case invalidURL(String)
    /// The request itself cannot be sent safely (a bad method, or a header with CR/LF in it).
    case invalidRequest(String)
    /// The calling task was cancelled before the transfer finished.
    case cancelled
    /// The response body would have exceeded the transport's limit, in bytes.
    case responseTooLarge(limit: Int)
    /// Any other libcurl failure: its `CURLcode`, its message, and the URL requested.
    case curl(code: Int, message: String, url: String)

    public var description: String {
        switch self {
        case .timedOut(let url):
            "timed out: \(Self.redacted(url))"
        case .connectionRefused(let url):
            "connection refused: \(Self.redacted(url))"
        case .couldNotResolveHost(let url):
            "could not resolve host: \(Self.redacted(url))"
        case .invalidURL(let url):
            "invalid URL (only absolute http and https URLs are allowed): \(Self.redacted(url))"
        case .invalidRequest(let reason):
            "invalid request: \(reason)"
        case .cancelled:
            "request cancelled"
        case .responseTooLarge(let limit):
            "response larger than the \(limit)-byte limit"
        case .curl(let code, let message, let url):
            "curl error \(code) (\(message)): \(Self.redacted(url))"
        }
    }

    /// The URL with any credentials in its authority replaced by `***`, for logs.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + "***" + String(url[at...])
    }
}
