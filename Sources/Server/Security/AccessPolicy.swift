import HTTPTypes

/// Which credentials each route needs, decided in this one place for every route the server has.
///
/// - open: `/-/healthy` and `/-/ready`, for load balancers and systemd; the pages' stylesheets.
/// - read: every other `GET` and `HEAD`, and the query endpoints Prometheus also answers by `POST`
///   (a form body, not a change): behind basic auth when users are configured; the API token is
///   accepted too, so a client configured with the token alone (amtool, Grafana) reads and writes.
/// - signed: acknowledgements that carry their own proof, checked by the route: `POST /api/v1/acks`
///   (an HMAC signature over timestamp and body) and `/ack/{token}` (a signed, expiring link).
///   Without a valid signature they answer 401 and change nothing.
/// - page: a web page's form (`POST /ui/…`): a user of `web.basic_auth_users`, who is the actor
///   on the record, plus the form's CSRF token (checked by the route). Without users configured the
///   pages are read-only: 403.
/// - write: everything else: the API token (`Authorization: Bearer`), whatever else is configured.
///   A method or path nobody listed falls here, so a new route is protected until said otherwise.
public enum AccessPolicy {
    public enum Requirement: String, Sendable, Equatable {
        case open, read, write, signed, page
    }

    static let openPaths: Set<String> = [
        "/-/healthy", "/-/ready", "/static/ack.css", "/static/vigil.css", "/static/vigil.js",
    ]
    /// Prometheus' read endpoints that accept `POST` with a form body.
    static let postReads: Set<String> = [
        "/api/v1/query", "/api/v1/query_range", "/api/v1/series", "/api/v1/labels", "/api/v1/query_exemplars",
        "/api/v1/format_query",
    ]

    public static func requirement(method: HTTPRequest.Method, path: String) -> Requirement {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        if isSigned(method: method, path: path) { return .signed }
        switch method {
        case .get, .head:
            return openPaths.contains(path) ? .open : .read
        case .post:
            if postReads.contains(path) { return .read }
            if path.hasPrefix("/ui/") { return .page }
            if path.hasPrefix("/api/v1/label/"), path.hasSuffix("/values") { return .read }
            return .write
        default:
            return .write
        }
    }

    /// The routes that check a signature of their own.
    static func isSigned(method: HTTPRequest.Method, path: String) -> Bool {
        if method == .post && path == "/api/v1/acks" { return true }
        guard method == .get || method == .head || method == .post, path.hasPrefix("/ack/") else { return false }
        return !path.dropFirst("/ack/".count).contains("/")
    }
}
